/**
 * What a text costs: billed characters (DeepL bills Unicode code points of the source text; markup is not
 * billed with `tag_handling=xml`) and bytes in a form-encoded request body (the 128 KiB limit).
 */

import { codePointCount } from '../text/char-codes.js';

const TAG = /<[^>]*>/g;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;

/**
 * Billed characters of a segment text: code points of the text with tags removed and XML entities
 * counted as the one character they stand for (`&amp;` is one `&`).
 */
export function billedCharacterCount(text: string): number {
  // a tag starts with `<` and an entity with `&`: a text with neither is all billed
  const plain = text.includes('<') || text.includes('&') ? text.replace(TAG, '').replace(ENTITY, '_') : text;
  return codePointCount(plain);
}

/** True for the ASCII code units no form encoder escapes: A-Z a-z 0-9 * - . _ */
function unescaped(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2a ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f
  );
}

/**
 * Size of a value once form-encoded, counted conservatively: every UTF-8 byte outside the characters no
 * encoder escapes is counted as a 3-byte `%XX` (so a space counts 3 even when encoded as `+`). The real
 * body is never larger than this. One pass over the code units (a lone surrogate is the 3-byte U+FFFD).
 */
export function formEncodedLength(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += unescaped(code) ? 1 : 3;
    else if (code < 0x800) bytes += 6;
    else if (
      code >= 0xd800 &&
      code <= 0xdbff &&
      i + 1 < value.length &&
      (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      bytes += 12;
      i++;
    } else bytes += 9;
  }
  return bytes;
}

/**
 * Bytes reserved for everything in a request except the texts and the context: `source_lang`,
 * `target_lang`, `tag_handling`, `glossary_id`, `formality`, `show_billed_characters`, separators.
 */
export const REQUEST_OVERHEAD_BYTES = 1024;

/** Bytes one `text=` field adds to a request body (`&text=` + the encoded value). */
export function textFieldBytes(text: string): number {
  return '&text='.length + formEncodedLength(text);
}
