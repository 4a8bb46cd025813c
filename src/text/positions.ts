/**
 * 1-based line and column (UTF-16 code units) of offsets in a text, for error and violation positions.
 * A line starts after each `\n`; an offset past the end counts from the last line start.
 */

export interface LineColumn {
  line: number;
  column: number;
}

/** The offset where each line starts, for many look-ups in one text with `positionOf`. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let index = text.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf('\n', index + 1);
  }
  return starts;
}

/** Line and column of an offset, by binary search in the `computeLineStarts` of its text. */
export function positionOf(lineStarts: readonly number[], offset: number): LineColumn {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

/** Line and column of one offset (a single look-up: scans up to the offset, builds no index). */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
