/**
 * Issue 12 case 1: every translation approved or edited stays in the memory with its source. A record
 * keeps what its source changes leave behind (`history`), and the memory answers those sources.
 */
import { describe, expect, test } from '@jest/globals';
import {
  approved,
  canRestoreApproval,
  editedByHand,
  glossaryChanged,
  HISTORY_LIMIT,
  sourceChanged,
  sourceRestored,
  translatedByMachine,
} from '../../src/memory/segment-life.js';
import { parseArticleState, serializeArticleState } from '../../src/memory/state-store.js';
import { TranslationMemory } from '../../src/memory/translation-memory.js';
import type { SegmentRecord } from '../../src/memory/types.js';
import { record, segment, state } from './factories.js';

const AT = '2026-01-02T03:04:05.000Z';
const ANA = { by: 'Ana', at: AT };
const enIt = { source: 'en', target: 'it' } as const;
const change = (old: SegmentRecord, text: string): SegmentRecord =>
  sourceChanged(old, segment(text, { id: old.id }), AT);

describe('history events (segment-life)', () => {
  test('a hand edit whose source changes is kept as edited, with its engine', () => {
    const edited = editedByHand(record('One.', { id: 'p1', engine: 'deepl' }), 'Uno a mano.', ANA);
    const next = change(edited, 'Two.');
    expect(next.history).toEqual([{ source: 'One.', target: 'Uno a mano.', state: 'edited', engine: 'human' }]);
    expect(next).toMatchObject({ state: 'stale', source: 'Two.', target: null, previousTarget: 'Uno a mano.' });
  });

  test('an approval replaced by the approval of another source stays, newest first', () => {
    const first = approved(record('One.', { id: 'p1', engine: 'deepl', target: 'Uno.' }), ANA, false)!;
    const changed = change(first, 'Two.');
    const machine = translatedByMachine(changed, 'Due.', 'deepl', [], AT);
    const second = approved(machine, ANA, false)!;
    expect(second).toMatchObject({ approvedSource: 'Two.', approvedTarget: 'Due.' });
    const third = change(second, 'Three.');
    expect(third.history).toEqual([
      { source: 'Two.', target: 'Due.', state: 'approved', engine: 'deepl' },
      { source: 'One.', target: 'Uno.', state: 'approved', engine: 'deepl' },
    ]);
  });

  test('machine, stale and pseudo targets leave nothing; history carries over such changes', () => {
    expect(change(record('One.', { engine: 'deepl', state: 'machine' }), 'Two.').history).toBeUndefined();
    const pseudoApproved = approved(record('One.', { engine: 'pseudo' }), ANA, false)!;
    expect(change(pseudoApproved, 'Two.').history).toBeUndefined();
    const kept = change(editedByHand(record('One.', { id: 'p1' }), 'Uno.', ANA), 'Two.');
    const machine = translatedByMachine(kept, 'Due.', 'deepl', [], AT); // stays stale
    expect(change(machine, 'Three.').history).toEqual([
      { source: 'One.', target: 'Uno.', state: 'edited', engine: 'human' },
    ]);
  });

  test(`the same pair is kept once (the newest wins) and at most ${HISTORY_LIMIT} entries`, () => {
    let current = record('S0.', { id: 'p1' });
    for (let i = 0; i < 7; i++) current = change(editedByHand(current, `T${i}.`, ANA), `S${i + 1}.`);
    expect(current.history!.map((e) => e.source)).toEqual(['S6.', 'S5.', 'S4.', 'S3.', 'S2.']);
    const again = change(approved(editedByHand(change(current, 'S6.'), 'T6.', ANA), ANA, false)!, 'S9.');
    expect(again.history!.map((e) => `${e.source}=${e.target}:${e.state}`)).toEqual([
      'S6.=T6.:approved',
      'S5.=T5.:edited',
      'S4.=T4.:edited',
      'S3.=T3.:edited',
      'S2.=T2.:edited',
    ]);
  });
});

describe('history in the memory', () => {
  const history = (entries: SegmentRecord['history']) =>
    state([record('Now.', { id: 'p1', state: 'machine', engine: 'deepl', target: 'Ora.', history: entries })], {
      article: 'en/a.md',
    });

  test('an old source is answered from history, exact normalised match, same pair, any glossary', () => {
    const tm = new TranslationMemory(false);
    tm.addState(history([{ source: 'Once  upon.', target: 'C era.', state: 'edited', engine: 'human' }]));
    expect(tm.lookup(enIt, ' Once upon.\n', { kim: 'h1' })).toEqual({
      target: 'C era.',
      state: 'edited',
      glossary: null,
      origin: 'en/a.md#p1',
    });
    expect(tm.lookup(enIt, 'Once upon', {})).toBeNull();
    expect(tm.lookup({ source: 'ko', target: 'it' }, 'Once upon.', {})).toBeNull();
  });

  test('approved ranks above edited; pseudo entries are never offered to a real engine', () => {
    const tm = new TranslationMemory(false);
    tm.addState(history([{ source: 'Hi.', target: 'e', state: 'edited', engine: 'human' }]));
    tm.addState(history([{ source: 'Hi.', target: 'a', state: 'approved', engine: 'deepl' }]));
    tm.addState(history([{ source: 'Bye.', target: 'p', state: 'approved', engine: 'pseudo' }]));
    expect(tm.lookup(enIt, 'Hi.', {})?.target).toBe('a');
    expect(tm.lookup(enIt, 'Bye.', {})).toBeNull();
    const pseudoRun = new TranslationMemory(true);
    pseudoRun.addState(history([{ source: 'Bye.', target: 'p', state: 'approved', engine: 'pseudo' }]));
    expect(pseudoRun.lookup(enIt, 'Bye.', {})?.target).toBe('p');
  });
});

describe('history in state files', () => {
  const withHistory = (value: unknown): string =>
    serializeArticleState(state([record('Now.', { id: 'p1', history: value as SegmentRecord['history'] })]));

  test('round-trips byte-identical, after the known keys', () => {
    const text = withHistory([{ source: 'One.', target: 'Uno.', state: 'edited', engine: 'human' }]);
    expect(serializeArticleState(parseArticleState(text, 'x.state.json'))).toBe(text);
    expect(text).toContain(
      '      "changedAt": "2024-01-01T00:00:00.000Z",\n      "history": [\n        {\n          "source": "One.",',
    );
  });

  test('a bad history is refused with file, field and line', () => {
    const text = withHistory([{ source: 'One.', target: 'Uno.', state: 'machine', engine: 'deepl' }]);
    expect(() => parseArticleState(text, 'x.state.json')).toThrow(
      expect.objectContaining({
        code: 'state.invalidShape',
        params: expect.objectContaining({ field: 'segments[0].history' }),
        position: { file: 'x.state.json', line: text.split('\n').findIndex((l) => l.includes('"history"')) + 1 },
      }),
    );
    const tooMany = withHistory(
      Array(HISTORY_LIMIT + 1).fill({ source: 'a', target: 'b', state: 'edited', engine: null }),
    );
    expect(() => parseArticleState(tooMany, 'x.state.json')).toThrow(
      expect.objectContaining({ code: 'state.invalidShape' }),
    );
  });
});

describe('undo to a source this segment approved earlier (its history)', () => {
  const PSEUDO_AT = '2026-01-03T00:00:00.000Z';
  /** approved "One." → "Uno."; source edited to "Two." and its pseudo text approved; then undone to "One." */
  function undoneAfterPseudoApproval(): SegmentRecord {
    const first = approved(record('One.', { id: 'p1', engine: 'deepl', target: 'Uno.' }), ANA, false)!;
    const pseudo = translatedByMachine(change(first, 'Two.'), '[Ŧŵő.]', 'pseudo', [], AT);
    const approvedPseudo = approved(pseudo, ANA, false)!;
    return change(approvedPseudo, 'One.');
  }

  test('the earlier approval comes back, approved, with its source recorded as the approved one', () => {
    const undone = undoneAfterPseudoApproval();
    expect([undone.state, undone.approvedSource, canRestoreApproval(undone)]).toEqual(['stale', 'Two.', true]);
    expect(sourceRestored(undone, PSEUDO_AT)).toMatchObject({
      state: 'approved',
      source: 'One.',
      target: 'Uno.',
      approvedTarget: 'Uno.',
      approvedSource: 'One.',
      engine: 'memory',
      changedAt: PSEUDO_AT,
    });
  });

  test('after a glossary change the earlier approval is offered for review only, never restored', () => {
    const undone = undoneAfterPseudoApproval();
    const restoredFirst = sourceRestored(undone, AT);
    const glossary = glossaryChanged(restoredFirst, { 'queen-of-tears': 'h2' }, AT);
    const edited = change(translatedByMachine(glossary, 'Uno!', 'deepl', [], AT), 'Two.');
    const back = change(edited, 'One.');
    expect(back.history?.find((entry) => entry.source === 'One.')?.state).toBe('edited');
    expect(canRestoreApproval(back)).toBe(false);
    expect(sourceRestored(back, AT)).toBe(back);
  });
});
