/**
 * What a text costs: billed characters (DeepL bills Unicode code points of the source text; markup is not
 * billed with `tag_handling=xml`) and bytes in a form-encoded request body (the 128 KiB limit).
 */

const TAG = /<[^>]*>/g;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;

/**
 * Billed characters of a segment text: code points of the text with tags removed and XML entities
 * counted as the one character they stand for (`&amp;` is one `&`).
 */
export function billedCharacterCount(text: string): number {
  const plain = text.replace(TAG, '').replace(ENTITY, '_');
  let count = 0;
  for (const _ of plain) count++;
  return count;
}

/** Bytes that stay one byte in `application/x-www-form-urlencoded` by every common encoder. */
const UNESCAPED = /[A-Za-z0-9*\-._]/;

/**
 * Size of a value once form-encoded, counted conservatively: every UTF-8 byte outside the characters no
 * encoder escapes is counted as a 3-byte `%XX` (so a space counts 3 even when encoded as `+`). The real
 * body is never larger than this.
 */
export function formEncodedLength(value: string): number {
  let bytes = 0;
  for (const char of value) {
    if (UNESCAPED.test(char)) bytes += 1;
    else bytes += 3 * Buffer.byteLength(char, 'utf8');
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

/** Bytes the `context=` field adds to a request body. */
export function contextFieldBytes(context: string): number {
  return '&context='.length + formEncodedLength(context);
}
