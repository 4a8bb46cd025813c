const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Terminal columns a string takes: East Asian wide characters (Hangul, CJK, full-width) count 2. */
export function displayWidth(text: string): number {
  // printable ASCII (file names, counts): one column per character, no per-character loop
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xff60);
    width += wide ? 2 : 1;
  }
  return width;
}
