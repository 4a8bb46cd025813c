/**
 * The last guard before splicing (keepExactSegments): a segment survives only when its text renders
 * back to the exact bytes of its span and no other top-level span overlaps it.
 */
import { expect, test } from '@jest/globals';
import { keepExactSegments } from '../../src/articles/read.js';
import type { SegmentationWarning } from '../../src/segments/markdown.js';
import type { Segment } from '../../src/segments/types.js';

const text = 'Alpha beta. Gamma delta. Epsilon.\n';
function segment(id: string, start: number, end: number, extra: Partial<Segment> = {}): Segment {
  const source = text.slice(start, end);
  return {
    id,
    kind: 'paragraph',
    structure: 'paragraph',
    text: source,
    sourceHash: id,
    line: 1,
    column: start + 1,
    start,
    end,
    linePrefixes: [],
    tags: {},
    context: text.trim(),
    ...extra,
  };
}

test('spans in file order that render exactly are all kept, without warnings', () => {
  const segments = [segment('a', 0, 11), segment('b', 12, 24), segment('c', 25, 33)];
  const warnings: SegmentationWarning[] = [];
  expect(keepExactSegments(text, segments, warnings).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  expect(warnings).toEqual([]);
});

test('two overlapping spans are both dropped, also when they arrive out of order', () => {
  const segments = [segment('c', 25, 33), segment('a', 0, 11), segment('ab', 6, 24)];
  const warnings: SegmentationWarning[] = [];
  expect(keepExactSegments(text, segments, warnings).map((s) => s.id)).toEqual(['c']);
  expect(warnings).toEqual([
    { offset: 0, reason: 'its span overlaps another segment' },
    { offset: 6, reason: 'its span overlaps another segment' },
  ]);
});

test('a span whose text is not its bytes is dropped with its nested segments', () => {
  const wrong = segment('w', 12, 24, { text: 'Gamma delta!' });
  const nested = segment('n', 12, 17, { parentId: 'w', kind: 'imageAlt' });
  const warnings: SegmentationWarning[] = [];
  expect(keepExactSegments(text, [segment('a', 0, 11), wrong, nested], warnings).map((s) => s.id)).toEqual(['a']);
  expect(warnings).toEqual([{ offset: 12, reason: 'its text does not render back to the same bytes' }]);
});
