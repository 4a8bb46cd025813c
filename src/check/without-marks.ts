/**
 * A text without its combining marks, the way the numbers rule reads a pseudo translation (the source in
 * disguise, its vowels accented): canonical decomposition (NFD), every mark (\p{M}) taken out, then
 * composed again (NFC: NFD splits Hangul syllables into jamo).
 *
 * Normalizing a whole text twice is costly, and on the texts a newsroom writes it is a mapping of one
 * character at a time: each character's decomposition without marks, composed again. That holds where
 * nothing composes across two characters once the marks are gone, which is so for the scripts and symbols
 * listed below (Latin, punctuation, symbols, CJK punctuation, Hangul syllables; the tests compare every
 * pair of them, and random texts, with the whole-text normalization). A text with any other character
 * (a lone combining mark or jamo, another script, an astral character) is normalized whole, as before.
 */

/** ranges [first, last] of UTF-16 units mapped one at a time */
const PER_CHARACTER: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x024f], // Basic Latin to Latin Extended-B
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2000, 0x206f], // General Punctuation
  [0x2190, 0x2bff], // arrows, mathematical and technical symbols, ⟦ ⟧
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0xac00, 0xd7a3], // Hangul syllables
  [0xff00, 0xffef], // half- and full-width forms
];

/** the whole-text reading: what every fast answer must equal */
export function withoutMarksByNormalizing(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** per UTF-16 unit: its reading (filled on first use), or null outside PER_CHARACTER */
const readings: Array<string | null | undefined> = [];

function readingOf(code: number): string | null {
  let reading = readings[code];
  if (reading === undefined) {
    const mapped = PER_CHARACTER.some(([first, last]) => code >= first && code <= last);
    reading = mapped ? withoutMarksByNormalizing(String.fromCharCode(code)) : null;
    readings[code] = reading;
  }
  return reading;
}

/** `withoutMarksByNormalizing(text)`, a character at a time where that gives the same text. */
export function withoutMarks(text: string): string {
  let out = '';
  let copiedTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue; // ASCII: its own decomposition, no mark
    const reading = readingOf(code);
    if (reading === null) return withoutMarksByNormalizing(text);
    if (reading.length === 1 && reading.charCodeAt(0) === code) continue;
    out += text.slice(copiedTo, i) + reading;
    copiedTo = i + 1;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}
