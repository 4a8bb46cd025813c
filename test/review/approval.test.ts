import { describe, expect, test } from '@jest/globals';
import {
  approveSegments,
  articleRevision,
  editSegment,
  rejectSegments,
  segmentRevision,
} from '../../src/review/approval.js';
import { StorylocError } from '../../src/errors.js';
import type { ArticleState, SegmentRecord } from '../../src/memory/types.js';
import type { SegmentTermChecker, TermFinding } from '../../src/review/term-findings.js';
import { noTerms } from '../../src/review/term-findings.js';

function record(id: string, fields: Partial<SegmentRecord> = {}): SegmentRecord {
  return {
    id,
    kind: 'paragraph',
    line: 1,
    source: `source ${id}`,
    sourceHash: `hash-${id}`,
    target: `target ${id}`,
    state: 'machine',
    engine: 'deepl',
    glossary: {},
    changedBy: 'storyloc',
    changedAt: '2024-01-01T00:00:00.000Z',
    ...fields,
  };
}

function stateOf(...records: SegmentRecord[]): ArticleState {
  return { version: 1, article: 'en/a.md', sourceLang: 'en', targetLang: 'it', sourceFileHash: 'f', segments: records };
}

const actor = { name: 'Giulia', at: '2024-05-02T08:30:00.000Z' };

const failing: TermFinding = {
  entryId: 'queen',
  sourceSurface: 'Queen of Tears',
  sourceStart: 0,
  sourceEnd: 14,
  expected: ['La regina delle lacrime'],
  found: null,
  respected: false,
};
/** Fails the glossary check for segment `bad` only. */
const checkBad: SegmentTermChecker = (r) => (r.source === 'source bad' ? [failing] : []);

describe('approve', () => {
  test('records target and source as approved, who and when; drops the stale previous target', () => {
    const state = stateOf(record('a', { state: 'stale', previousTarget: 'old', approvedTarget: 'older' }), record('b'));
    const result = approveSegments(state, ['a'], { actor, force: false, checkTerms: noTerms });
    expect(result.outcomes).toEqual([{ id: 'a', outcome: 'approved', forced: false }]);
    expect(result.stateChanged).toBe(true);
    expect(result.targetsChanged).toBe(false);
    expect(result.state.segments[0]).toEqual(
      record('a', {
        state: 'approved',
        approvedTarget: 'target a',
        approvedSource: 'source a',
        changedBy: 'Giulia',
        changedAt: '2024-05-02T08:30:00.000Z',
      }),
    );
    expect(result.state.segments[1]).toBe(state.segments[1]);
    // the input state is not modified
    expect(state.segments[0]!.state).toBe('stale');
  });

  test('a failing glossary check refuses, --force approves and records forced: true', () => {
    const state = stateOf(record('bad'));
    const refused = approveSegments(state, ['bad'], { actor, force: false, checkTerms: checkBad });
    expect(refused.outcomes).toEqual([{ id: 'bad', outcome: 'refusedGlossary', findings: [failing], flags: [] }]);
    expect(refused.stateChanged).toBe(false);
    expect(refused.state).toEqual(state);
    const forced = approveSegments(state, ['bad'], { actor, force: true, checkTerms: checkBad });
    expect(forced.outcomes).toEqual([{ id: 'bad', outcome: 'approved', forced: true }]);
    expect(forced.state.segments[0]!.forced).toBe(true);
    expect(forced.state.segments[0]!.state).toBe('approved');
  });

  test('MT flags refuse approval like a glossary failure', () => {
    const state = stateOf(record('f', { flags: ['tagLost'] }));
    expect(approveSegments(state, ['f'], { actor, force: false, checkTerms: noTerms }).outcomes).toEqual([
      { id: 'f', outcome: 'refusedGlossary', findings: [], flags: ['tagLost'] },
    ]);
  });

  test('--all approves what waits for review and leaves the rest', () => {
    const state = stateOf(
      record('m'),
      record('e', { state: 'edited' }),
      record('s', { state: 'stale' }),
      record('ok', { state: 'approved' }),
      record('r', { state: 'rejected' }),
      record('u', { state: 'untranslated', target: null }),
      record('bad'),
    );
    const result = approveSegments(state, 'all', { actor, force: false, checkTerms: checkBad });
    expect(result.outcomes.map((o) => `${o.id}:${o.outcome}`)).toEqual([
      'm:approved',
      'e:approved',
      's:approved',
      'bad:refusedGlossary',
    ]);
    expect(result.state.segments.map((r) => r.state)).toEqual([
      'approved',
      'approved',
      'approved',
      'approved',
      'rejected',
      'untranslated',
      'machine',
    ]);
  });

  test('an untranslated segment cannot be approved; an approved one is left as it is', () => {
    const state = stateOf(
      record('u', { state: 'untranslated', target: null }),
      record('ok', { state: 'approved', changedBy: 'Ana' }),
    );
    const result = approveSegments(state, ['u', 'ok'], { actor, force: true, checkTerms: noTerms });
    expect(result.outcomes).toEqual([
      { id: 'u', outcome: 'refusedUntranslated' },
      { id: 'ok', outcome: 'unchanged' },
    ]);
    expect(result.stateChanged).toBe(false);
    expect(result.state.segments[1]!.changedBy).toBe('Ana');
  });

  test('unknown ids are an input error naming them, before anything changes', () => {
    const state = stateOf(record('a'));
    let caught: unknown;
    try {
      approveSegments(state, ['a', 'nope', 'gone'], { actor, force: false, checkTerms: noTerms });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StorylocError);
    expect((caught as StorylocError).code).toBe('review.unknownSegment');
    expect((caught as StorylocError).exitCode).toBe(2);
    expect((caught as StorylocError).params).toEqual({ ids: 'nope, gone', article: 'en/a.md' });
  });
});

describe('reject and edit', () => {
  test('reject keeps the target, records who and when, clears forced', () => {
    const state = stateOf(
      record('a', { state: 'approved', forced: true }),
      record('u', { state: 'untranslated', target: null }),
    );
    const result = rejectSegments(state, ['a', 'u'], actor);
    expect(result.outcomes).toEqual([
      { id: 'a', outcome: 'rejected' },
      { id: 'u', outcome: 'refusedUntranslated' },
    ]);
    expect(result.state.segments[0]).toEqual(
      record('a', { state: 'rejected', changedBy: 'Giulia', changedAt: actor.at }),
    );
  });

  test('edit stores the text as edited by human and clears MT flags', () => {
    const state = stateOf(record('a', { flags: ['tagLost'], forced: true }));
    const result = editSegment(state, 'a', 'nuovo testo', actor);
    expect(result.targetsChanged).toBe(true);
    expect(result.state.segments[0]).toEqual(
      record('a', {
        target: 'nuovo testo',
        state: 'edited',
        engine: 'human',
        changedBy: 'Giulia',
        changedAt: actor.at,
      }),
    );
  });

  test('an edit equal to the current target changes nothing', () => {
    const state = stateOf(record('a'));
    const result = editSegment(state, 'a', 'target a', actor);
    expect(result).toEqual({
      state,
      outcomes: [{ id: 'a', outcome: 'unchanged' }],
      targetsChanged: false,
      stateChanged: false,
    });
  });
});

describe('revisions', () => {
  test('a segment revision changes with state, target and change time, not with other segments', () => {
    const a = record('a');
    expect(segmentRevision(a)).toMatch(/^[0-9a-f]{12}$/);
    expect(segmentRevision(a)).toBe(segmentRevision(record('a')));
    expect(segmentRevision(record('a', { target: 'x' }))).not.toBe(segmentRevision(a));
    expect(segmentRevision(record('a', { state: 'approved' }))).not.toBe(segmentRevision(a));
    expect(segmentRevision(record('a', { changedAt: '2024-01-01T00:00:01.000Z' }))).not.toBe(segmentRevision(a));
  });

  test('the article revision changes when any segment changes', () => {
    const before = stateOf(record('a'), record('b'));
    const after = approveSegments(before, ['b'], { actor, force: false, checkTerms: noTerms }).state;
    expect(articleRevision(before)).toBe(articleRevision(stateOf(record('a'), record('b'))));
    expect(articleRevision(after)).not.toBe(articleRevision(before));
  });
});
