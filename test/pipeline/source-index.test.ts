/**
 * The read stage's source index (issue 13 part 5): a source whose status is the recorded one is not read,
 * its text is read only when a stage asks; a source edited in between is left for the next run rather
 * than translated from a text its hash does not describe. The racy rule reads an injected clock.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { fileHash } from '../../src/memory/records.js';
import { setStampIndexClock } from '../../src/memory/stamp-index.js';
import { openSourceIndex, readSourceFiles } from '../../src/translate/read.js';
import { loadArticleParser } from '../../src/translate/parser.js';
import { UnreadableArticleError } from '../../src/translate/types.js';

const STORY = '# A story\n\nSome text.\n';
let dir: string;
let file: string;

/** A run's read: the index opened, the files read through it, the index saved (a real run saves after its writes). */
function readAndSave(files: string[], config: ReturnType<typeof loadConfig>): ReturnType<typeof readSourceFiles> {
  const index = openSourceIndex(config);
  const read = readSourceFiles(files, config, index);
  index.save({ prune: false });
  return read;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-source-index-'));
  writeFileSync(path.join(dir, 'storyloc.config.yaml'), 'sourceLanguages: [en]\ntargetLanguages: [it]\n');
  file = path.join(dir, 'articles', 'en', 'story.md');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, STORY);
  // a minute later: the story is old enough to be recorded
  setStampIndexClock(() => Date.now() + 60_000);
});
afterEach(() => {
  setStampIndexClock(null);
  rmSync(dir, { recursive: true, force: true });
});

describe('readSourceFiles with the source index', () => {
  // a run loads the parser before a stage parses (translate/parser.ts); these tests parse directly
  beforeAll(loadArticleParser);

  test('a recorded source gives its hash, language and, when asked, its text', () => {
    const config = loadConfig({ workspace: dir });
    readAndSave([file], config);
    const [source] = readSourceFiles([file], config).sources;
    expect([source!.relativePath, source!.lang, source!.sourceHash]).toEqual(['en/story.md', 'en', fileHash(STORY)]);
    expect(source!.text).toBe(STORY);
    expect(source!.parsed().segments.map((segment) => segment.text)).toEqual(['A story', 'Some text.']);
  });

  test('a source edited after its hash was taken from the index is left for the next run, named', () => {
    const config = loadConfig({ workspace: dir });
    readAndSave([file], config);
    const [source] = readSourceFiles([file], config).sources;
    writeFileSync(file, '# A story\n\nOther text.\n');
    let thrown: unknown;
    try {
      source!.parsed();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnreadableArticleError);
    expect((thrown as UnreadableArticleError).error).toMatchObject({
      code: 'article.changedWhileRead',
      position: { file },
    });
    // the next read sees the new status and reads the new text
    expect(readSourceFiles([file], config).sources[0]!.sourceHash).toBe(fileHash('# A story\n\nOther text.\n'));
  });

  test('a read whose index is not saved (a dry run) records nothing, so the next read reads the file', () => {
    const config = loadConfig({ workspace: dir });
    readSourceFiles([file], config);
    const [source] = readSourceFiles([file], config).sources;
    writeFileSync(file, '# A story\n\nOther text.\n');
    expect(source!.text).toBe(STORY);
  });
});
