/**
 * Pseudo-translation: the standard way to test layouts and the whole pipeline without an engine.
 * Deterministic and pure: vowels get accents (a→á), the text is bracketed `⟦…⟧` (so untranslated or cut
 * strings stand out) and lengthened by about 30% with `~` (Italian runs longer than English).
 *
 * Markup is copied untouched: any `<…>` tag (inline `<g id>`, `<x id/>`, glossary placeholders written
 * as tags), any `⟪…⟫` placeholder and XML entities (`&amp;` must not become `&ámp;`).
 */
import type { Engine, TranslateBatchRequest, TranslateBatchResult } from './types.js';

const PROTECTED = /<[^>]*>|⟪[^⟫]*⟫|&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
};
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';
const PADDING = '~';
const LENGTHENING = 0.3;

function accent(text: string): string {
  return text.replace(/[aeiouAEIOU]/g, (vowel) => ACCENTED[vowel] ?? vowel);
}

/** Pseudo-translates one segment text. Texts with no visible characters are returned unchanged. */
export function pseudoTranslate(text: string): string {
  const leading = /^\s*/.exec(text)?.[0] ?? '';
  const trailing = text.length > leading.length ? (/\s*$/.exec(text)?.[0] ?? '') : '';
  const core = text.slice(leading.length, text.length - trailing.length);

  let out = '';
  let visible = 0;
  let last = 0;
  for (const match of core.matchAll(PROTECTED)) {
    const plain = core.slice(last, match.index);
    out += accent(plain);
    visible += [...plain].length;
    // An entity is one visible character; tags and placeholders are not prose.
    if (match[0].startsWith('&')) visible += 1;
    out += match[0];
    last = match.index + match[0].length;
  }
  const tail = core.slice(last);
  out += accent(tail);
  visible += [...tail].length;

  if (visible === 0 || core.replace(PROTECTED, '').trim() === '') return text;
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
