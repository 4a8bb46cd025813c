/**
 * Splices translations back into the source by position: every byte outside a translated span is
 * copied unchanged. A body segment's Markdown comes from segments/render.ts (tags back to the exact
 * Markdown they stood for, container prefixes after each newline); front-matter values are written as
 * YAML scalars in their original style.
 */
import type { Lang } from '../languages.js';
import type { Article, Segment } from '../segments/types.js';
import { unescapeXml } from '../segments/xml.js';
import { renderMarkdownSegment } from '../segments/render.js';
import { renderYamlScalar } from '../articles/front-matter.js';

export { TagMismatchError } from '../segments/xml.js';

/** Renders one top-level segment (translation, or its source when there is none). */
export function renderSegment(
  segment: Segment,
  article: Article,
  targets: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, Segment>,
): string {
  const xml = targets.get(segment.id) ?? segment.text;
  if (segment.frontMatterKey !== undefined) {
    const value = unescapeXml(xml);
    const original = article.source.slice(segment.start, segment.end);
    if (value === unescapeXml(segment.text)) return original; // unchanged values keep their exact bytes
    return renderYamlScalar(value, scalarStyle(original));
  }
  return renderMarkdownSegment(segment, xml, targets, byId);
}

function scalarStyle(raw: string): 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED' {
  if (raw.startsWith("'")) return 'QUOTE_SINGLE';
  if (raw.startsWith('"')) return 'QUOTE_DOUBLE';
  if (raw.startsWith('|')) return 'BLOCK_LITERAL';
  if (raw.startsWith('>')) return 'BLOCK_FOLDED';
  return 'PLAIN';
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Where the front matter's `lang` value is (found at parse time), or where a `lang:` line can be added. */
function langSplice(article: Article, targetLang: Lang): Splice | null {
  const frontMatter = article.frontMatter;
  if (!frontMatter || targetLang === article.lang) return null;
  if (frontMatter.langRange) return { ...frontMatter.langRange, text: targetLang };
  const insertAt = frontMatter.end;
  const needsNewline = frontMatter.raw.length > 0 && !frontMatter.raw.endsWith('\n');
  // a CRLF story (articles/line-endings.ts) gets a CRLF line
  const newline = article.source.charCodeAt(article.source.indexOf('\n') - 1) === 0x0d ? '\r\n' : '\n';
  return { start: insertAt, end: insertAt, text: `${needsNewline ? newline : ''}lang: ${targetLang}${newline}` };
}

/**
 * The translated article: the source with each top-level segment replaced by its translation
 * (or kept when `targets` has none), and front matter `lang` set to `targetLang`.
 */
const noSegments: ReadonlyMap<string, Segment> = new Map();

export function reassembleArticle(article: Article, targets: ReadonlyMap<string, string>, targetLang: Lang): string {
  return reassembleArticlePieces(article, targets, targetLang).join('');
}

/**
 * The translated article as pieces that join to `reassembleArticle`'s text: source text between splices
 * (even indexes) and splices (odd indexes). Two calls on the same article and target language give
 * arrays of the same length whose even pieces are equal, so a caller can compare them piece by piece
 * (the review diff does: linear in the article, where a whole-file diff is quadratic).
 */
export function reassembleArticlePieces(
  article: Article,
  targets: ReadonlyMap<string, string>,
  targetLang: Lang,
): string[] {
  // nested segments (alt text, titles) are only looked up when one of them has a translation
  const byId = article.segments.some((segment) => segment.parentId !== undefined && targets.has(segment.id))
    ? new Map(article.segments.map((segment) => [segment.id, segment]))
    : noSegments;
  const splices: Splice[] = [];
  for (const segment of article.segments) {
    if (segment.parentId !== undefined) continue;
    splices.push({ start: segment.start, end: segment.end, text: renderSegment(segment, article, targets, byId) });
  }
  const lang = langSplice(article, targetLang);
  if (lang) splices.push(lang);
  // segments come in file order; only the `lang` splice may need to move
  let sorted = true;
  for (let i = 1; i < splices.length && sorted; i++) if (splices[i]!.start < splices[i - 1]!.start) sorted = false;
  if (!sorted) splices.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const splice of splices) {
    parts.push(article.source.slice(cursor, splice.start), splice.text);
    cursor = splice.end;
  }
  parts.push(article.source.slice(cursor));
  return parts;
}

/** Identity round trip: the first position where reassembling with source texts differs, or null. */
export function roundtripDifference(
  article: Article,
): { line: number; column: number; expected: string; actual: string } | null {
  const rebuilt = reassembleArticle(article, new Map(), article.lang);
  if (rebuilt === article.source) return null;
  let index = 0;
  while (index < rebuilt.length && index < article.source.length && rebuilt[index] === article.source[index]) index++;
  const before = article.source.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column, expected: article.source.slice(index, index + 20), actual: rebuilt.slice(index, index + 20) };
}
