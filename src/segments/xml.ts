/**
 * The segment XML grammar: the one module that reads and writes it. Segment text (see types.ts) is
 * escaped plain text with XLIFF-style inline tags: paired `<g id="N">…</g>` and empty `<x id="N"/>`.
 *
 * Tags are read leniently, as MT engines return them: whitespace around `=` and before `/>`
 * (`<x id="2" />`), `<x id="2"></x>`, a missing id. Entities are the five XML names and decimal or hex
 * character references of a Unicode scalar value; anything else starting with `&` is text.
 *
 * Readers, from lowest to highest: `readInlineTag` / `readEntity` read one construct at a position by
 * character code (reassembly's hot path uses them through `walkSegmentXml`); `tokenizeSegmentXml` splits a
 * text into text, open, close, empty and entity tokens; `walkSegmentXml` resolves tags against a segment's
 * tag table, with the one open-tag stack, for reassembly and human-edit detection.
 */
import type { InlineTag, Segment } from './types.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeXml(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (ch) => escapes[ch]!) : text;
}

/** XML whitespace (space, tab, line feed, carriage return): what may stand around `=` and before `/>`. */
function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** One inline tag read at a position. `empty` is `<x id/>` and its variants, and a self-closing `<g/>`. */
export interface InlineTagRead {
  kind: 'open' | 'close' | 'empty';
  name: 'g' | 'x';
  /** the id attribute's value, '' when the tag has none */
  id: string;
  /** offset just after the tag (after `</x>` too when an empty `<x>` is written as a pair) */
  end: number;
}

/** The `id="…"` attribute after a tag name (`at` is on the first whitespace): [value, end] or null. */
function readIdAttribute(xml: string, at: number): [string, number] | null {
  let i = at;
  while (isXmlSpace(xml.charCodeAt(i))) i++;
  if (xml.charCodeAt(i) !== 0x69 /* i */ || xml.charCodeAt(i + 1) !== 0x64 /* d */) return ['', i];
  i += 2;
  while (isXmlSpace(xml.charCodeAt(i))) i++;
  if (xml.charCodeAt(i) !== 0x3d /* = */) return null;
  i++;
  while (isXmlSpace(xml.charCodeAt(i))) i++;
  if (xml.charCodeAt(i) !== 0x22 /* " */) return null;
  const quote = xml.indexOf('"', i + 1);
  return quote < 0 ? null : [xml.slice(i + 1, quote), quote + 1];
}

/** Reads the inline tag that starts at `at` (where `xml[at]` is `<`), or null when none starts there. */
export function readInlineTag(xml: string, at: number): InlineTagRead | null {
  let i = at + 1;
  const closing = xml.charCodeAt(i) === 0x2f; /* / */
  if (closing) i++;
  const nameCode = xml.charCodeAt(i);
  if (nameCode !== 0x67 /* g */ && nameCode !== 0x78 /* x */) return null;
  i++;
  let id = '';
  if (isXmlSpace(xml.charCodeAt(i))) {
    const attribute = readIdAttribute(xml, i);
    if (attribute === null) return null;
    [id, i] = attribute;
  }
  while (isXmlSpace(xml.charCodeAt(i))) i++;
  const selfClosing = xml.charCodeAt(i) === 0x2f;
  if (selfClosing) i++;
  if (xml.charCodeAt(i) !== 0x3e /* > */) return null;
  i++;
  const name = nameCode === 0x67 ? 'g' : 'x';
  if (closing) return { kind: 'close', name, id, end: i };
  if (name === 'g' && !selfClosing) return { kind: 'open', name, id, end: i };
  if (name === 'x' && xml.startsWith('</x>', i)) i += 4;
  return { kind: 'empty', name, id, end: i };
}

const namedEntities: ReadonlyArray<readonly [string, string]> = [
  ['amp;', '&'],
  ['lt;', '<'],
  ['gt;', '>'],
  ['quot;', '"'],
  ['apos;', "'"],
];

/** A character reference `&#…;` / `&#x…;` at `at`: the character and the offset after `;`, or null. */
function readCharacterReference(xml: string, at: number): { text: string; end: number } | null {
  const hex = xml.charCodeAt(at + 2) === 0x78; /* x */
  let i = at + (hex ? 3 : 2);
  const digitsStart = i;
  let value = 0;
  for (;;) {
    const code = xml.charCodeAt(i);
    let digit: number;
    if (code >= 0x30 && code <= 0x39) digit = code - 0x30;
    else if (hex && code >= 0x61 && code <= 0x66) digit = code - 0x57;
    else if (hex && code >= 0x41 && code <= 0x46) digit = code - 0x37;
    else break;
    // past the last code point the value only needs to stay out of range
    value = Math.min(value * (hex ? 16 : 10) + digit, 0x110000);
    i++;
  }
  if (i === digitsStart || xml.charCodeAt(i) !== 0x3b /* ; */) return null;
  // beyond Unicode or a lone surrogate: not a character, the reference stays text
  if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return null;
  return { text: String.fromCodePoint(value), end: i + 1 };
}

/** Reads the entity that starts at `at` (where `xml[at]` is `&`): the text it stands for and its end. */
export function readEntity(xml: string, at: number): { text: string; end: number } | null {
  if (xml.charCodeAt(at + 1) === 0x23 /* # */) return readCharacterReference(xml, at);
  for (const [name, text] of namedEntities) {
    if (xml.startsWith(name, at + 1)) return { text, end: at + 1 + name.length };
  }
  return null;
}

export function unescapeXml(text: string): string {
  let at = text.indexOf('&');
  if (at < 0) return text;
  let result = '';
  let last = 0;
  for (; at !== -1; at = text.indexOf('&', at + 1)) {
    const entity = readEntity(text, at);
    if (entity === null) continue;
    result += text.slice(last, at) + entity.text;
    last = entity.end;
    at = entity.end - 1;
  }
  return result + text.slice(last);
}

/** One token of segment XML; offsets are into the XML, `xml.slice(start, end)` is the token as written. */
export type SegmentXmlToken =
  | { type: 'text'; start: number; end: number }
  | { type: 'entity'; start: number; end: number; text: string }
  | { type: 'open'; start: number; end: number; id: string }
  | { type: 'close'; start: number; end: number; name: 'g' | 'x' }
  | { type: 'empty'; start: number; end: number; name: 'g' | 'x'; id: string };

/**
 * Splits segment XML into tokens. With `entities: false` (text a reviewer typed, where `&amp;` means
 * those five characters) entities are text.
 */
export function tokenizeSegmentXml(
  xml: string,
  options: { entities: boolean } = { entities: true },
): SegmentXmlToken[] {
  const tokens: SegmentXmlToken[] = [];
  let textStart = 0;
  for (let at = 0; at < xml.length; at++) {
    const code = xml.charCodeAt(at);
    if (code === 0x3c) {
      const tag = readInlineTag(xml, at);
      if (tag === null) continue;
      if (at > textStart) tokens.push({ type: 'text', start: textStart, end: at });
      if (tag.kind === 'open') tokens.push({ type: 'open', start: at, end: tag.end, id: tag.id });
      else if (tag.kind === 'close') tokens.push({ type: 'close', start: at, end: tag.end, name: tag.name });
      else tokens.push({ type: 'empty', start: at, end: tag.end, name: tag.name, id: tag.id });
      textStart = tag.end;
      at = tag.end - 1;
    } else if (code === 0x26 && options.entities) {
      const entity = readEntity(xml, at);
      if (entity === null) continue;
      if (at > textStart) tokens.push({ type: 'text', start: textStart, end: at });
      tokens.push({ type: 'entity', start: at, end: entity.end, text: entity.text });
      textStart = entity.end;
      at = entity.end - 1;
    }
  }
  if (xml.length > textStart) tokens.push({ type: 'text', start: textStart, end: xml.length });
  return tokens;
}

/** The canonical form of a tag, as storyloc writes it. */
export function renderInlineTag(kind: 'open' | 'close' | 'empty', id: string): string {
  if (kind === 'close') return '</g>';
  return kind === 'open' ? `<g id="${id}">` : `<x id="${id}"/>`;
}

/** Plain text of a segment: tags removed (empty tags become nothing), entities decoded. */
export function plainText(xml: string): string {
  if (!xml.includes('<')) return unescapeXml(xml);
  let text = '';
  for (const token of tokenizeSegmentXml(xml)) {
    if (token.type === 'text') text += xml.slice(token.start, token.end);
    else if (token.type === 'entity') text += token.text;
  }
  return text;
}

export interface TagInventory {
  /** tag ids in order of appearance, `g:1`, `x:2` */
  tags: string[];
  /** problems found: an unknown closing tag, an unclosed tag */
  wellFormed: boolean;
}

/**
 * Lists the inline tags of a text and whether they nest properly. Entities are text here, so only a `<`
 * can start a tag: the scan jumps from one `<` to the next (what `tokenizeSegmentXml` with
 * `entities: false` reads, without building its tokens).
 */
export function inventoryTags(xml: string): TagInventory {
  const tags: string[] = [];
  let depth = 0;
  let wellFormed = true;
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at + 1)) {
    const tag = readInlineTag(xml, at);
    if (tag === null) continue;
    at = tag.end - 1;
    if (tag.kind === 'close') {
      if (depth === 0) wellFormed = false;
      else depth--;
    } else if (tag.kind === 'open') {
      tags.push(`g:${tag.id}`);
      depth++;
    } else {
      tags.push(`${tag.name}:${tag.id}`);
      // `<g id="1"/>` has no closing part to put back: reassembly refuses it
      if (tag.name === 'g') wellFormed = false;
    }
  }
  if (depth > 0) wellFormed = false;
  return { tags, wellFormed };
}

/** True when the target has exactly the source's tags (any order) and they are well formed. */
export function sameTags(sourceXml: string, targetXml: string): boolean {
  // no `<` on either side: no tags at all, well formed (most segments of prose)
  if (!sourceXml.includes('<') && !targetXml.includes('<')) return true;
  const source = inventoryTags(sourceXml);
  const target = inventoryTags(targetXml);
  if (!target.wellFormed) return false;
  // the same tags in the same order (the usual translation) are the same sorted too: no sort needed
  if (sameSequence(source.tags, target.tags)) return true;
  return [...source.tags].sort().join(' ') === [...target.tags].sort().join(' ');
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A translation whose tags do not match its source's. Reassembly refuses rather than guess. */
export class TagMismatchError extends Error {
  constructor(
    readonly segmentId: string,
    readonly detail: string,
  ) {
    super(`segment ${segmentId}: ${detail}`);
    this.name = 'TagMismatchError';
  }
}

/** What `walkSegmentXml` reports, in order. */
export interface SegmentXmlVisitor {
  /** a run of text, as XML (entities not decoded): `xml.slice(start, end)` */
  text(start: number, end: number): void;
  /** a tag of the segment's tag table (`open` for an empty tag too) and its id ('' for a closing tag) */
  tag(tag: InlineTag, part: 'open' | 'close', id: string): void;
}

/**
 * Walks segment XML (a source or a translation) with its tags resolved against the segment's tag table.
 * Throws TagMismatchError for a tag the segment does not have, a stray closing tag, a self-closing `<g/>`
 * and an unclosed `<g>`.
 */
export function walkSegmentXml(segment: Segment, xml: string, visitor: SegmentXmlVisitor): void {
  const open: InlineTag[] = [];
  let last = 0;
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at + 1)) {
    const read = readInlineTag(xml, at);
    if (read === null) continue;
    if (at > last) visitor.text(last, at);
    last = read.end;
    at = read.end - 1;
    if (read.kind === 'close') {
      const tag = open.pop();
      if (!tag || read.name !== 'g') throw new TagMismatchError(segment.id, `unexpected </${read.name}>`);
      visitor.tag(tag, 'close', '');
      continue;
    }
    const tag = segment.tags[read.id];
    if (!tag || tag.type !== read.name)
      throw new TagMismatchError(segment.id, `unknown tag <${read.name} id="${read.id}">`);
    // `<g id="1"/>` would write the opening Markdown without its closing part
    if (read.name === 'g' && read.kind === 'empty')
      throw new TagMismatchError(segment.id, `self-closing <g id="${read.id}"/>`);
    visitor.tag(tag, 'open', read.id);
    if (read.kind === 'open') open.push(tag);
  }
  if (open.length > 0) throw new TagMismatchError(segment.id, 'unclosed <g>');
  if (xml.length > last) visitor.text(last, xml.length);
}

const xmlTag = /<[^>]*>/g;
const wellFormedTag =
  /^<(?:\/([A-Za-z_][\w.-]*)\s*|([A-Za-z_][\w.-]*)(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?))>$/;
const strayAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
/** Characters XML 1.0 forbids even as character references. */
const forbiddenInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * True when the text is well-formed XML content, as DeepL's tag handling v2 demands: tags balanced and
 * properly nested, attribute values quoted, no bare `<` or `&`, no character XML forbids.
 */
export function isWellFormedXml(text: string): boolean {
  return isPlainXmlText(text) || isWellFormedXmlReadingTags(text);
}

/**
 * Text with no `<`, no `&` and no character XML forbids: well formed as it is. Most texts DeepL is sent
 * are plain sentences; one pass over their character codes answers without the regular expressions.
 */
export function isPlainXmlText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 ? code !== 0x09 && code !== 0x0a && code !== 0x0d : code === 0x3c || code === 0x26) return false;
    if (code >= 0xfffe) return false;
  }
  return true;
}

/** `isWellFormedXml` of any text: every tag read and checked (the general path, which tests compare with). */
export function isWellFormedXmlReadingTags(text: string): boolean {
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
