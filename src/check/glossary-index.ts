/**
 * The termbase as the check uses it: entries by id and the glossary's matchers, built once per language
 * (pair) on first use and reused for every article: building automata per article would turn a
 * 10,000-term check into a matcher-building benchmark.
 */
import type { Lang } from '../languages.js';
import type { TermMatcher } from '../glossary/matcher.js';
import { createTermMatcher } from '../glossary/matcher.js';
import { formOf } from '../glossary/entry.js';
import { createForbiddenFormMatcher, createTargetFormMatcher, createUntranslatedTermMatcher } from '../glossary/target-forms.js';
import type { GlossaryEntry, GlossaryProblem, Termbase } from '../glossary/types.js';

export interface GlossaryIndex {
  entry(id: string): GlossaryEntry | undefined;
  /** canonical form of an entry in a language (do-not-translate entries fall back to their English form) */
  formIn(entry: GlossaryEntry, lang: Lang): string | undefined;
  /** canonical forms and variants, as found in a source text of `lang` (hyphen ≈ space) */
  sourceMatcher(lang: Lang): TermMatcher;
  /** accepted target forms with what the language derives (articulated prepositions, capitals), all overlaps */
  targetFormMatcher(lang: Lang): TermMatcher;
  /** forbidden forms of a target language */
  forbiddenMatcher(lang: Lang): TermMatcher;
  /** forms of `source` that are wrong in a `target` text (not also accepted there; not do-not-translate) */
  untranslatedMatcher(source: Lang, target: Lang): TermMatcher;
  /** problems of the termbase files (YAML, schema, lint) */
  problems: readonly GlossaryProblem[];
  size: number;
}

function cached<K, V>(cache: Map<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

export function createGlossaryIndex(termbase: Termbase, problems: readonly GlossaryProblem[] = []): GlossaryIndex {
  const matchers = new Map<string, TermMatcher>();
  return {
    entry: (id) => termbase.byId.get(id),
    formIn: (entry, lang) => formOf(entry, lang),
    sourceMatcher: (lang) => cached(matchers, `source:${lang}`, () => createTermMatcher(termbase, lang, { forms: ['canonical', 'variant'] })),
    targetFormMatcher: (lang) => cached(matchers, `target:${lang}`, () => createTargetFormMatcher(termbase, lang, { overlaps: 'all' })),
    forbiddenMatcher: (lang) => cached(matchers, `forbidden:${lang}`, () => createForbiddenFormMatcher(termbase, lang)),
    untranslatedMatcher: (source, target) => cached(matchers, `untranslated:${source}:${target}`, () => createUntranslatedTermMatcher(termbase, source, target)),
    problems,
    size: termbase.entries.length,
  };
}

/** An empty termbase (no glossary folder): the glossary rules find nothing to check. */
export function emptyTermbase(): Termbase {
  return { entries: [], byId: new Map(), files: [] };
}
