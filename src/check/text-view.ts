/**
 * The text rules look at: segment XML with its tags taken out and entities decoded, plus where every
 * character is in the XML, so a finding in the plain text can be placed back in the segment (and from
 * there in the output file).
 *
 * Paired tags (`<g>`: emphasis, link text) vanish: "<g id="1">Queen</g> of Tears" reads "Queen of
 * Tears". Standalone tags (`<x/>`: inline code, images, autolinks, line breaks) become U+FFFC, an object
 * replacement character that is neither a letter nor a space: a term inside a code span or a URL is not
 * in the text at all, and words on either side of it are not glued together. (The glossary's own XML
 * projection reads segment text the same way.)
 *
 * Text with no tag and no entity (most segments) is its own view: no copy, no offset table.
 */
import { tokenizeSegmentXml } from '../segments/xml.js';

export const STANDALONE_PLACEHOLDER = '\uFFFC';

export interface TagOccurrence {
  type: 'g' | 'x';
  id: string;
  /** offset of the tag in the XML */
  xmlOffset: number;
}

export interface TextView {
  /** the plain text */
  readonly text: string;
  /** the tags in the order they appear */
  readonly tags: readonly TagOccurrence[];
  /** false when tags are not properly nested/closed */
  readonly wellFormed: boolean;
  /** offset in the XML of plain character `index` (`text.length`: the XML length) */
  xmlOffset(index: number): number;
  /** offset in the XML just after plain character `index` */
  xmlEnd(index: number): number;
}

/** A view of text that needs no mapping: offsets are their own. */
export function identityView(text: string): TextView {
  return { text, tags: [], wellFormed: true, xmlOffset: (index) => index, xmlEnd: (index) => index + 1 };
}

/**
 * Builds the plain view of segment XML (linear in its length; the grammar is segments/xml's). The offset
 * tables are built when an offset is first asked for: most segments are read (terms, numbers) and never
 * reported at a place, and two tables of the XML's length per tagged segment were most of a check's
 * garbage.
 */
export function textView(xml: string): TextView {
  if (xml.indexOf('<') < 0 && xml.indexOf('&') < 0) return identityView(xml);
  const tokens = tokenizeSegmentXml(xml);
  const tags: TagOccurrence[] = [];
  let text = '';
  let openDepth = 0;
  let wellFormed = true;
  for (const token of tokens) {
    if (token.type === 'text') text += xml.slice(token.start, token.end);
    else if (token.type === 'entity') text += token.text;
    else if (token.type === 'open') {
      tags.push({ type: 'g', id: token.id, xmlOffset: token.start });
      openDepth++;
    } else if (token.type === 'close') {
      if (openDepth === 0) wellFormed = false;
      else openDepth--;
    } else {
      tags.push({ type: token.name, id: token.id, xmlOffset: token.start });
      if (token.name === 'g') wellFormed = false;
      text += STANDALONE_PLACEHOLDER;
    }
  }
  if (openDepth !== 0) wellFormed = false;
  let tables: OffsetTables | undefined;
  return {
    text,
    tags,
    wellFormed,
    xmlOffset: (index) => (tables ??= offsetTables(xml, tokens)).starts[index]!,
    xmlEnd: (index) => (tables ??= offsetTables(xml, tokens)).ends[index]!,
  };
}

/** where each plain character of a view is in the XML: the token it comes from, [start, end) */
interface OffsetTables {
  starts: Int32Array;
  ends: Int32Array;
}

function offsetTables(xml: string, tokens: ReturnType<typeof tokenizeSegmentXml>): OffsetTables {
  const starts = new Int32Array(xml.length + 1);
  const ends = new Int32Array(xml.length + 1);
  let n = 0;
  /** plain characters that each stand for the whole token [from, to) of the XML */
  const appendToken = (length: number, from: number, to: number): void => {
    for (let i = 0; i < length; i++) {
      starts[n] = from;
      ends[n++] = to;
    }
  };
  for (const token of tokens) {
    if (token.type === 'text') {
      for (let i = token.start; i < token.end; i++) {
        starts[n] = i;
        ends[n++] = i + 1;
      }
    } else if (token.type === 'entity') {
      // an astral character decodes to two UTF-16 units; both stand for the entity
      appendToken(token.text.length, token.start, token.end);
    } else if (token.type === 'empty') {
      appendToken(STANDALONE_PLACEHOLDER.length, token.start, token.end);
    }
  }
  starts[n] = xml.length;
  ends[n] = xml.length;
  return { starts, ends };
}

/** A span of the plain text [start, end) as a span of the XML. */
export function xmlSpanOf(view: TextView, start: number, end: number): { start: number; end: number } {
  const xmlStart = view.xmlOffset(start);
  return { start: xmlStart, end: end <= start ? xmlStart : view.xmlEnd(end - 1) };
}

/** URLs and e-mail addresses typed as text (not as Markdown links, which are tags) */
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"“”«»\uFFFC]+|\b[\w.+-]+@[\w-]+\.[\w.-]+/gu;
/** a code span typed as text: a translator's backticks that the source did not have as inline code */
const CODE_SPAN_PATTERN = /`[^`\n]+`/g;

/** URLs, e-mail addresses and code spans replaced by as many U+FFFC: offsets stay those of the text. */
export function maskLiterals(text: string): string {
  if (!text.includes('`') && !text.includes('://') && !text.includes('www.') && !text.includes('@')) return text;
  const mask = (found: string): string => STANDALONE_PLACEHOLDER.repeat(found.length);
  return text.replace(CODE_SPAN_PATTERN, mask).replace(URL_PATTERN, mask);
}

/**
 * The view rules read: a term, a number or a quotation mark inside a URL or a code span that stands in
 * the text itself (typed by a translator, or a plain-text file) is no more text than one in a tag.
 */
export function maskedView(view: TextView): TextView {
  const text = maskLiterals(view.text);
  return text === view.text ? view : { ...view, text, xmlOffset: view.xmlOffset, xmlEnd: view.xmlEnd };
}
