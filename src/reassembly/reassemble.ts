/**
 * Splices translations back into the source by position: every byte outside a translated span is
 * copied unchanged. Inline tags in a translation become the exact Markdown they stood for, whatever
 * their order in the translation; container prefixes (`> `, list indentation) are put back after each
 * newline; front-matter values are written as YAML scalars in their original style.
 */
import type { Lang } from '../languages.js';
import type { Article, InlineTag, Segment } from '../segments/types.js';
import { unescapeXml, walkSegmentXml } from '../segments/xml.js';
import { renderYamlScalar } from '../articles/front-matter.js';

export { TagMismatchError } from '../segments/xml.js';

/**
 * An HTML tag or comment written as text (`&lt;script&gt;` from MT, a reviewer's edit box) would be raw
 * HTML in the published Markdown. Source text only holds one behind a Markdown backslash escape (`\<b>`):
 * unescaped, marked reads it as inline HTML, which becomes a tag of the segment. So escaping the others
 * keeps every identity round trip byte-exact.
 */
const htmlInText = /(?<!\\)<(?=\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|!--)/g;

function textToMarkdown(xmlText: string): string {
  const text = unescapeXml(xmlText);
  return text.includes('<') ? text.replace(htmlInText, '&lt;') : text;
}

/** Turns a segment's XML (source or translation) into Markdown, using the segment's tag table. */
export function xmlToMarkdown(segment: Segment, xml: string, targets: ReadonlyMap<string, string>, byId: ReadonlyMap<string, Segment>): string {
  // text without tags or entities is its own Markdown (most sentences)
  if (!xml.includes('<') && !xml.includes('&')) return xml;
  let markdown = '';
  walkSegmentXml(segment, xml, {
    text: (start, end) => {
      markdown += textToMarkdown(xml.slice(start, end));
    },
    tag: (tag, part) => {
      markdown += renderTagPart(tag, part, targets, byId);
    },
  });
  return markdown;
}

/** The Markdown of one part of a tag, with nested translations (alt text, titles) spliced in. */
function renderTagPart(tag: InlineTag, part: 'open' | 'close', targets: ReadonlyMap<string, string>, byId: ReadonlyMap<string, Segment>): string {
  const markdown = part === 'open' ? tag.open : tag.close;
  const nested = tag.nested?.filter((item) => item.part === part);
  if (!nested || nested.length === 0) return markdown;
  let result = '';
  let cursor = 0;
  for (const item of [...nested].sort((a, b) => a.start - b.start)) {
    const segment = byId.get(item.segmentId);
    const translation = targets.get(item.segmentId);
    result += markdown.slice(cursor, item.start);
    result += segment && translation !== undefined ? xmlToMarkdown(segment, translation, targets, byId) : markdown.slice(item.start, item.end);
    cursor = item.end;
  }
  return result + markdown.slice(cursor);
}

/**
 * Re-inserts the container prefixes after each newline. When the text has as many line breaks as the
 * source, each line gets the prefix its source line had (lazy continuation lines included); otherwise
 * the lines no longer correspond, and every line gets the container prefix of the segment's first line.
 */
function withLinePrefixes(markdown: string, prefixes: readonly string[], continuation: string): string {
  if ((prefixes.length === 0 && continuation === '') || !markdown.includes('\n')) return markdown;
  let breaks = 0;
  for (let at = markdown.indexOf('\n'); at !== -1; at = markdown.indexOf('\n', at + 1)) breaks++;
  if (breaks !== prefixes.length) return markdown.replace(/\n/g, `\n${continuation}`);
  let index = 0;
  return markdown.replace(/\n/g, () => `\n${prefixes[index++]}`);
}

/** Renders one top-level segment (translation, or its source when there is none). */
export function renderSegment(segment: Segment, article: Article, targets: ReadonlyMap<string, string>, byId: ReadonlyMap<string, Segment>): string {
  const xml = targets.get(segment.id) ?? segment.text;
  if (segment.frontMatterKey !== undefined) {
    const value = unescapeXml(xml);
    const original = article.source.slice(segment.start, segment.end);
    if (value === unescapeXml(segment.text)) return original; // unchanged values keep their exact bytes
    return renderYamlScalar(value, scalarStyle(original));
  }
  return renderMarkdownSegment(segment, xml, targets, byId);
}

/** The Markdown of a body segment's XML, container prefixes included. */
export function renderMarkdownSegment(segment: Segment, xml: string, targets: ReadonlyMap<string, string>, byId: ReadonlyMap<string, Segment>): string {
  // An ATX heading or a table cell lives on one line: a line break in its translation would end the
  // heading or the table row, so it becomes a space.
  const oneLine = (segment.kind === 'heading' || segment.kind === 'tableCell') && xml !== segment.text && !segment.text.includes('\n');
  const markdown = xmlToMarkdown(segment, oneLine ? xml.replace(/[ \t]*\n[ \t]*/g, ' ') : xml, targets, byId);
  return withLinePrefixes(markdown, segment.linePrefixes, segment.continuationPrefix ?? segment.linePrefixes.at(-1) ?? '');
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
  return { start: insertAt, end: insertAt, text: `${needsNewline ? '\n' : ''}lang: ${targetLang}\n` };
}

/**
 * The translated article: the source with each top-level segment replaced by its translation
 * (or kept when `targets` has none), and front matter `lang` set to `targetLang`.
 */
const noSegments: ReadonlyMap<string, Segment> = new Map();

export function reassembleArticle(article: Article, targets: ReadonlyMap<string, string>, targetLang: Lang): string {
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
  return parts.join('');
}

/** Identity round trip: the first position where reassembling with source texts differs, or null. */
export function roundtripDifference(article: Article): { line: number; column: number; expected: string; actual: string } | null {
  const rebuilt = reassembleArticle(article, new Map(), article.lang);
  if (rebuilt === article.source) return null;
  let index = 0;
  while (index < rebuilt.length && index < article.source.length && rebuilt[index] === article.source[index]) index++;
  const before = article.source.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column, expected: article.source.slice(index, index + 20), actual: rebuilt.slice(index, index + 20) };
}
