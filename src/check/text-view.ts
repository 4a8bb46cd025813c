/**
 * The text rules look at: segment XML with its tags taken out and entities decoded, plus the offset of
 * every character in the XML, so a finding in the plain text can be placed back in the segment (and from
 * there in the output file).
 *
 * Paired tags (`<g>`: emphasis, link text) vanish: "<g id="1">Queen</g> of Tears" reads "Queen of
 * Tears". Standalone tags (`<x/>`: inline code, images, autolinks, line breaks) become U+FFFC, an object
 * replacement character that is neither a letter nor a space: a term inside a code span or a URL is not
 * in the text at all, and words on either side of it are not glued together.
 */

export const STANDALONE_PLACEHOLDER = '\uFFFC';

export interface TextView {
  /** the plain text */
  text: string;
  /** xmlOffsets[i] = offset in the XML of plain character i; xmlOffsets[text.length] = the XML length */
  xmlOffsets: number[];
  /** the tags in the order they appear */
  tags: TagOccurrence[];
  /** false when tags are not properly nested/closed */
  wellFormed: boolean;
  /** how many XML characters plain character i stands for (1, or an entity's or a tag's length) */
  xmlLengths(index: number): number;
}

export interface TagOccurrence {
  type: 'g' | 'x';
  id: string;
  /** offset of the tag in the XML */
  xmlOffset: number;
}

const TAG_OR_ENTITY = /<g id="([^"<>]*)">|<\/g>|<x id="([^"<>]*)"\s*\/>|&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g;

function decodeEntity(name: string): string | null {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default: {
      const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : null;
    }
  }
}

/** Builds the plain view of segment XML (linear in its length). */
export function textView(xml: string): TextView {
  let text = '';
  const xmlOffsets: number[] = [];
  const tags: TagOccurrence[] = [];
  let openDepth = 0;
  let wellFormed = true;
  let last = 0;
  const appendRaw = (from: number, to: number): void => {
    text += xml.slice(from, to);
    for (let i = from; i < to; i++) xmlOffsets.push(i);
  };
  TAG_OR_ENTITY.lastIndex = 0;
  for (let match = TAG_OR_ENTITY.exec(xml); match !== null; match = TAG_OR_ENTITY.exec(xml)) {
    appendRaw(last, match.index);
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      tags.push({ type: 'g', id: match[1], xmlOffset: match.index });
      openDepth++;
    } else if (match[0] === '</g>') {
      if (openDepth === 0) wellFormed = false;
      else openDepth--;
    } else if (match[2] !== undefined) {
      tags.push({ type: 'x', id: match[2], xmlOffset: match.index });
      text += STANDALONE_PLACEHOLDER;
      xmlOffsets.push(match.index);
    } else {
      const decoded = decodeEntity(match[3]!);
      if (decoded === null) {
        appendRaw(match.index, last);
      } else {
        text += decoded;
        // an astral character decodes to two UTF-16 units; both point at the entity
        for (let i = 0; i < decoded.length; i++) xmlOffsets.push(match.index);
      }
    }
  }
  appendRaw(last, xml.length);
  xmlOffsets.push(xml.length);
  if (openDepth !== 0) wellFormed = false;
  const xmlLengths = (index: number): number => {
    const at = xmlOffsets[index]!;
    if (xml[at] === '&' || xml[at] === '<') return xml.indexOf(xml[at] === '&' ? ';' : '>', at) + 1 - at;
    return 1;
  };
  return { text, xmlOffsets, tags, wellFormed, xmlLengths };
}

/** A plain-text view of text that is not XML (target-only plain files): offsets map to themselves. */
export function identityView(text: string): TextView {
  const xmlOffsets = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) xmlOffsets[i] = i;
  return { text, xmlOffsets, tags: [], wellFormed: true, xmlLengths: () => 1 };
}

/** A span of the plain text [start, end) as a span of the XML (end just after the last character's XML). */
export function xmlSpanOf(view: TextView, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: view.xmlOffsets[start]!, end: view.xmlOffsets[start]! };
  return { start: view.xmlOffsets[start]!, end: view.xmlOffsets[end - 1]! + view.xmlLengths(end - 1) };
}
