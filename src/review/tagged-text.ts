/**
 * Segment text is XML: escaped plain text plus XLIFF-style inline tags (`<g id="N">…</g>`,
 * `<x id="N"/>`). People reviewing a translation should not have to type `&amp;`, so the review tools
 * show an "editable" form: text unescaped, tags kept verbatim. Saving goes back through
 * `parseEditedText`, which escapes the text again and checks the tags against the source, because
 * reassembly needs every tag of the source exactly once.
 */
import { escapeXml, tokenizeSegmentXml } from '../segments/xml.js';

/** One piece of tagged segment text. `text` is always unescaped (what a reader sees). */
export type TaggedToken =
  | { type: 'text'; text: string }
  | { type: 'open'; id: string; raw: string }
  | { type: 'close'; raw: string }
  | { type: 'standalone'; id: string; raw: string };

/**
 * Splits text into text runs and tags (the grammar is segments/xml's). With `escaped: true` (segment
 * XML) entities are decoded; with `escaped: false` (the editable form) text is taken literally.
 */
export function tokenizeTaggedText(input: string, escaped: boolean): TaggedToken[] {
  const tokens: TaggedToken[] = [];
  let text = '';
  for (const token of tokenizeSegmentXml(input, { entities: escaped })) {
    if (token.type === 'text') text += input.slice(token.start, token.end);
    else if (token.type === 'entity') text += token.text;
    else {
      if (text !== '') tokens.push({ type: 'text', text });
      text = '';
      const raw = input.slice(token.start, token.end);
      if (token.type === 'open') tokens.push({ type: 'open', id: token.id, raw });
      else if (token.type === 'close') tokens.push({ type: 'close', raw });
      else tokens.push({ type: 'standalone', id: token.id, raw });
    }
  }
  if (text !== '') tokens.push({ type: 'text', text });
  return tokens;
}

/** Segment XML → the form shown in an edit box: readable text, tags verbatim. */
export function toEditableText(xml: string): string {
  return tokenizeTaggedText(xml, true)
    .map((token) => (token.type === 'text' ? token.text : token.raw))
    .join('');
}

/** The text a reader sees, tags dropped (for glossary matching and plain displays). */
export function plainTextOf(xml: string): string {
  return tokenizeTaggedText(xml, true)
    .map((token) => (token.type === 'text' ? token.text : ''))
    .join('');
}

/** Which tags a segment carries: ids of paired and standalone tags, sorted. */
export interface TagSignature {
  paired: string[];
  standalone: string[];
}

export type TagProblem =
  | { problem: 'unbalanced' }
  | { problem: 'duplicateTag'; tag: string }
  | { problem: 'missingTag'; tag: string }
  | { problem: 'unexpectedTag'; tag: string };

/** Tag ids as they appear in messages: `<g id="1">` / `<x id="2"/>`. */
function describePaired(id: string): string {
  return `<g id="${id}">`;
}
function describeStandalone(id: string): string {
  return `<x id="${id}"/>`;
}

/**
 * The tag signature of tokens, or the first structural problem (a `</g>` without opening, an unclosed
 * `<g>`, the same id twice).
 */
export function tagSignatureOf(
  tokens: TaggedToken[],
): { ok: true; signature: TagSignature } | ({ ok: false } & TagProblem) {
  const open: string[] = [];
  const paired: string[] = [];
  const standalone: string[] = [];
  for (const token of tokens) {
    if (token.type === 'open') {
      if (paired.includes(token.id)) return { ok: false, problem: 'duplicateTag', tag: describePaired(token.id) };
      paired.push(token.id);
      open.push(token.id);
    } else if (token.type === 'close') {
      if (open.pop() === undefined) return { ok: false, problem: 'unbalanced' };
    } else if (token.type === 'standalone') {
      if (standalone.includes(token.id))
        return { ok: false, problem: 'duplicateTag', tag: describeStandalone(token.id) };
      standalone.push(token.id);
    }
  }
  if (open.length > 0) return { ok: false, problem: 'unbalanced' };
  return { ok: true, signature: { paired: paired.sort(), standalone: standalone.sort() } };
}

export type EditedTextResult = { ok: true; xml: string } | ({ ok: false } & TagProblem);

/**
 * Editable text typed by a reviewer → segment XML, accepted only when it carries exactly the tags of
 * `sourceXml` (same paired and standalone ids, properly nested; order may change, as translations
 * reorder words). Text outside tags is escaped, so typing `<script>` or `AT&T` is stored as text.
 */
export function parseEditedText(editable: string, sourceXml: string): EditedTextResult {
  const editedTokens = tokenizeTaggedText(editable.normalize('NFC'), false);
  const edited = tagSignatureOf(editedTokens);
  if (!edited.ok) return edited;
  const source = tagSignatureOf(tokenizeTaggedText(sourceXml, true));
  // The source comes from our own segmenter; if it were malformed, compare against what it has anyway.
  const expected: TagSignature = source.ok ? source.signature : { paired: [], standalone: [] };
  for (const id of expected.paired) {
    if (!edited.signature.paired.includes(id)) return { ok: false, problem: 'missingTag', tag: describePaired(id) };
  }
  for (const id of expected.standalone) {
    if (!edited.signature.standalone.includes(id))
      return { ok: false, problem: 'missingTag', tag: describeStandalone(id) };
  }
  for (const id of edited.signature.paired) {
    if (!expected.paired.includes(id)) return { ok: false, problem: 'unexpectedTag', tag: describePaired(id) };
  }
  for (const id of edited.signature.standalone) {
    if (!expected.standalone.includes(id)) return { ok: false, problem: 'unexpectedTag', tag: describeStandalone(id) };
  }
  const xml = editedTokens.map((token) => (token.type === 'text' ? escapeXml(token.text) : token.raw)).join('');
  return { ok: true, xml };
}
