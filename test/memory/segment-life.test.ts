/** The segment life: every state × event against the transition table, and what each event keeps. */
import { describe, expect, test } from '@jest/globals';
import {
  approved,
  canRestoreApproval,
  editedByHand,
  glossaryChanged,
  imported,
  recordContradiction,
  rejected,
  reusedFromMemory,
  shownTarget,
  sourceChanged,
  sourceRestored,
  translatedByMachine,
  TRANSITIONS,
  type SegmentEvent,
} from '../../src/memory/segment-life.js';
import type { SegmentRecord, SegmentStatus } from '../../src/memory/types.js';
import { record as baseRecord, segment } from './factories.js';

const AT = '2024-05-01T10:00:00.000Z';
const ANA = { by: 'Ana Rossi <ana@example.org>', at: AT };
const SOURCE = 'The crew applauded.';

/** A record in each state, as the pipeline leaves it. */
function inState(state: SegmentStatus): SegmentRecord {
  switch (state) {
    case 'untranslated':
      return baseRecord(SOURCE, { state, target: null, engine: null, changedBy: null, changedAt: null });
    case 'stale':
      // re-translated after a source edit back to the approved text: restorable
      return baseRecord(SOURCE, {
        state,
        target: 'MT',
        engine: 'deepl',
        previousTarget: 'Approvato',
        approvedTarget: 'Approvato',
        approvedSource: SOURCE,
      });
    default:
      return baseRecord(SOURCE, { state, target: 'Testo', engine: 'deepl' });
  }
}

const events: Record<SegmentEvent, (record: SegmentRecord) => SegmentRecord | null> = {
  translatedByMachine: (r) => translatedByMachine(r, 'MT nuovo', 'deepl', [], AT),
  reusedFromMemory: (r) => reusedFromMemory(r, 'Dalla memoria', 'approved', AT),
  editedByHand: (r) => editedByHand(r, 'A mano', ANA),
  approved: (r) => approved(r, ANA, false),
  approvedForced: (r) => approved(r, ANA, true),
  rejected: (r) => rejected(r, ANA),
  sourceChanged: (r) => sourceChanged(r, segment('The whole crew applauded.'), AT),
  sourceRestored: (r) => sourceRestored(r, AT),
  glossaryChanged: (r) => glossaryChanged(r, { kim: 'h2' }, AT),
  imported: (r) => imported(r, 'Dal traduttore', 'edited', ANA),
};

describe('the transition table', () => {
  const cases = Object.entries(TRANSITIONS).flatMap(([state, row]) =>
    Object.entries(row).map(([event, expected]) => [state as SegmentStatus, event as SegmentEvent, expected] as const),
  );
  test('covers every state × event (6 × 10)', () => {
    expect(cases).toHaveLength(60);
  });
  test.each(cases)('%s + %s → %s', (state, event, expected) => {
    const before = inState(state);
    const after = events[event](before);
    if (expected === 'refused') expect(after).toBeNull();
    else expect(after?.state).toBe(expected === 'same' ? state : expected);
  });
});

describe('what the events keep', () => {
  test('approval records the approved text and source; a source change keeps them and the previous target', () => {
    const ok = approved(inState('machine'), ANA, false)!;
    expect(ok).toMatchObject({ state: 'approved', approvedTarget: 'Testo', approvedSource: SOURCE, changedBy: ANA.by });
    expect(ok.forced).toBeUndefined();
    const stale = sourceChanged(ok, segment('The whole crew applauded.'), AT);
    expect(stale).toMatchObject({
      state: 'stale',
      target: null,
      previousTarget: 'Testo',
      approvedTarget: 'Testo',
      approvedSource: SOURCE,
    });
    expect(shownTarget(stale)).toBe('Testo');
  });

  test('an undo restores the approved text, only for the approved source', () => {
    const stale = sourceChanged(inState('stale'), segment(SOURCE), AT);
    expect(canRestoreApproval(stale)).toBe(true);
    expect(sourceRestored(stale, AT)).toMatchObject({ state: 'approved', target: 'Approvato', engine: 'memory' });
    const elsewhere = sourceChanged(inState('stale'), segment('Something else.'), AT);
    expect(canRestoreApproval(elsewhere)).toBe(false);
    expect(sourceRestored(elsewhere, AT)).toBe(elsewhere);
  });

  test('a glossary change is not an undo: the approved text stays for review but is not restored', () => {
    const ok = approved(inState('machine'), ANA, false)!;
    const stale = glossaryChanged(ok, { kim: 'h2' }, AT);
    expect(stale).toMatchObject({ state: 'stale', target: null, previousTarget: 'Testo', approvedTarget: 'Testo' });
    expect(stale.approvedSource).toBeUndefined();
    expect(canRestoreApproval(stale)).toBe(false);
    expect(sourceRestored(stale, AT)).toBe(stale);
  });

  test('approving with --force is recorded; an edit drops flags and force', () => {
    const forced = approved({ ...inState('machine'), flags: ['tags.mismatch'] }, ANA, true)!;
    expect(forced.forced).toBe(true);
    const edited = editedByHand(forced, 'Nuovo', ANA);
    expect(edited).toMatchObject({ state: 'edited', engine: 'human', changedBy: ANA.by });
    expect(edited.forced).toBeUndefined();
    expect(edited.flags).toBeUndefined();
  });

  test('a state file cannot say "approved" without a translation, or "untranslated" with one', () => {
    expect(recordContradiction({ state: 'approved', target: null })).toBe('memory:state.contradictionNoTarget');
    expect(recordContradiction({ state: 'untranslated', target: 'x' })).toBe(
      'memory:state.contradictionUntranslatedTarget',
    );
    expect(recordContradiction({ state: 'stale', target: null })).toBeNull();
  });
});
