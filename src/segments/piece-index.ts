/**
 * Hand-tuned lookups over a block's inline pieces (inline.ts) for segmentation's hot path: binary searches
 * instead of scans, so that a long block with many sentences, line breaks or images stays linear. The
 * exactness tests of segmentation (against marked's own lexer) cover them through segments/markdown.ts.
 */
import type { InlineContent, NestedSpan, Piece } from './inline.js';

/** by code (indexing a two-byte string allocates a one-character string per call) */
export const isSpaceCode = (code: number): boolean =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0xa0;
export const isBlankCode = (code: number): boolean => code === 0x20 || code === 0x09;

/** The index of the piece holding `offset` (pieces are contiguous and in order). */
export function pieceIndexAt(pieces: readonly Piece[], offset: number): number {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pieces[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The nested spans (alt text, titles) inside [start, end). They are found in source order, so a binary
 * search finds the first: filtering all of them per sentence was quadratic in a block with many images.
 */
const noNestedSpans: readonly NestedSpan[] = [];
export function nestedWithin(nested: readonly NestedSpan[], start: number, end: number): readonly NestedSpan[] {
  if (nested.length === 0) return noNestedSpans;
  let low = 0;
  let high = nested.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (nested[mid]!.start < start) low = mid + 1;
    else high = mid;
  }
  const within: NestedSpan[] = [];
  for (let k = low; k < nested.length && nested[k]!.start < end; k++)
    if (nested[k]!.end <= end) within.push(nested[k]!);
  return within;
}

/** [from, to) without the whitespace at either end that belongs to plain text (never markup such as a hard break). */
export function trimToText(content: InlineContent, from: number, to: number): { start: number; end: number } | null {
  const { source, pieces } = content;
  let start = from;
  while (start < to && isSpaceCode(source.charCodeAt(start)) && pieces[pieceIndexAt(pieces, start)]!.type === 'text')
    start++;
  let end = to;
  while (
    end > start &&
    isSpaceCode(source.charCodeAt(end - 1)) &&
    pieces[pieceIndexAt(pieces, end - 1)]!.type === 'text'
  )
    end--;
  return start < end ? { start, end } : null;
}

/** A newline inside a segment and the blanks of plain text that indent the line after it. */
export interface ContinuationLine {
  at: number;
  lead: number;
}

const noNewlines: readonly ContinuationLine[] = [];

/** Every newline in [start, end) with the indentation (blanks of plain text) that follows it. */
export function continuationLines(content: InlineContent, start: number, end: number): readonly ContinuationLine[] {
  const { source, pieces } = content;
  let newlines: ContinuationLine[] | null = null;
  for (let k = content.newlineAtOrAfter(start); k !== -1 && k < end; k = content.newlineAtOrAfter(k + 1)) {
    let lead = 0;
    while (
      k + 1 + lead < end &&
      isBlankCode(source.charCodeAt(k + 1 + lead)) &&
      pieces[pieceIndexAt(pieces, k + 1 + lead)]!.type === 'text'
    )
      lead++;
    (newlines ??= []).push({ at: k, lead });
  }
  return newlines ?? noNewlines;
}

/**
 * source[from, to) without the indentation of its continuation lines. `indented` holds only lines with
 * a lead; their `at + 1 + lead` strictly increase, so each text piece starts its scan by binary search
 * (scanning every newline per piece was quadratic in a long block).
 */
export function textWithoutIndentation(
  source: string,
  indented: readonly ContinuationLine[],
  from: number,
  to: number,
): string {
  let low = 0;
  let high = indented.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (indented[mid]!.at + 1 + indented[mid]!.lead <= from) low = mid + 1;
    else high = mid;
  }
  let chunk = '';
  let cursor = from;
  for (let k = low; k < indented.length && indented[k]!.at + 1 < to; k++) {
    const { at, lead } = indented[k]!;
    chunk += source.slice(cursor, Math.max(cursor, at + 1));
    cursor = Math.min(to, at + 1 + lead);
  }
  return chunk + source.slice(cursor, to);
}
