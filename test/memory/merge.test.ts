import { describe, expect, test } from '@jest/globals';
import { mergeState } from '../../src/memory/merge.js';
import { record, segment, state } from './factories.js';

const now = '2024-05-01T10:00:00.000Z';

describe('mergeState', () => {
  test('no old state: every segment is added and untranslated', () => {
    const result = mergeState(null, [segment('One.'), segment('Two.')], { now });
    expect(result.added).toEqual([segment('One.').id, segment('Two.').id]);
    expect(result.kept).toEqual([]);
    expect(result.records.map((r) => [r.source, r.state, r.target])).toEqual([
      ['One.', 'untranslated', null],
      ['Two.', 'untranslated', null],
    ]);
  });

  test('an empty old state and an emptied article: all added, or all removed', () => {
    const empty = mergeState(state([]), [segment('One.')], { now });
    expect([empty.added, empty.kept, empty.removed]).toEqual([[segment('One.').id], [], []]);
    const old = state([record('One.'), record('Two.')]);
    const emptied = mergeState(old, [], { now });
    expect([emptied.records, emptied.added, emptied.kept]).toEqual([[], [], []]);
    expect(emptied.removed).toEqual(old.segments.map((r) => r.id));
  });

  test('unchanged segments keep translation and approval; line numbers follow the new article', () => {
    const old = state([
      record('One.', { state: 'approved', target: 'Uno.', changedBy: 'ana', approvedTarget: 'Uno.' }),
      record('Two.', { state: 'edited', target: 'Due!', engine: 'human' }),
    ]);
    const result = mergeState(old, [segment('One.', { line: 3 }), segment('Two.', { line: 5 })], { now });
    expect(result.kept).toEqual([segment('One.').id, segment('Two.').id]);
    expect(result.changed).toEqual([]);
    expect(result.records).toEqual([
      { ...old.segments[0], line: 3 },
      { ...old.segments[1], line: 5 },
    ]);
  });

  test('an edited sentence becomes stale with the previous target; the others are untouched', () => {
    const old = state([record('One.'), record('Two.', { state: 'approved', target: 'Due.' }), record('Three.')]);
    const result = mergeState(old, [segment('One.'), segment('Two, edited.'), segment('Three.')], { now });
    expect(result.kept).toEqual([segment('One.').id, segment('Three.').id]);
    expect(result.changed).toEqual([segment('Two, edited.').id]);
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual([]);
    expect(result.records[1]).toEqual({
      id: segment('Two, edited.').id,
      kind: 'paragraph',
      line: 1,
      source: 'Two, edited.',
      sourceHash: segment('Two, edited.').sourceHash,
      target: null,
      state: 'stale',
      engine: null,
      glossary: {},
      changedBy: 'storyloc',
      changedAt: now,
      previousTarget: 'Due.',
      approvedTarget: 'Due.',
      approvedSource: 'Two.',
    });
    expect(result.records[0]).toEqual(old.segments[0]);
    expect(result.records[2]).toEqual(old.segments[2]);
  });

  test('a changed segment that was never translated stays untranslated (nothing to review)', () => {
    const old = state([record('One.', { target: null, state: 'untranslated', engine: null })]);
    const result = mergeState(old, [segment('One!')], { now });
    expect(result.changed).toEqual([segment('One!').id]);
    expect(result.records[0]!.state).toBe('untranslated');
    expect(result.records[0]!.previousTarget).toBeUndefined();
  });

  test('a stale record changed again keeps the oldest reviewed target', () => {
    const old = state([record('One.', { target: null, state: 'stale', previousTarget: 'Uno.' })]);
    const result = mergeState(old, [segment('One!!')], { now });
    expect(result.records[0]).toMatchObject({ state: 'stale', target: null, previousTarget: 'Uno.' });
  });

  test('moved paragraphs keep their translations', () => {
    const old = state([
      record('A.', { target: 'a' }),
      record('B.', { target: 'b' }),
      record('C.', { target: 'c' }),
      record('D.', { target: 'd' }),
    ]);
    const result = mergeState(old, [segment('C.'), segment('A.'), segment('B.'), segment('D.')], { now });
    expect(result.records.map((r) => r.target)).toEqual(['c', 'a', 'b', 'd']);
    expect(result.records.every((r) => r.state === 'machine')).toBe(true);
    expect(result.moved).toEqual([segment('C.').id]);
    expect(result.kept).toEqual(['C.', 'A.', 'B.', 'D.'].map((t) => segment(t).id));
    expect(result.changed).toEqual([]);
  });

  test('a moved segment whose id changed (new container) is matched by kind and hash', () => {
    const old = state([
      record('A.', { target: 'a', id: 'paragraph-1' }),
      record('B.', { target: 'b', id: 'paragraph-2' }),
    ]);
    const result = mergeState(old, [segment('B.', { id: 'blockquote-2' }), segment('A.', { id: 'paragraph-1' })], {
      now,
    });
    expect(result.records.map((r) => [r.id, r.target])).toEqual([
      ['blockquote-2', 'b'],
      ['paragraph-1', 'a'],
    ]);
  });

  test('removed segments leave the state; added ones are untranslated', () => {
    const old = state([record('A.'), record('B.'), record('C.')]);
    const result = mergeState(old, [segment('A.'), segment('C.'), segment('New one.', { kind: 'heading' })], { now });
    expect(result.removed).toEqual([record('B.').id]);
    expect(result.added).toEqual([segment('New one.', { kind: 'heading' }).id]);
    expect(result.records.map((r) => r.source)).toEqual(['A.', 'C.', 'New one.']);
  });

  test('an edit does not pair segments of different kinds', () => {
    const old = state([record('A.'), record('Title', { kind: 'heading' }), record('C.')]);
    const result = mergeState(old, [segment('A.'), segment('Another paragraph.'), segment('C.')], { now });
    expect(result.changed).toEqual([]);
    expect(result.added).toEqual([segment('Another paragraph.').id]);
    expect(result.removed).toEqual([record('Title', { kind: 'heading' }).id]);
  });

  test('a whitespace-only change is unchanged and takes the new source text', () => {
    const old = state([record('One  two.')]);
    const result = mergeState(old, [segment('One two.', { id: record('One  two.').id })], { now });
    expect(result.kept).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ source: 'One two.', target: 'IT One  two.', state: 'machine' });
  });

  test('one edit among duplicates: only that occurrence changes', () => {
    const old = state([
      record('Same.', { id: 's1', target: 'x1' }),
      record('Other.'),
      record('Same.', { id: 's2', target: 'x2' }),
    ]);
    const result = mergeState(
      old,
      [segment('Same.', { id: 's1' }), segment('Other.'), segment('Changed.', { id: 'c' })],
      { now },
    );
    expect(result.records.map((r) => [r.id, r.state, r.target, r.previousTarget])).toEqual([
      ['s1', 'machine', 'x1', undefined],
      [record('Other.').id, 'machine', 'IT Other.', undefined],
      ['c', 'stale', null, 'x2'],
    ]);
  });
});
