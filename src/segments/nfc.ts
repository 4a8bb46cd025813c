/**
 * The characters whose presence means NFC may change a text: everything that is not NFC on its own
 * (singletons such as U+2126 OHM SIGN, U+2329 angle brackets, the Greek question mark, composition
 * exclusions), every combining mark (General_Category M: they compose or get reordered), the Hangul jamo,
 * and every other character that can be the second part of a canonical composition. Astral code points
 * are matched by their high surrogate, so text with an emoji is normalised too (rarely needed, always right).
 * Text without any of them is already NFC, and skipping `normalize` there saves a copy of every segment
 * on the hot path. A test checks the class against String.prototype.normalize over the whole BMP.
 *
 * The class itself is generated data (nfc-table.ts, made by scripts/generate-nfc-table.mjs from Node's
 * ICU data; a test checks the committed file is what the script makes).
 */
import { mayChangeUnderNfc } from './nfc-table.js';

/**
 * Every character of mayChangeUnderNfc lies outside ASCII/Latin-1 and the Hangul syllables (U+AC00–
 * U+D7A3), so text without any character in this short class skips the long one. Korean news is mostly
 * Hangul, ASCII and digits: the long class (hundreds of ranges, searched per character) then never runs.
 */
const outsideLatinAndHangul = /[\u0300-\uabff\ud7a4-\uffff]/;

export function mayChangeUnderNfcText(text: string): boolean {
  return outsideLatinAndHangul.test(text) && mayChangeUnderNfc.test(text);
}
