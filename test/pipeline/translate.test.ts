import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { pseudoTranslate } from '../../src/engines/pseudo.js';
import { copyWorkspace, type TempWorkspace } from '../e2e/workspace.js';
import { recordingPseudo, translate, write } from './helpers.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = copyWorkspace();
});
afterEach(() => ws.remove());

const FINALE = 'output/it/en/finale.md';
const FINALE_STATE = `${FINALE}.state.json`;
const SET_STATE = 'output/it/en/set.md.state.json';

function recordBySource(relative: string, source: string) {
  const record = ws.state(relative).segments.find((r) => r.source === source);
  if (!record) throw new Error(`no record for ${source}`);
  return record;
}

describe('first run and rerun', () => {
  test('translates every segment once; identical sentences are sent once', async () => {
    const engine = recordingPseudo();
    const summary = await translate(ws, engine);
    const texts = engine.sent.flat();
    expect(summary).toMatchObject({
      articles: 3,
      segments: 22,
      sent: 21,
      duplicates: 1,
      reused: 0,
      untranslated: 0,
      requests: 8,
      stopped: null,
    });
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.filter((t) => t === '<x id="t1"/> thanked the fans.')).toHaveLength(1);
    expect(recordBySource(FINALE_STATE, 'Kim Soo-hyun thanked the fans.')).toMatchObject({
      target: '⟦Kim Soo-hyun thánkéd thé fáns.~~~~~~⟧',
      state: 'machine',
      engine: 'pseudo',
      glossary: { 'kim-soo-hyun': expect.any(String) },
      changedBy: 'storyloc',
      changedAt: '2024-05-01T10:00:00.000Z',
    });
    expect(ws.read(FINALE)).toContain(
      '⟦Thé lást épísódé óf *La regina delle lacrime* réáchéd á récórd áúdíéncé.~~~~~~~~~~~~~~~⟧',
    );
    expect(ws.read(FINALE)).toContain('lang: it\n');
  });

  test('a rerun over unchanged articles makes no engine call and writes nothing', async () => {
    await translate(ws, recordingPseudo());
    const before = new Map(ws.files().map((f) => [f, ws.read(f)]));
    const engine = recordingPseudo();
    const summary = await translate(ws, engine);
    expect(engine.sent).toEqual([]);
    expect(summary).toMatchObject({ sent: 0, requests: 0, reused: 22, written: [] });
    expect(new Map(ws.files().map((f) => [f, ws.read(f)]))).toEqual(before);
  });

  test('--dry-run plans the requests and writes nothing', async () => {
    const before = ws.files();
    const engine = recordingPseudo();
    const summary = await translate(ws, engine, { dryRun: true });
    expect(engine.sent).toEqual([]);
    expect(summary).toMatchObject({ dryRun: true, requests: 8, sent: 21, duplicates: 1, written: [] });
    const sizes = summary.plan?.batches.map((b) => b.texts.length) ?? [];
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(21);
    expect(Math.max(...sizes)).toBe(3);
    expect(ws.files()).toEqual(before);
  });
});

describe('translation memory', () => {
  test('a sentence translated in any article is reused in a new one with no engine call', async () => {
    await translate(ws, recordingPseudo());
    write(ws, 'articles/en/new.md', 'The crew applauded.\n\nA brand new sentence.\n');
    const engine = recordingPseudo();
    const summary = await translate(ws, engine);
    expect(engine.sent).toEqual([['A brand new sentence.']]);
    expect(summary).toMatchObject({ fromMemory: 1, sent: 1 });
    expect(recordBySource('output/it/en/new.md.state.json', 'The crew applauded.')).toMatchObject({
      target: pseudoTranslate('The crew applauded.'),
      state: 'machine',
      engine: 'memory',
    });
  });

  test('approved beats edited beats machine', async () => {
    await translate(ws, recordingPseudo());
    // The same sentence in two articles: approved in one, edited in the other.
    const setState = ws.state(SET_STATE);
    const finaleState = ws.state(FINALE_STATE);
    const sentence = 'Kim Soo-hyun thanked the fans.';
    const mark = (state: typeof setState, target: string, status: 'approved' | 'edited') => ({
      ...state,
      segments: state.segments.map((r) => (r.source === sentence ? { ...r, target, state: status } : r)),
    });
    write(ws, SET_STATE, JSON.stringify(mark(setState, 'Kim Soo-hyun ha ringraziato i fan.', 'approved')));
    write(ws, FINALE_STATE, JSON.stringify(mark(finaleState, 'Kim Soo-hyun ringrazia i fan.', 'edited')));
    // The outputs no longer match the states' hashes: regenerate them from the states first.
    write(ws, 'articles/en/third.md', `${sentence}\n`);
    const engine = recordingPseudo();
    await translate(ws, engine, { articles: ['articles/en/third.md'] });
    expect(engine.sent).toEqual([]);
    expect(recordBySource('output/it/en/third.md.state.json', sentence)).toMatchObject({
      target: 'Kim Soo-hyun ha ringraziato i fan.',
      state: 'edited',
      engine: 'memory',
    });
  });
});

describe('source edits', () => {
  test('one edited sentence: only it is billed, marked stale with the previous target; the rest is untouched', async () => {
    await translate(ws, recordingPseudo());
    const before = ws.state(FINALE_STATE);
    write(
      ws,
      'articles/en/finale.md',
      ws.read('articles/en/finale.md').replace('The drama will stream abroad.', 'The drama will stream in Italy.'),
    );
    const engine = recordingPseudo();
    const summary = await translate(ws, engine);
    expect(engine.sent).toEqual([['The drama will stream in Italy.']]);
    expect(summary).toMatchObject({ sent: 1, stale: 1 });
    const after = ws.state(FINALE_STATE);
    const changed = after.segments.find((r) => r.source === 'The drama will stream in Italy.');
    expect(changed).toMatchObject({
      state: 'stale',
      target: pseudoTranslate('The drama will stream in Italy.'),
      previousTarget: pseudoTranslate('The drama will stream abroad.'),
      engine: 'pseudo',
    });
    expect(after.segments.filter((r) => r !== changed)).toEqual(
      before.segments.filter((r) => r.source !== 'The drama will stream abroad.'),
    );
  });

  test('moved paragraphs keep their translations (no engine call); removed ones leave the state', async () => {
    await translate(ws, recordingPseudo());
    const source = ws.read('articles/en/finale.md');
    const quote = '> The cast celebrated together.\n> Nobody wanted to leave.\n\n';
    const moved = source
      .replace(quote, '')
      .replace('# A record finale\n\n', `# A record finale\n\n${quote}`)
      .replace('The channel [tvN](https://example.com/tvn "tvN home") shared the figures on Monday.\n\n', '');
    write(ws, 'articles/en/finale.md', moved);
    const engine = recordingPseudo();
    await translate(ws, engine);
    expect(engine.sent).toEqual([]);
    const state = ws.state(FINALE_STATE);
    expect(state.segments.map((r) => r.source)).not.toContain(
      'The channel <g id="1">tvN</g> shared the figures on Monday.',
    );
    expect(state.segments.find((r) => r.source === 'The cast celebrated together.')).toMatchObject({
      line: 9,
      state: 'machine',
      target: pseudoTranslate('The cast celebrated together.'),
    });
    expect(state.segments.find((r) => r.source === 'Nobody wanted to leave.')).toMatchObject({
      line: 10,
      state: 'machine',
      target: pseudoTranslate('Nobody wanted to leave.'),
    });
  });
});

describe('glossary edits', () => {
  test('exactly the segments translated with the changed entry become stale and are re-translated', async () => {
    await translate(ws, recordingPseudo());
    const finaleBefore = ws.state(FINALE_STATE);
    write(ws, 'glossary/terms.yaml', ws.read('glossary/terms.yaml').replace('it: Kim Ji-won', 'it: Kim Ji Won'));
    const engine = recordingPseudo();
    const summary = await translate(ws, engine);
    expect(engine.sent).toEqual([['A new clip shows <g id="1"><x id="t1"/></g> laughing between takes.']]);
    expect(summary.stale).toBe(1);
    const record = recordBySource(SET_STATE, 'A new clip shows <g id="1">Kim Ji-won</g> laughing between takes.');
    const pseudo = pseudoTranslate('A new clip shows <g id="1"><x id="t1"/></g> laughing between takes.');
    expect(record).toMatchObject({
      state: 'stale',
      target: pseudo.replace('<x id="t1"/>', 'Kim Ji Won'),
      previousTarget: pseudo.replace('<x id="t1"/>', 'Kim Ji-won'),
    });
    expect(ws.state(FINALE_STATE)).toEqual(finaleBefore);
  });
});

describe('translateWorkspace as a library', () => {
  test('a .storyloc linked outside the workspace is refused before the lock is taken there', async () => {
    const { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'storyloc-outside-'));
    try {
      symlinkSync(outside, path.join(ws.dir, '.storyloc'));
      // The folder outside holds another live run's lock: taking the lock through the link would read it
      // (and report that run) before anything named the link.
      const othersLock = `${JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: '2024-05-01T09:00:00.000Z' })}\n`;
      writeFileSync(path.join(outside, 'lock'), othersLock);
      const engine = recordingPseudo();
      await expect(translate(ws, engine)).rejects.toMatchObject({
        code: 'path.symlinkOutside',
        params: { link: path.join(ws.dir, '.storyloc'), target: outside },
      });
      expect([readFileSync(path.join(outside, 'lock'), 'utf8'), engine.sent]).toEqual([othersLock, []]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
