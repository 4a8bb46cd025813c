/**
 * Segment text is XML (see types.ts). These helpers convert between plain text and that form, and
 * compare the inline tags of two texts (MT must return every tag exactly once).
 */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeXml(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (ch) => escapes[ch]!) : text;
}

const entityPattern = /&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g;

export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(entityPattern, (reference: string, name: string) => {
    switch (name) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        // beyond Unicode (`&#x110000;` from MT or an edit box): String.fromCodePoint would throw; keep the text
        return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
      }
    }
  });
}

/**
 * One inline tag as MT engines may return it: `<g id="1">`, `</g>`, `<x id="2"/>`, and the variants
 * `<x id="2" />` and `<x id="2"></x>` some engines produce.
 */
export const inlineTagPattern = /<(\/?)([gx])(?:\s+id\s*=\s*"([^"]*)")?\s*(\/?)>(?:<\/x>)?/g;

/** Plain text of a segment: tags removed (standalone tags become nothing), entities decoded. */
export function plainText(xml: string): string {
  if (!xml.includes('<')) return unescapeXml(xml);
  return unescapeXml(xml.replace(inlineTagPattern, ''));
}

/** Billed characters: Unicode code points of the text without tags (what DeepL bills). */
export function billedCharacterCount(xml: string): number {
  let count = 0;
  for (const _ of plainText(xml)) count++;
  return count;
}

export interface TagInventory {
  /** tag ids in order of appearance, `g:1`, `x:2` */
  tags: string[];
  /** problems found: an unknown closing tag, an unclosed tag */
  wellFormed: boolean;
}

/** Lists the inline tags of a text and whether they nest properly. */
export function inventoryTags(xml: string): TagInventory {
  const tags: string[] = [];
  const stack: string[] = [];
  let wellFormed = true;
  for (const match of xml.matchAll(inlineTagPattern)) {
    const [, closing, type, id] = match;
    if (closing) {
      if (stack.pop() === undefined) wellFormed = false;
      continue;
    }
    tags.push(`${type}:${id ?? ''}`);
    if (type === 'g') stack.push(id ?? '');
  }
  if (stack.length > 0) wellFormed = false;
  return { tags, wellFormed };
}

/** True when the target has exactly the source's tags (any order) and they are well formed. */
export function sameTags(sourceXml: string, targetXml: string): boolean {
  const source = inventoryTags(sourceXml);
  const target = inventoryTags(targetXml);
  if (!target.wellFormed) return false;
  return [...source.tags].sort().join(' ') === [...target.tags].sort().join(' ');
}

const xmlTag = /<[^>]*>/g;
const wellFormedTag = /^<(?:\/([A-Za-z_][\w.-]*)\s*|([A-Za-z_][\w.-]*)(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?))>$/;
const strayAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
/** Characters XML 1.0 forbids even as character references. */
const forbiddenInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * True when the text is well-formed XML content, as DeepL's tag handling v2 demands: tags balanced and
 * properly nested, attribute values quoted, no bare `<` or `&`, no character XML forbids.
 */
export function isWellFormedXml(text: string): boolean {
  if (forbiddenInXml.test(text)) return false;
  const stack: string[] = [];
  let last = 0;
  for (const match of text.matchAll(xmlTag)) {
    const between = text.slice(last, match.index);
    if (between.includes('<') || strayAmpersand.test(between)) return false;
    last = match.index + match[0].length;
    const parts = wellFormedTag.exec(match[0]);
    if (!parts) return false;
    if (parts[1] !== undefined) {
      if (stack.pop() !== parts[1]) return false;
    } else if (parts[3] !== '/') stack.push(parts[2]!);
  }
  const rest = text.slice(last);
  return stack.length === 0 && !rest.includes('<') && !strayAmpersand.test(rest);
}
