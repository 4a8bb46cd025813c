/**
 * The termbase as the check uses it: entries by id and one matcher per language and side, built on first
 * use and reused for every article (building an automaton per article would make a 10,000-term check
 * quadratic in practice).
 */
import type { Lang } from '../languages.js';
import { createTermMatcher, type TermMatcher } from '../glossary/matcher.js';
import { formOf } from '../glossary/entry.js';
import type { GlossaryEntry, GlossaryProblem, Termbase } from '../glossary/types.js';

export interface GlossaryIndex {
  entry(id: string): GlossaryEntry | undefined;
  /** canonical form of an entry in a language (do-not-translate entries fall back to their English form) */
  formIn(entry: GlossaryEntry, lang: Lang): string | undefined;
  /** canonical forms and variants, as found in a text written in `lang` (hyphen ≈ space, any case rules) */
  sourceMatcher(lang: Lang): TermMatcher;
  /**
   * Target side: accepted forms with the forms the language derives (articulated prepositions,
   * sentence-start capitals), separators as written, plus forbidden forms.
   */
  targetMatcher(lang: Lang): TermMatcher;
  /** problems of the termbase files (YAML, schema, lint) */
  problems: readonly GlossaryProblem[];
  size: number;
}

export function createGlossaryIndex(termbase: Termbase, problems: readonly GlossaryProblem[] = []): GlossaryIndex {
  const sourceMatchers = new Map<Lang, TermMatcher>();
  const targetMatchers = new Map<Lang, TermMatcher>();
  return {
    entry: (id) => termbase.byId.get(id),
    formIn: (entry, lang) => formOf(entry, lang),
    sourceMatcher(lang) {
      let matcher = sourceMatchers.get(lang);
      if (!matcher) {
        matcher = createTermMatcher(termbase, lang, { forms: ['canonical', 'variant'] });
        sourceMatchers.set(lang, matcher);
      }
      return matcher;
    },
    targetMatcher(lang) {
      let matcher = targetMatchers.get(lang);
      if (!matcher) {
        matcher = createTermMatcher(termbase, lang, { forms: ['canonical', 'variant', 'forbidden'], targetSide: true, separators: 'strict' });
        targetMatchers.set(lang, matcher);
      }
      return matcher;
    },
    problems,
    size: termbase.entries.length,
  };
}

/** An empty termbase (no glossary folder): the glossary rules find nothing to check. */
export function emptyTermbase(): Termbase {
  return { entries: [], byId: new Map(), files: [] };
}
