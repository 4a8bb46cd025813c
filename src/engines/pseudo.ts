/**
 * Pseudo-translation: the standard way to test layouts and the whole pipeline without an engine.
 * Deterministic and pure: vowels get accents (a→á), the text is bracketed `⟦…⟧` (so untranslated or cut
 * strings stand out) and lengthened by about 30% with `~` (Italian runs longer than English).
 *
 * Markup is copied untouched: any `<…>` tag (inline `<g id>`, `<x id/>`, glossary placeholders written
 * as tags), any `⟪…⟫` placeholder and XML entities (`&amp;` must not become `&ámp;`).
 */
import { codePointCount } from '../text/char-codes.js';
import type { Engine, TranslateBatchRequest, TranslateBatchResult } from './types.js';

const PROTECTED = /<[^>]*>|⟪[^⟫]*⟫|&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
/** The accented vowel's code by ASCII code (a→á, …), 0 for every other character. */
const ACCENTED: Uint16Array = (() => {
  const table = new Uint16Array(128);
  const vowels = 'aeiouAEIOU';
  const accented = 'áéíóúÁÉÍÓÚ';
  for (let i = 0; i < vowels.length; i++) table[vowels.charCodeAt(i)] = accented.charCodeAt(i);
  return table;
})();
/** Character codes turned into a string at a time (well below the engine's limit on call arguments). */
const CODES_PER_CALL = 4096;
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';
const PADDING = '~';
const LENGTHENING = 0.3;

/** The text with its vowels accented: one pass by character code, one string built (the text when none). */
function accent(text: string): string {
  const length = text.length;
  let codes: number[] | null = null;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const accented = code < 128 ? ACCENTED[code]! : 0;
    if (codes === null) {
      if (accented === 0) continue;
      codes = new Array<number>(length);
      for (let k = 0; k < i; k++) codes[k] = text.charCodeAt(k);
    }
    codes[i] = accented === 0 ? code : accented;
  }
  if (codes === null) return text;
  if (length <= CODES_PER_CALL) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let at = 0; at < length; at += CODES_PER_CALL) {
    out += String.fromCharCode.apply(null, codes.slice(at, at + CODES_PER_CALL));
  }
  return out;
}

/** Pseudo-translates one segment text. Texts with no visible characters are returned unchanged. */
export function pseudoTranslate(text: string): string {
  // trimStart / trimEnd take what `\s` matches at the edges (the same white space and line terminators)
  const leading = text.slice(0, text.length - text.trimStart().length);
  const trailing = text.length > leading.length ? text.slice(text.trimEnd().length) : '';
  const core = text.slice(leading.length, text.length - trailing.length);

  let out = '';
  let visible = 0;
  let prose = false;
  let last = 0;
  for (const match of core.matchAll(PROTECTED)) {
    const plain = core.slice(last, match.index);
    out += accent(plain);
    visible += codePointCount(plain);
    prose ||= plain.trim() !== '';
    // An entity is one visible character; tags and placeholders are not prose.
    if (match[0].startsWith('&')) visible += 1;
    out += match[0];
    last = match.index + match[0].length;
  }
  const tail = core.slice(last);
  out += accent(tail);
  visible += codePointCount(tail);
  prose ||= tail.trim() !== '';

  // nothing but markup and white space outside the protected parts: nothing to translate
  if (visible === 0 || !prose) return text;
  return `${leading}${PSEUDO_OPEN}${out}${PADDING.repeat(Math.ceil(visible * LENGTHENING))}${PSEUDO_CLOSE}${trailing}`;
}

export function createPseudoEngine(): Engine {
  return {
    name: 'pseudo',
    enforcesGlossary: () => false,
    async translateBatch(request: TranslateBatchRequest): Promise<TranslateBatchResult> {
      return { texts: request.texts.map(pseudoTranslate), billedCharacters: 0 };
    },
  };
}
