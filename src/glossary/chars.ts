/**
 * Character tables for matching, built once per process (BMP only; astral characters pass through).
 *
 * The automaton runs over *folded* text: lower case, every space-like character and every hyphen folded
 * to one separator, typographic apostrophes to `'`. Folding maps one UTF-16 unit to one unit, so offsets
 * in folded text are offsets in the searched text. What folding forgets (case, hyphen vs space) is checked
 * again per candidate when an entry or the matcher asks for it.
 */

/** the separator every space and hyphen folds to */
export const SEPARATOR = 0x20;

/** Character classes for boundary rules. */
export const enum CharClass {
  other = 0,
  /** letters, digits and marks of scripts that separate words with spaces (Latin, Greek, Cyrillic…) */
  word = 1,
  /** Hangul syllables and jamo: words take particles (김수현은) */
  hangul = 2,
  /** Han, kana, Thai…: no spaces between words, so no boundary is required */
  continuous = 3,
  space = 4,
  hyphen = 5,
}

const HYPHENS = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0xad, 0xfe63, 0xff0d];
const APOSTROPHES = [0x2019, 0x2018, 0x02bc, 0x2032];

/** folded code unit per code unit (filled by `ensureCharTables`) */
export const FOLD: Uint16Array = new Uint16Array(0x10000);
/** CharClass per code unit (filled by `ensureCharTables`) */
export const CLASS: Uint8Array = new Uint8Array(0x10000);
let built = false;

/**
 * Fills FOLD and CLASS the first time matching needs them: building them tests 65,536 characters against
 * Unicode properties, which a command that never matches a term (`status`, a rerun) should not pay for
 * at start-up. Called by `foldText`, `buildAutomaton` and `createTermMatcher`, before any read.
 */
export function ensureCharTables(): void {
  if (built) return;
  buildTables(FOLD, CLASS);
  built = true;
}

function buildTables(fold: Uint16Array, classes: Uint8Array): void {
  const wordChar = /[\p{L}\p{N}\p{M}]/u;
  const continuousScript = new RegExp(
    '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}' +
      '\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}]',
    'u',
  );
  const spaceChar = /\s/u;
  for (let code = 0; code < 0x10000; code++) {
    fold[code] = code;
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogates: astral characters pass through unfolded
    const char = String.fromCharCode(code);
    const lower = char.toLowerCase();
    if (lower.length === 1) fold[code] = lower.charCodeAt(0);
    if (
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0x1100 && code <= 0x11ff) ||
      (code >= 0x3130 && code <= 0x318f)
    ) {
      classes[code] = CharClass.hangul;
    } else if (continuousScript.test(char)) {
      classes[code] = CharClass.continuous;
    } else if (wordChar.test(char)) {
      classes[code] = CharClass.word;
    } else if (spaceChar.test(char)) {
      classes[code] = CharClass.space;
      fold[code] = SEPARATOR;
    }
  }
  for (const code of HYPHENS) {
    classes[code] = CharClass.hyphen;
    fold[code] = SEPARATOR;
  }
  for (const code of APOSTROPHES) fold[code] = 0x27;
}

/** Folds a whole string (for patterns and comparisons). */
export function foldText(text: string): string {
  ensureCharTables();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(FOLD[text.charCodeAt(i)]!);
  return out;
}
