/**
 * Issue 13 part 5: the state index (`.storyloc/cache/state-index.json`) lets `status` and a rerun of
 * `translate` skip reading unchanged state and output files. It must never change a result: a hand
 * edit, a rewrite that keeps size and modification time, a corrupt, foreign or stale index, a racy
 * file, an edited source, glossary or output and a missing review diff are all seen as without it.
 * The racy rule reads an injected clock (`setStampIndexClock`), never the test's timing.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setStampIndexClock } from '../../src/memory/stamp-index.js';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, type TempWorkspace } from './workspace.js';

const env = { LANG: 'C' };
const INDEX = '.storyloc/cache/state-index.json';
const SET_STATE = 'output/it/en/set.md.state.json';
const SET_OUTPUT = 'output/it/en/set.md';
const STATES = ['output/it/en/finale.md.state.json', SET_STATE, 'output/it/ko/interview.md.state.json'];

let ws: TempWorkspace;
const at = (relative: string): string => path.join(ws.dir, relative);
const run = (...args: string[]) => runCli([args[0]!, '--workspace', ws.dir, ...args.slice(1)], { env, cwd: ws.dir });

/** The clock of a command run a minute after every file of the workspace was written. */
const aMinuteLater = (): void => setStampIndexClock(() => Date.now() + 60_000);
/**
 * The clock `ms` after the states were last written (not the real clock: under load a command may start
 * more than the racy 2 s after the translate that wrote them).
 */
const afterWriting = (ms: number): void => {
  const written = Math.max(...STATES.map((file) => Math.max(statSync(at(file)).mtimeMs, statSync(at(file)).ctimeMs)));
  setStampIndexClock(() => written + ms);
};

interface Entry {
  key: string;
  value: { summary: { counts: Record<string, number>; total: number }; output?: string };
}

function readIndex(): { header: { format: number; storyloc: string; sha256: string }; entries: Record<string, Entry> } {
  const [header, body] = readFileSync(at(INDEX), 'utf8').split('\n');
  return { header: JSON.parse(header!), entries: JSON.parse(body!) };
}

/** Writes entries back with a correct checksum (a forged index that looks intact). */
function writeIndex(entries: Record<string, Entry>): void {
  const { header } = readIndex();
  const body = JSON.stringify(entries);
  header.sha256 = createHash('sha256').update(body).digest('hex');
  writeFileSync(at(INDEX), `${JSON.stringify(header)}\n${body}\n`);
}

/** An entry for en/set.md that says 99 segments are edited: shows through only if the index is trusted. */
function forgeSetEntry(): void {
  const { entries } = readIndex();
  const entry = entries[SET_STATE]!;
  entry.value.summary.counts = { ...entry.value.summary.counts, machine: 0, edited: 99 };
  entry.value.summary.total = 99;
  writeIndex(entries);
}

async function statusJson(): Promise<Array<{ article: string; counts: Record<string, number>; total: number }>> {
  const result = await run('status', '--json');
  expect([result.code, result.stderr]).toEqual([0, '']);
  return JSON.parse(result.stdout).articles;
}

/** en/set.md's machine and edited counts and total. */
function setCounts(rows: Awaited<ReturnType<typeof statusJson>>): [number, number, number] {
  const row = rows.find((r) => r.article === 'en/set.md')!;
  return [row.counts.machine!, row.counts.edited!, row.total];
}

/** A round modification time, set before the index records the file, so a rewrite can set it back exactly. */
const ROUND_MTIME = 1_700_000_000;
const setRoundMtime = (relative: string): void => utimesSync(at(relative), ROUND_MTIME, ROUND_MTIME);

beforeEach(async () => {
  ws = copyWorkspace();
  const translated = await run('translate');
  expect(translated.code).toBe(0);
});
afterEach(() => {
  setStampIndexClock(null);
  ws.remove();
});

describe('status and the state index', () => {
  test('states read a minute after they were written are recorded, and the next status answers the same', async () => {
    afterWriting(500);
    const withoutIndex = await statusJson();
    expect(existsSync(at(INDEX))).toBe(false);
    aMinuteLater();
    expect(await statusJson()).toEqual(withoutIndex);
    expect(Object.keys(readIndex().entries).sort()).toEqual(STATES);
    expect(readIndex().header).toMatchObject({ format: 1, storyloc: expect.any(String) });
    expect(await statusJson()).toEqual(withoutIndex);
  });

  test('an entry whose file status matches is what status uses (a forged entry shows through)', async () => {
    aMinuteLater();
    const real = setCounts(await statusJson());
    forgeSetEntry();
    expect(setCounts(await statusJson())).toEqual([0, 99, 99]);
    expect(real).toEqual([6, 0, 6]);
  });

  test('a hand-edited state is read again, whatever the index says', async () => {
    aMinuteLater();
    const real = setCounts(await statusJson());
    forgeSetEntry();
    writeFileSync(at(SET_STATE), `${ws.read(SET_STATE)}\n`);
    expect(setCounts(await statusJson())).toEqual(real);
  });

  test('a rewrite keeping size and modification time is still seen (the change time moves)', async () => {
    setRoundMtime(SET_STATE);
    aMinuteLater();
    const real = setCounts(await statusJson());
    forgeSetEntry();
    const size = statSync(at(SET_STATE)).size;
    writeFileSync(at(SET_STATE), ws.read(SET_STATE));
    setRoundMtime(SET_STATE);
    expect([statSync(at(SET_STATE)).size, statSync(at(SET_STATE)).mtimeMs]).toEqual([size, ROUND_MTIME * 1000]);
    expect(setCounts(await statusJson())).toEqual(real);
  });

  test('racy: a state changed less than 2 seconds before the command read it is not recorded', async () => {
    // the translate run above wrote every state just now
    afterWriting(0);
    await statusJson();
    expect(existsSync(at(INDEX))).toBe(false);
    afterWriting(900);
    await statusJson();
    expect(existsSync(at(INDEX))).toBe(false);
    afterWriting(3_000);
    await statusJson();
    expect(Object.keys(readIndex().entries).sort()).toEqual(STATES);
  });

  test.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => 'garbage\n'],
    ['a changed byte (checksum)', (text: string) => text.replace('"machine":', '"machine":1')],
    ['another storyloc version', (text: string) => text.replace(/"storyloc":"[^"]*"/, '"storyloc":"0.0.0-other"')],
    ['another format', (text: string) => text.replace('"format":1', '"format":2')],
    ['a forged entry of the wrong shape', (text: string) => text],
  ])('a corrupt index (%s) is ignored and rebuilt', async (name, corrupt) => {
    aMinuteLater();
    const real = await statusJson();
    if (name.startsWith('a forged')) {
      const { entries } = readIndex();
      (entries[SET_STATE]!.value.summary as { total: unknown }).total = 'many';
      writeIndex(entries);
    } else writeFileSync(at(INDEX), corrupt(readFileSync(at(INDEX), 'utf8')));
    expect(await statusJson()).toEqual(real);
    expect(Object.keys(readIndex().entries).sort()).toEqual(STATES);
    expect(await statusJson()).toEqual(real);
  });

  test('a deleted state makes its article untranslated; a whole-workspace read drops its entry', async () => {
    aMinuteLater();
    await statusJson();
    rmSync(at(SET_STATE));
    rmSync(at(SET_OUTPUT));
    const row = (await statusJson()).find((r) => r.article === 'en/set.md');
    expect(row).toMatchObject({ translated: false, total: 0 });
    // translate reads every state before it writes the new one (which is then too recent to record)
    expect((await run('translate')).code).toBe(0);
    expect(Object.keys(readIndex().entries).sort()).toEqual(STATES.filter((file) => file !== SET_STATE));
  });

  test('a dry run writes no index', async () => {
    aMinuteLater();
    expect((await run('translate', '--dry-run')).code).toBe(0);
    expect(existsSync(at(INDEX))).toBe(false);
  });
});

describe('an unchanged rerun of translate and the state index', () => {
  /** The summary of a rerun without its timing. */
  async function rerun(): Promise<Record<string, unknown>> {
    const result = await run('translate', '--json');
    expect(result.code).toBe(0);
    const { seconds: _seconds, ...summary } = JSON.parse(result.stdout);
    return summary;
  }

  test('records states and outputs, then reruns from the index with the same summary, writing nothing', async () => {
    const withoutIndex = await rerun();
    aMinuteLater();
    expect(await rerun()).toEqual(withoutIndex);
    const { entries } = readIndex();
    expect(Object.keys(entries).sort()).toEqual(STATES);
    expect(Object.values(entries).every((entry) => typeof entry.value.output === 'string')).toBe(true);
    const stamps = STATES.map((file) => statSync(at(file)).mtimeMs);
    expect(await rerun()).toEqual(withoutIndex);
    expect(withoutIndex).toMatchObject({ segments: 22, reused: 22, human_edits: 0, stale: 0, sent: 0 });
    expect(STATES.map((file) => statSync(at(file)).mtimeMs)).toEqual(stamps);
  });

  test('a hand edit of an output is found, even one keeping size and modification time', async () => {
    setRoundMtime(SET_OUTPUT);
    aMinuteLater();
    await rerun();
    expect(readIndex().entries[SET_STATE]!.value.output).toEqual(expect.any(String));
    const output = ws.read(SET_OUTPUT);
    const edited = output.replace('thé fáns', 'thé fány');
    expect([Buffer.byteLength(edited), edited === output]).toEqual([Buffer.byteLength(output), false]);
    writeFileSync(at(SET_OUTPUT), edited);
    setRoundMtime(SET_OUTPUT);
    const summary = await rerun();
    expect(summary).toMatchObject({ human_edits: 1 });
    expect(ws.state(SET_STATE).segments.filter((record) => record.state === 'edited')).toHaveLength(1);
  });

  test('an edited source is merged (its changed segment stale, then translated again)', async () => {
    aMinuteLater();
    await rerun();
    const source = 'articles/en/set.md';
    writeFileSync(at(source), ws.read(source).replace('The crew applauded.', 'The whole crew applauded.'));
    const summary = await rerun();
    expect(summary).toMatchObject({ stale: 1, sent: 1 });
    expect(ws.read(SET_OUTPUT)).toContain('⟦Thé whólé créw áppláúdéd.');
  });

  test('a source rewritten keeping its size and modification time is read again (source index)', async () => {
    const source = 'articles/en/set.md';
    setRoundMtime(source);
    aMinuteLater();
    await rerun();
    expect(readFileSync(at('.storyloc/cache/source-index.json'), 'utf8')).toContain('"en/set.md"');
    const edited = ws.read(source).replace('The crew applauded.', 'The crew applaudes.');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(ws.read(source)));
    writeFileSync(at(source), edited);
    setRoundMtime(source);
    expect(await rerun()).toMatchObject({ stale: 1, sent: 1 });
    expect(ws.read(SET_OUTPUT)).toContain('⟦Thé créw áppláúdés.');
  });

  test('a source that became unreadable after it was indexed is left for a translator, with its reason', async () => {
    aMinuteLater();
    await rerun();
    writeFileSync(at('articles/en/set.md'), Buffer.from([0x23, 0x20, 0x00, 0x0a]));
    const result = await run('translate', '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('articles/en/set.md');
    expect(JSON.parse(result.stdout)).toMatchObject({ articles: 2 });
  });

  test('an edited glossary makes the articles using the changed entry stale', async () => {
    aMinuteLater();
    await rerun();
    const glossary = 'glossary/terms.yaml';
    writeFileSync(at(glossary), ws.read(glossary).replace('it: Kim Ji-won', 'it: Kim Ji-won (attrice)'));
    const summary = await rerun();
    // the one segment naming Kim Ji-won becomes stale and is translated again
    expect(summary).toMatchObject({ stale: 1, sent: 1, reused: 21 });
  });

  test('a missing review diff is written again', async () => {
    aMinuteLater();
    await rerun();
    const diff = `${SET_OUTPUT}.diff`;
    const text = ws.read(diff);
    rmSync(at(diff));
    await rerun();
    expect(ws.read(diff)).toBe(text);
  });

  test('a corrupt index gives the same rerun', async () => {
    const withoutIndex = await rerun();
    aMinuteLater();
    await rerun();
    writeFileSync(at(INDEX), readFileSync(at(INDEX), 'utf8').replace('"awaitsReview":true', '"awaitsReview":false'));
    expect(await rerun()).toEqual(withoutIndex);
  });
});
