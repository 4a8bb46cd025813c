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
import { tokenizeSegmentXml, type SegmentXmlToken } from '../segments/xml.js';

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
 * Builds the plain view of segment XML (linear in its length; the grammar is segments/xml's). An offset
 * is found by walking the view's tokens when it is asked for: most segments are read (terms, numbers) and
 * never reported at a place, and a reported one is asked for an offset or two per finding, so neither
 * tables of the XML's length per view (once most of a check's garbage) nor any other work up front.
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
  const textLength = text.length;
  return {
    text,
    tags,
    wellFormed,
    xmlOffset: (index) => xmlOffsetOf(xml, tokens, textLength, index, false),
    xmlEnd: (index) => xmlOffsetOf(xml, tokens, textLength, index, true),
  };
}

/**
 * Where plain character `index` of a view stands in the XML: the start (or with `end`, the end) of the
 * XML it comes from, one character of a text token, or the whole of an entity or a standalone tag; at
 * `textLength`, the XML's length. Past that, what the offset tables this replaces read there: 0 up to the
 * XML's length, else nothing.
 */
function xmlOffsetOf(
  xml: string,
  tokens: readonly SegmentXmlToken[],
  textLength: number,
  index: number,
  end: boolean,
): number {
  if (index === textLength) return xml.length;
  if (!Number.isInteger(index) || index < 0 || index > xml.length) return undefined as unknown as number;
  if (index > textLength) return 0;
  let plain = 0;
  for (const token of tokens) {
    if (token.type === 'text') {
      const length = token.end - token.start;
      if (index < plain + length) return token.start + (index - plain) + (end ? 1 : 0);
      plain += length;
    } else if (token.type === 'entity' || token.type === 'empty') {
      // an astral character decodes to two UTF-16 units; both stand for the entity
      plain += token.type === 'entity' ? token.text.length : STANDALONE_PLACEHOLDER.length;
      if (index < plain) return end ? token.end : token.start;
    }
  }
  return 0; // not reached: every plain character comes from a token
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
