/**
 * Reading an entry per language: the canonical form, variants and forbidden forms that apply in a
 * language, with the do-not-translate fallback (an entry marked doNotTranslate that gives no form for a
 * language uses its English form there, else its first form: `tvN` is `tvN` in Korean and Italian too).
 */
import type { Lang } from '../languages.js';
import type { GlossaryEntry, Termbase } from './types.js';

/** the language whose form stands in for a missing one in a do-not-translate entry */
function fallbackLang(entry: GlossaryEntry): Lang | undefined {
  if (entry.forms.en !== undefined) return 'en';
  return Object.keys(entry.forms)[0] as Lang | undefined;
}

/** the language an entry's forms for `lang` really come from, or undefined when it has none */
export function effectiveLang(entry: GlossaryEntry, lang: Lang): Lang | undefined {
  if (entry.forms[lang] !== undefined) return lang;
  return entry.doNotTranslate ? fallbackLang(entry) : undefined;
}

/** canonical form in `lang` (with the do-not-translate fallback) */
export function formOf(entry: GlossaryEntry, lang: Lang): string | undefined {
  const from = effectiveLang(entry, lang);
  return from === undefined ? undefined : entry.forms[from];
}

export function variantsOf(entry: GlossaryEntry, lang: Lang): readonly string[] {
  const from = effectiveLang(entry, lang);
  return from === undefined ? [] : (entry.variants[from] ?? []);
}

export function forbiddenOf(entry: GlossaryEntry, lang: Lang): readonly string[] {
  return entry.forbidden[lang] ?? [];
}

/** canonical form and variants: every form accepted in a text of `lang` */
export function acceptedFormsOf(entry: GlossaryEntry, lang: Lang): string[] {
  const form = formOf(entry, lang);
  return form === undefined ? [] : [form, ...variantsOf(entry, lang)];
}

export function isCaseSensitive(entry: GlossaryEntry, lang: Lang): boolean {
  return entry.caseSensitiveIn?.[lang] ?? entry.caseSensitive;
}

export function entriesOf(source: Termbase | readonly GlossaryEntry[]): readonly GlossaryEntry[] {
  return Array.isArray(source) ? source : (source as Termbase).entries;
}
