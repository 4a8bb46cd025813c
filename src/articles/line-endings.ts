/**
 * Windows (CRLF) line endings, kept byte for byte. marked normalises line endings, which would shift
 * every offset, so a CRLF story is segmented as its LF twin and the result is carried back: offsets gain
 * one for every newline before them, and the Markdown a segment stands for (its text, its tags) gets its
 * `\r` back before every newline. Segment ids and hashes are those of the LF twin (hashes fold
 * whitespace), so converting a story between LF and CRLF changes no segment. The caller then checks every
 * segment against the CRLF bytes, as for any story, so nothing can be misplaced. A file that mixes
 * endings, or uses a lone CR, is refused with the line of the first odd one.
 */
import { inputError } from '../errors.js';
import type { FrontMatter, InlineTag, Segment } from '../segments/types.js';
import type { SegmentationWarning } from '../segments/markdown.js';
import { computeLineStarts, positionOf } from '../text/positions.js';

/** Offset of the first line ending that is not CRLF in a text that holds a `\r`; -1 when all are CRLF. */
function firstOddLineEnding(text: string): number {
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (text.charCodeAt(at - 1) !== 0x0d) return at;
  }
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 0x0a) return at;
  }
  return -1;
}

/** The LF twin of a CRLF text; throws `article.lineEndings` when the endings are mixed or CR alone. */
export function lfTwin(text: string, file: string): string {
  const odd = firstOddLineEnding(text);
  if (odd !== -1) {
    const position = { file, ...positionOf(computeLineStarts(text), odd) };
    throw inputError('article.lineEndings', 'articles:lineEndings', { file }, position);
  }
  return text.replace(/\r\n/g, '\n');
}

const withCr = (markdown: string): string => (markdown.includes('\n') ? markdown.replace(/\n/g, '\r\n') : markdown);

/** Newlines before `offset` in `text`. */
function newlinesBefore(text: string, offset: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function tagWithCr(tag: InlineTag): InlineTag {
  if (!tag.open.includes('\n') && !tag.close.includes('\n')) return tag;
  const next: InlineTag = { ...tag, open: withCr(tag.open), close: withCr(tag.close) };
  if (tag.nested) {
    next.nested = tag.nested.map((nested) => {
      const part = nested.part === 'open' ? tag.open : tag.close;
      return {
        ...nested,
        start: nested.start + newlinesBefore(part, nested.start),
        end: nested.end + newlinesBefore(part, nested.end),
      };
    });
  }
  return next;
}

/** Maps offsets of the LF twin to the CRLF text: each newline before an offset adds its `\r`. */
export function crlfOffsets(lfText: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let at = lfText.indexOf('\n'); at !== -1; at = lfText.indexOf('\n', at + 1)) newlines.push(at);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (newlines[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return offset + low;
  };
}

/** The segments of the LF twin as segments of the CRLF text. */
export function segmentsWithCr(segments: readonly Segment[], toCrlf: (offset: number) => number): Segment[] {
  return segments.map((segment) => {
    const tags: Record<string, InlineTag> = {};
    for (const [id, tag] of Object.entries(segment.tags)) tags[id] = tagWithCr(tag);
    return { ...segment, start: toCrlf(segment.start), end: toCrlf(segment.end), text: withCr(segment.text), tags };
  });
}

export function frontMatterWithCr(
  frontMatter: FrontMatter | null,
  toCrlf: (offset: number) => number,
): FrontMatter | null {
  if (!frontMatter) return null;
  const next: FrontMatter = {
    ...frontMatter,
    raw: withCr(frontMatter.raw),
    start: toCrlf(frontMatter.start),
    end: toCrlf(frontMatter.end),
  };
  if (frontMatter.langRange)
    next.langRange = { start: toCrlf(frontMatter.langRange.start), end: toCrlf(frontMatter.langRange.end) };
  return next;
}

export function warningsWithCr(
  warnings: readonly SegmentationWarning[],
  toCrlf: (offset: number) => number,
): SegmentationWarning[] {
  return warnings.map((warning) => ({ ...warning, offset: toCrlf(warning.offset) }));
}
