/**
 * A segment's XML (source or translation) back to Markdown: inline tags become the exact Markdown they
 * stood for, whatever their order in the translation; nested translations (alt text, titles) are spliced
 * into their tag; container prefixes (`> `, list indentation) are put back after each newline. The
 * inverse of segmentation, used by reassembly and by segmentation's own exactness guard.
 */
import type { InlineTag, Segment } from './types.js';
import { unescapeXml, walkSegmentXml } from './xml.js';

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
export function xmlToMarkdown(
  segment: Segment,
  xml: string,
  targets: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, Segment>,
): string {
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
function renderTagPart(
  tag: InlineTag,
  part: 'open' | 'close',
  targets: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, Segment>,
): string {
  const markdown = part === 'open' ? tag.open : tag.close;
  const nested = tag.nested?.filter((item) => item.part === part);
  if (!nested || nested.length === 0) return markdown;
  let result = '';
  let cursor = 0;
  for (const item of [...nested].sort((a, b) => a.start - b.start)) {
    const segment = byId.get(item.segmentId);
    const translation = targets.get(item.segmentId);
    result += markdown.slice(cursor, item.start);
    result +=
      segment && translation !== undefined
        ? xmlToMarkdown(segment, translation, targets, byId)
        : markdown.slice(item.start, item.end);
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

/** The Markdown of a body segment's XML, container prefixes included. */
export function renderMarkdownSegment(
  segment: Segment,
  xml: string,
  targets: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, Segment>,
): string {
  // An ATX heading or a table cell lives on one line: a line break in its translation would end the
  // heading or the table row, so it becomes a space.
  const oneLine =
    (segment.kind === 'heading' || segment.kind === 'tableCell') &&
    xml !== segment.text &&
    !segment.text.includes('\n');
  const markdown = xmlToMarkdown(segment, oneLine ? xml.replace(/[ \t]*\n[ \t]*/g, ' ') : xml, targets, byId);
  return withLinePrefixes(
    markdown,
    segment.linePrefixes,
    segment.continuationPrefix ?? segment.linePrefixes.at(-1) ?? '',
  );
}
