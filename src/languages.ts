/**
 * Language codes storyloc accepts: the source and target languages DeepL supports (ISO 639-1, lower
 * case). Sentence rules exist for en, ko and it; other languages use Intl.Segmenter alone.
 */
export const supportedLanguages = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'he',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'nb',
  'nl',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh',
] as const;

export type Lang = (typeof supportedLanguages)[number];

export function isSupportedLanguage(code: string): code is Lang {
  return (supportedLanguages as readonly string[]).includes(code);
}

/** A translation direction, e.g. en→it. */
export interface LanguagePair {
  source: Lang;
  target: Lang;
}

export function pairKey(pair: LanguagePair): string {
  return `${pair.source}-${pair.target}`;
}
