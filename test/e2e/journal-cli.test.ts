/**
 * Issue 13 through the CLI on real temporary workspaces: each article written once per run, answers
 * kept in the journal across a failed run, temporary files of a dead run removed, missing review diffs
 * written again. The DeepL test server's log tells what was sent.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, promises as fsp, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setDefaultAtomicWriteFs, type AtomicWriteFs } from '../../src/io/atomic-file.js';
import { parseJournal } from '../../src/memory/journal.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, useDeepLEngine, type TempWorkspace } from './workspace.js';

let ws: TempWorkspace;
let server: DeepLServer;
beforeAll(async () => {
  server = await startDeepLServer({ latencyMs: 2 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  ws = copyWorkspace();
  server.clearLog();
  useDeepLEngine(ws, server.url, 20_000);
});
afterEach(() => {
  setDefaultAtomicWriteFs(null);
  ws.remove();
});

const env = (): NodeJS.ProcessEnv => ({ LANG: 'C', DEEPL_AUTH_KEY: server.authKey });
const sentTexts = (): string[] =>
  server
    .requests({ path: '/v2/translate' })
    .filter((r) => r.status === 200)
    .flatMap((r) => r.texts);
const journalFile = '.storyloc/journal/answers.ndjson';
const articles = ['en/finale.md', 'en/set.md', 'ko/interview.md'];

/** The real file system, except that renaming onto `failing` says the disk is full. */
function diskFullAt(failing: string): AtomicWriteFs {
  return {
    mkdir: (dir, options) => fsp.mkdir(dir, options),
    open: (file, flags, mode) => fsp.open(file, flags, mode),
    rm: (file, options) => fsp.rm(file, options),
    rename: async (from, to) => {
      if (to === failing) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      await fsp.rename(from, to);
    },
  };
}

describe('each file written once per run', () => {
  test('a fresh run writes snapshot, state, output and diff once per article, and leaves no journal', async () => {
    const renamed: string[] = [];
    setDefaultAtomicWriteFs({
      ...diskFullAt(''),
      rename: async (from, to) => {
        renamed.push(path.relative(ws.dir, to));
        await fsp.rename(from, to);
      },
    });
    const result = await runCli(['translate', '--workspace', ws.dir], { env: env() });
    expect(result.code).toBe(0);
    const perArticle = articles.map((article) =>
      renamed.filter((file) => file.startsWith(`output/it/${article}`)).sort(),
    );
    expect(perArticle).toEqual(
      articles.map((article) => [
        `output/it/${article}`,
        `output/it/${article}.diff`,
        `output/it/${article}.state.json`,
      ]),
    );
    expect(renamed.filter((file) => file.startsWith('.storyloc/sources/'))).toHaveLength(3);
    expect(existsSync(path.join(ws.dir, journalFile))).toBe(false);
  });
});

describe('a full disk during the writes', () => {
  test('names the file, keeps every earlier file and the journal; the rerun sends nothing answered before', async () => {
    const failing = path.join(ws.dir, 'output', 'it', 'en', 'set.md');
    setDefaultAtomicWriteFs(diskFullAt(failing));
    const failed = await runCli(['translate', '--workspace', ws.dir], { env: env() });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`The disk is full while writing ${failing}`);
    const firstSent = sentTexts();
    expect(firstSent.length).toBeGreaterThan(0);
    // the article settled before the failure is whole; the failing one has no output
    expect(ws.state('output/it/en/finale.md.state.json').segments.filter((record) => record.target === null)).toEqual(
      [],
    );
    expect(ws.files()).toEqual(expect.arrayContaining(['output/it/en/finale.md', 'output/it/en/finale.md.diff']));
    expect(existsSync(failing)).toBe(false);
    // every answer received is in the journal
    const journaled = parseJournal(ws.read(journalFile)).entries.flatMap((entry) => entry.translations);
    expect(journaled).toHaveLength(firstSent.length);

    setDefaultAtomicWriteFs(null);
    server.clearLog();
    const rerun = await runCli(['translate', '--workspace', ws.dir, '--json'], { env: env() });
    expect(rerun.code).toBe(0);
    const resent = sentTexts().filter((text) => firstSent.includes(text));
    expect(resent).toEqual([]);
    expect(firstSent.length + sentTexts().length).toBe(21);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ untranslated: 0, human_edits: 0 });
    for (const article of articles)
      expect(ws.files()).toEqual(expect.arrayContaining([`output/it/${article}`, `output/it/${article}.diff`]));
    expect(existsSync(path.join(ws.dir, journalFile))).toBe(false);
  });
});

describe('what a killed run leaves behind', () => {
  test('temporary files of a dead process are removed, those of a live one kept', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const deadTemp = path.join(ws.dir, 'output', 'it', 'en', `.finale.md.${dead}.3.tmp`);
    const liveTemp = path.join(ws.dir, 'output', 'it', 'en', `.set.md.${process.pid}.1.tmp`);
    const deadState = path.join(ws.dir, '.storyloc', 'cache', `.glossary-checked.json.${dead}.9.tmp`);
    for (const file of [deadTemp, liveTemp, deadState]) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, 'half');
    }
    const result = await runCli(['translate', '--workspace', ws.dir, '--engine', 'pseudo'], { env: { LANG: 'C' } });
    expect(result.code).toBe(0);
    expect([existsSync(deadTemp), existsSync(liveTemp), existsSync(deadState)]).toEqual([false, true, false]);
  });

  test('a rerun that changes nothing writes a review diff that is missing', async () => {
    expect(
      (await runCli(['translate', '--workspace', ws.dir, '--engine', 'pseudo'], { env: { LANG: 'C' } })).code,
    ).toBe(0);
    const diff = ws.read('output/it/en/set.md.diff');
    rmSync(path.join(ws.dir, 'output/it/en/set.md.diff'));
    const rerun = await runCli(['translate', '--workspace', ws.dir, '--engine', 'pseudo', '--json'], {
      env: { LANG: 'C' },
    });
    expect(JSON.parse(rerun.stdout)).toMatchObject({ sent: 0 });
    expect(ws.read('output/it/en/set.md.diff')).toBe(diff);
  });
});
