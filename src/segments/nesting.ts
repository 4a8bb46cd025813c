/**
 * How deeply a Markdown body nests its containers (block quotes and lists), measured line by line
 * before marked sees the text. marked lexes containers recursively: 2,000 nested `>` overflow the
 * stack, and lists 1,000 deep take seconds per kilobyte. A document deeper than the configured limit
 * is refused with the line where the limit is crossed, before any recursion starts.
 *
 * The measure is an upper bound that costs one pass: on each line (outside top-level fenced code), every `>`
 * and list marker in the line's container prefix counts one level, and every two columns of leading
 * indentation count one (a nested list item is indented by at least two columns per level). Prose
 * never comes near the limit; only text built to nest deeply does.
 */

const TAB_WIDTH = 4;

/** A line whose containers nest deeper than the limit. */
export interface ExcessiveNesting {
  /** offset in the scanned text of the line's first character */
  offset: number;
  /** the line's estimated depth */
  depth: number;
}

const isListBullet = (code: number): boolean => code === 0x2d || code === 0x2b || code === 0x2a; // - + *
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isBlank = (code: number): boolean => code === 0x20 || code === 0x09;

/** Length of a list marker (`- `, `12. `, `3)`) at `at`, without the space after it; 0 when there is none. */
function listMarkerLength(text: string, at: number, lineEnd: number): number {
  let length = 0;
  const first = text.charCodeAt(at);
  if (isListBullet(first)) length = 1;
  else {
    while (length < 9 && at + length < lineEnd && isDigit(text.charCodeAt(at + length))) length++;
    const closer = text.charCodeAt(at + length);
    if (length === 0 || (closer !== 0x2e && closer !== 0x29)) return 0; // . )
    length++;
  }
  // a marker is followed by a blank or the end of the line
  return at + length === lineEnd || isBlank(text.charCodeAt(at + length)) ? length : 0;
}

/** The fence (``` or ~~~, three or more) opening at `at`, or null. */
function fenceAt(text: string, at: number): { char: number; length: number } | null {
  const char = text.charCodeAt(at);
  if (char !== 0x60 && char !== 0x7e) return null;
  let length = 0;
  while (text.charCodeAt(at + length) === char) length++;
  return length >= 3 ? { char, length } : null;
}

/**
 * The first line of `text` whose container depth exceeds `limit`, or null when every line is within
 * it. A limit of 0 disables the check.
 */
export function findExcessiveNesting(text: string, limit: number): ExcessiveNesting | null {
  if (limit <= 0) return null;
  let fence: { char: number; length: number } | null = null;
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let depth = 0;
    let at = lineStart;
    let column = 0;
    // leading indentation: two columns per possible list level
    while (at < lineEnd && isBlank(text.charCodeAt(at))) {
      column = text.charCodeAt(at) === 0x09 ? column + TAB_WIDTH - (column % TAB_WIDTH) : column + 1;
      at++;
    }
    depth += Math.floor(column / 2);
    // the container prefix: quote markers and list markers, with blanks between them
    for (;;) {
      if (text.charCodeAt(at) === 0x3e)
        at++; // >
      else {
        const marker = listMarkerLength(text, at, lineEnd);
        if (marker === 0) break;
        at += marker;
      }
      depth++;
      while (at < lineEnd && isBlank(text.charCodeAt(at))) at++;
    }
    const fenceHere = fenceAt(text, at);
    if (fence) {
      // inside fenced code nothing nests; the closing fence is as long as the opening one or longer
      if (fenceHere && fenceHere.char === fence.char && fenceHere.length >= fence.length) fence = null;
    } else {
      if (depth > limit) return { offset: lineStart, depth };
      // Only a top-level fence is skipped: it ends at its closing fence or the end of the file. A fence in
      // a container ends with the container too, so its lines are measured like any other.
      if (fenceHere && depth === 0) fence = fenceHere;
    }
    lineStart = lineEnd + 1;
  }
  return null;
}
