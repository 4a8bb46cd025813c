/**
 * The termbase as the check uses it: entries by id and three kinds of automata, each built once per
 * language on first use and reused for every article (building automata per article would turn a
 * 10,000-term check into an automaton-building benchmark):
 *   - a source matcher per source language (canonical forms and variants; hyphen ≈ space), used on
 *     sources, and on targets to find source-language forms left untranslated;
 *   - a target matcher per target language: accepted forms with what the language derives (articulated
 *     prepositions, sentence-start capitals), separators as written, and forbidden forms, all overlaps.
 * Rules call them on plain text (see text-view.ts), so a segment is projected once, not per matcher.
 */
import type { Lang } from '../languages.js';
import { foldText } from '../glossary/chars.js';
import { acceptedFormsOf, formOf } from '../glossary/entry.js';
import { createTermMatcher, type TermMatcher } from '../glossary/matcher.js';
import type { GlossaryEntry, GlossaryProblem, Termbase } from '../glossary/types.js';

export interface GlossaryIndex {
  entry(id: string): GlossaryEntry | undefined;
  /** canonical form of an entry in a language (do-not-translate entries fall back to their English form) */
  formIn(entry: GlossaryEntry, lang: Lang): string | undefined;
  /** canonical forms and variants as found in a text written in `lang` */
  sourceMatcher(lang: Lang): TermMatcher;
  /** accepted target forms (with derived forms) and forbidden forms of `lang`, every occurrence */
  targetMatcher(lang: Lang): TermMatcher;
  /** whether a form (of any language) is also an accepted form of the entry in `lang` (case and hyphens folded) */
  isAcceptedIn(entry: GlossaryEntry, form: string, lang: Lang): boolean;
  /**
   * A test a text must pass for a form of `lang` that must be translated to occur in it, or null: when
   * every such form contains Hangul, an Italian text without Hangul needs no Korean scan at all.
   */
  untranslatedGate(source: Lang, target: Lang): RegExp | null;
  /** problems of the termbase files (YAML, schema, lint) */
  problems: readonly GlossaryProblem[];
  size: number;
}

export function createGlossaryIndex(termbase: Termbase, problems: readonly GlossaryProblem[] = []): GlossaryIndex {
  const matchers = new Map<string, TermMatcher>();
  const accepted = new Map<string, Set<string>>();
  const gates = new Map<string, RegExp | null>();
  const isAcceptedIn = (entry: GlossaryEntry, form: string, lang: Lang): boolean => {
    const key = `${lang}\u0000${entry.id}`;
    let forms = accepted.get(key);
    if (!forms) accepted.set(key, (forms = new Set(acceptedFormsOf(entry, lang).map((f) => foldText(f.trim())))));
    return forms.has(foldText(form.trim()));
  };
  const matcher = (key: string, build: () => TermMatcher): TermMatcher => {
    let found = matchers.get(key);
    if (!found) matchers.set(key, (found = build()));
    return found;
  };
  return {
    entry: (id) => termbase.byId.get(id),
    formIn: (entry, lang) => formOf(entry, lang),
    sourceMatcher: (lang) =>
      matcher(`source:${lang}`, () =>
        createTermMatcher(termbase, lang, { forms: ['canonical', 'variant'], markup: 'plain' }),
      ),
    targetMatcher: (lang) =>
      matcher(`target:${lang}`, () =>
        createTermMatcher(termbase, lang, {
          forms: ['canonical', 'variant', 'forbidden'],
          separators: 'strict',
          targetSide: true,
          overlaps: 'all',
          markup: 'plain',
        }),
      ),
    isAcceptedIn,
    untranslatedGate(source, target) {
      const key = `${source}:${target}`;
      if (!gates.has(key)) {
        // only forms that could ever be reported: entries to translate, forms not also accepted in the target
        const forms = termbase.entries
          .filter((entry) => !entry.doNotTranslate && formOf(entry, target) !== undefined)
          .flatMap((entry) => acceptedFormsOf(entry, source).filter((form) => !isAcceptedIn(entry, form, target)));
        gates.set(key, forms.length > 0 && forms.every((form) => HANGUL.test(form)) ? HANGUL : null);
      }
      return gates.get(key)!;
    },
    problems,
    size: termbase.entries.length,
  };
}

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7FF\uFFA0-\uFFDC]/;
