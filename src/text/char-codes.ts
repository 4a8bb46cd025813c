/**
 * Character tests by UTF-16 code unit, shared by the hot paths of segmentation and reassembly
 * (indexing a two-byte string allocates a one-character string per call; a code does not).
 */

export const isAsciiDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
export const isAsciiLower = (code: number): boolean => code >= 0x61 && code <= 0x7a;
export const isAsciiUpper = (code: number): boolean => code >= 0x41 && code <= 0x5a;
export const isAsciiLetterOrDigit = (code: number): boolean => isAsciiDigit(code) || isAsciiLower(code | 0x20);

/**
 * Code points of a text, as `[...text].length` counts them (a surrogate pair is one, a lone surrogate one
 * too) without making an iterator: what DeepL bills and what the pseudo engine measures.
 */
export function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/**
 * JavaScript's `\s` without the space and the newline, as the inside of a regex character class: the
 * whitespace segmentation folds wherever it appears (tabs, no-break and other Unicode spaces,
 * separators, a BOM pasted mid-text).
 */
export const foldedWhitespaceClass =
  '\\t\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** JavaScript's `\s`, by code unit. */
export function isJsWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
