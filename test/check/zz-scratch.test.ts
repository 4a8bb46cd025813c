import path from 'node:path';
import { test } from '@jest/globals';
import { loadConfig } from '../../src/config/load.js';
import { readArticleFile } from '../../src/articles/read.js';
import { blockKeys } from '../../src/check/translation.js';
test('scratch', () => {
  const config = loadConfig({ workspace: path.resolve('.') });
  const a = readArticleFile('articles/en/queen-of-tears.md', config, { cwd: path.resolve('.') });
  const keys = blockKeys(a);
  for (const s of a.segments) process.stdout.write(`${s.id} ${s.kind} ${s.structure} L${s.line}:${s.column} [${keys.get(s.id)}] parent=${s.parentId ?? ''}\n   ${JSON.stringify(s.text)}\n   ${JSON.stringify(s.tags)}\n`);
});
