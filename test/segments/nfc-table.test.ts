/** The NFC class is generated data: the committed file is exactly what its script makes. */
import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../e2e/workspace.js';

test('src/segments/nfc-table.ts equals the output of scripts/generate-nfc-table.mjs', async () => {
  const script = path.join(repoRoot, 'scripts', 'generate-nfc-table.mjs');
  const { generateNfcTable } = (await import(script)) as { generateNfcTable: () => string };
  const committed = readFileSync(path.join(repoRoot, 'src', 'segments', 'nfc-table.ts'), 'utf8');
  expect(committed).toBe(generateNfcTable());
  expect(committed.split('\n')).toHaveLength(4);
  const check = spawnSync(process.execPath, [script, '--check'], { cwd: repoRoot, encoding: 'utf8' });
  expect([check.status, check.stderr]).toEqual([0, '']);
}, 60_000);
