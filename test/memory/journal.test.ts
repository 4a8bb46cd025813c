import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { appendFileSync, existsSync, mkdtempSync, promises as fsp, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AnswerJournal,
  journalPathFor,
  parseJournal,
  removeJournal,
  replayJournal,
  type JournalFs,
} from '../../src/memory/journal.js';
import { StorylocError } from '../../src/errors.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-journal-'));
  file = journalPathFor(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real file system, counting the journal's fsyncs. */
function fsyncCountingFs(): { fs: JournalFs; syncs: () => number } {
  let syncs = 0;
  const fs: JournalFs = {
    mkdir: (d, o) => fsp.mkdir(d, o),
    readFile: (f, e) => fsp.readFile(f, e),
    rm: (f, o) => fsp.rm(f, o),
    open: async (f, flags, mode) => {
      const handle = await fsp.open(f, flags, mode);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        syncs++;
        await sync();
      };
      return handle;
    },
  };
  return { fs, syncs: () => syncs };
}

describe('answer journal', () => {
  test('lives under .storyloc/journal', () => {
    expect(journalPathFor('/ws')).toBe(path.join('/ws', '.storyloc', 'journal', 'answers.ndjson'));
  });

  test('appends one line per batch and replays the answers of one engine by key', async () => {
    const journal = await AnswerJournal.open(file);
    await journal.append({
      engine: 'deepl',
      keys: ['en-it|||Hello.', 'en-it|||Two\nlines'],
      translations: ['Ciao.', 'Due\nrighe'],
    });
    await journal.append({ engine: 'pseudo', keys: ['en-it|||Hello.'], translations: ['[Hello.]'] });
    await journal.close();
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
    expect([...(await replayJournal(file, 'deepl'))]).toEqual([
      ['en-it|||Hello.', 'Ciao.'],
      ['en-it|||Two\nlines', 'Due\nrighe'],
    ]);
    expect([...(await replayJournal(file, 'pseudo'))]).toEqual([['en-it|||Hello.', '[Hello.]']]);
  });

  test('concurrent appends are written whole, in call order', async () => {
    const journal = await AnswerJournal.open(file);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        journal.append({ engine: 'deepl', keys: [`k${i}`], translations: [`t${i}`] }),
      ),
    );
    await journal.close();
    expect(parseJournal(readFileSync(file, 'utf8')).entries.map((entry) => entry.keys[0])).toEqual(
      Array.from({ length: 20 }, (_, i) => `k${i}`),
    );
  });

  test('a missing journal replays as nothing', async () => {
    expect((await replayJournal(file, 'deepl')).size).toBe(0);
  });

  test('a torn last line is ignored by replay and cut off before the next append', async () => {
    const journal = await AnswerJournal.open(file);
    await journal.append({ engine: 'deepl', keys: ['a'], translations: ['A'] });
    await journal.close();
    appendFileSync(file, '{"engine":"deepl","keys":["b"],"transl');
    expect([...(await replayJournal(file, 'deepl'))]).toEqual([['a', 'A']]);
    const reopened = await AnswerJournal.open(file);
    await reopened.append({ engine: 'deepl', keys: ['c'], translations: ['C'] });
    await reopened.close();
    expect(readFileSync(file, 'utf8')).toBe(
      '{"engine":"deepl","keys":["a"],"translations":["A"]}\n{"engine":"deepl","keys":["c"],"translations":["C"]}\n',
    );
    expect([...(await replayJournal(file, 'deepl'))]).toEqual([
      ['a', 'A'],
      ['c', 'C'],
    ]);
  });

  test('lines that are not entries are skipped, the others kept', () => {
    const text =
      '{"engine":"deepl","keys":["a"],"translations":["A"]}\nnot json\n{"engine":"deepl","keys":["b"],"translations":[]}\n{"engine":"deepl","keys":["c"],"translations":["C"]}\n';
    expect(parseJournal(text).entries.map((entry) => entry.keys)).toEqual([['a'], ['c']]);
  });

  test('one fsync per appended batch', async () => {
    const counting = fsyncCountingFs();
    const journal = await AnswerJournal.open(file, counting.fs);
    for (let i = 0; i < 3; i++)
      await journal.append({ engine: 'deepl', keys: [`k${i}`, `x${i}`], translations: ['t', 'u'] });
    await journal.close();
    expect(counting.syncs()).toBe(3);
  });

  test('batches answered while one is written go together in one fsync; each resolves with its own place', async () => {
    const counting = fsyncCountingFs();
    const journal = await AnswerJournal.open(file, counting.fs);
    const entries = Array.from({ length: 10 }, (_, i) => ({
      engine: 'deepl',
      keys: [`k${i}`],
      translations: [`é${i}`],
    }));
    const spans = await Promise.all(entries.map((entry) => journal.append(entry)));
    // the first is written alone, the nine appended while it was written go in one more write
    expect(counting.syncs()).toBe(2);
    expect(spans.map((span) => journal.entryAt(span))).toEqual(entries);
    await journal.close();
  });

  test('a full disk fails the append with write.diskFull naming the journal, and every later append too', async () => {
    const full: JournalFs = {
      mkdir: (d, o) => fsp.mkdir(d, o),
      readFile: (f, e) => fsp.readFile(f, e),
      rm: (f, o) => fsp.rm(f, o),
      open: async (f, flags, mode) => {
        const handle = await fsp.open(f, flags, mode);
        let appends = 0;
        const appendFile = handle.appendFile.bind(handle);
        handle.appendFile = async (data, options) => {
          if (++appends > 1) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          await appendFile(data, options);
        };
        return handle;
      },
    };
    const journal = await AnswerJournal.open(file, full);
    await journal.append({ engine: 'deepl', keys: ['a'], translations: ['A'] });
    const failed = await journal
      .append({ engine: 'deepl', keys: ['b'], translations: ['B'] })
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(StorylocError);
    expect({ code: (failed as StorylocError).code, params: (failed as StorylocError).params }).toEqual({
      code: 'write.diskFull',
      params: { file, detail: 'ENOSPC' },
    });
    await expect(journal.append({ engine: 'deepl', keys: ['c'], translations: ['C'] })).rejects.toBe(failed);
    await journal.close();
    // what was durable before the failure is still replayed
    expect([...(await replayJournal(file, 'deepl'))]).toEqual([['a', 'A']]);
  });

  test('removeJournal deletes the file (and a missing one is fine)', async () => {
    writeFileSync(path.join(dir, 'x'), '');
    const journal = await AnswerJournal.open(file);
    await journal.close();
    await removeJournal(file);
    expect(existsSync(file)).toBe(false);
    await removeJournal(file);
  });
});
