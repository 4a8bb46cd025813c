/**
 * Where the items of a plain list end, the way marked's list tokenizer decides it, for the lists news
 * stories hold: one line per item (`- text`, `* text`, `1. text`) at the left margin, nothing between
 * the items, and the list ended by the end of the text or by blank lines before a line at the margin
 * that is not an item. For anything else (indented or lazy lines, blank lines between items, task items,
 * items that start like a thematic break) it returns null and marked's tokenizer decides.
 *
 * Why: marked builds six regexes per list item and tries each on every following line; for the short
 * lists of a story that was the most expensive block of the lexer, and the largest function the JIT
 * compiled in a cold `roundtrip` (block-tokenizer.ts builds marked's exact token from these items; the
 * lexing test compares whole token trees with marked's on generated lists).
 */

export interface SimpleListItem {
  /** the item's source: its line with the newline, the last item's trimmed at the end (marked's `raw`) */
  raw: string;
  /** the item's content after the marker and its spaces (marked's `text`; the last one trimmed at the end) */
  text: string;
}

export interface SimpleList {
  /** the marker of the first item: `-`, `*`, `+`, or the number with its `.` or `)` */
  bullet: string;
  ordered: boolean;
  items: SimpleListItem[];
  /** the list's source, trimmed at the end (marked's `raw`) */
  raw: string;
}

/** marked's rules: a thematic break ends a list where an item would start; a GFM task item */
const thematicBreak = / {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/y;
const taskItem = /^\[[ xX]\][ \t]+\S/;

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Length of the marker at `at` (`-`, `12.`), of the kind `delimiter` gives when not null; 0 when none. */
function markerLength(src: string, at: number, kind: number | null): number {
  const first = src.charCodeAt(at);
  if (first === 0x2d || first === 0x2a || first === 0x2b) return kind === null || kind === first ? 1 : 0;
  let digits = 0;
  while (digits < 10 && isDigitCode(src.charCodeAt(at + digits))) digits++;
  if (digits === 0 || digits > 9) return 0;
  const delimiter = src.charCodeAt(at + digits);
  if (delimiter !== 0x2e && delimiter !== 0x29) return 0;
  return kind === null || kind === delimiter ? digits + 1 : 0;
}

/** The marker's kind: the bullet character, or the delimiter of a number. */
const kindOf = (src: string, at: number, length: number): number => src.charCodeAt(at + length - 1);

/**
 * An item line at `at`: a marker, one to four spaces, then content that is not blank, on a line that is
 * not a thematic break (`- - -`) nor a task (`- [ ] x`); its content start and line end, or null.
 */
function itemLineAt(src: string, at: number, kind: number | null): { content: number; end: number } | null {
  const marker = markerLength(src, at, kind);
  if (marker === 0) return null;
  let content = at + marker;
  while (content < at + marker + 5 && src.charCodeAt(content) === SPACE) content++;
  const spaces = content - at - marker;
  if (spaces === 0 || spaces > 4) return null;
  const first = src.charCodeAt(content);
  if (Number.isNaN(first) || first === NEWLINE || first === TAB) return null;
  const newline = src.indexOf('\n', content);
  const end = newline === -1 ? src.length : newline;
  const text = src.slice(content, end);
  // content of Unicode spaces only is a blank item to marked (`!line.trim()`)
  if (text.trim() === '' || taskItem.test(text)) return null;
  thematicBreak.lastIndex = at;
  return thematicBreak.test(src) ? null : { content, end };
}

/** Whether the line at `at` could be read as a list item by marked (any marker, then a blank or the end). */
function looksLikeItem(src: string, at: number): boolean {
  const marker = markerLength(src, at, null);
  if (marker === 0) return false;
  const after = src.charCodeAt(at + marker);
  return Number.isNaN(after) || after === SPACE || after === TAB || after === NEWLINE;
}

/** The plain list at the start of `src`, or null when marked's tokenizer must decide. */
export function simpleListAt(src: string): SimpleList | null {
  const first = itemLineAt(src, 0, null);
  if (first === null) return null;
  const bullet = src.slice(0, first.content).trimEnd();
  const kind = kindOf(src, 0, bullet.length);
  const ordered = bullet.length > 1;
  const lines: Array<{ start: number; content: number; end: number }> = [{ start: 0, ...first }];
  let lineEnd = first.end;
  for (;;) {
    if (lineEnd >= src.length - 1) break; // the end of the text, with or without a newline
    const next = lineEnd + 1;
    const item = itemLineAt(src, next, kind);
    if (item !== null) {
      lines.push({ start: next, ...item });
      lineEnd = item.end;
      continue;
    }
    // only blank lines (empty ones) may end the list, before the end or a line at the margin
    if (src.charCodeAt(next) !== NEWLINE) return null;
    let after = next;
    while (src.charCodeAt(after) === NEWLINE) after++;
    if (after < src.length) {
      const code = src.charCodeAt(after);
      if (code === SPACE || code === TAB || looksLikeItem(src, after)) return null;
    }
    lineEnd = after - 1;
    break;
  }
  const items: SimpleListItem[] = lines.map((line, index) => {
    const last = index === lines.length - 1;
    const raw = src.slice(line.start, last ? lineEnd + 1 : line.end + 1);
    const text = src.slice(line.content, line.end);
    return last ? { raw: raw.trimEnd(), text: text.trimEnd() } : { raw, text };
  });
  return { bullet, ordered, items, raw: src.slice(0, lineEnd + 1).trimEnd() };
}
