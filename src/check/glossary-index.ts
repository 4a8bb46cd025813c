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
  /**
   * A finer test after the gate, or null: false when no form the untranslated-term scan of `source` forms
   * in a `target` text could keep (see `reportableFormsTest`) occurs in the text, so the scan would keep
   * nothing. `strictSpelling`: forms also accepted in the target count too (target-only mode).
   */
  untranslatedFormsTest(source: Lang, target: Lang, strictSpelling: boolean): ((text: string) => boolean) | null;
  /** problems of the termbase files (YAML, schema, lint) */
  problems: readonly GlossaryProblem[];
  size: number;
}

/** an entry's accepted forms in one language, folded, and the answers given for forms asked about */
interface AcceptedForms {
  folded: Set<string>;
  answers: Map<string, boolean>;
}

/** answers kept per entry and language: its forms, with room to spare (a bound, whatever is asked) */
const MAX_ANSWERS_PER_ENTRY = 256;

export function createGlossaryIndex(termbase: Termbase, problems: readonly GlossaryProblem[] = []): GlossaryIndex {
  // every lookup below is by its languages (and entry id) through nested maps: the rules ask per segment,
  // and a key string built per question cost more than the answer
  const sourceMatchers = new Map<Lang, TermMatcher>();
  const targetMatchers = new Map<Lang, TermMatcher>();
  const gates = new Map<Lang, Map<Lang, RegExp | null>>();
  const formTests = [false, true].map(() => new Map<Lang, Map<Lang, ((text: string) => boolean) | null>>());
  const isAcceptedIn = acceptedFormsAnswers();
  const matcher = (matchers: Map<Lang, TermMatcher>, lang: Lang, build: () => TermMatcher): TermMatcher => {
    let found = matchers.get(lang);
    if (!found) matchers.set(lang, (found = build()));
    return found;
  };
  return {
    entry: (id) => termbase.byId.get(id),
    formIn: (entry, lang) => formOf(entry, lang),
    sourceMatcher: (lang) =>
      matcher(sourceMatchers, lang, () =>
        createTermMatcher(termbase, lang, { forms: ['canonical', 'variant'], markup: 'plain' }),
      ),
    targetMatcher: (lang) =>
      matcher(targetMatchers, lang, () =>
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
      const ofSource = inner(gates, source);
      let gate = ofSource.get(target);
      if (gate === undefined) {
        // only forms that could ever be reported: entries to translate, forms not also accepted in the target
        const forms = termbase.entries
          .filter((entry) => !entry.doNotTranslate && formOf(entry, target) !== undefined)
          .flatMap((entry) => acceptedFormsOf(entry, source).filter((form) => !isAcceptedIn(entry, form, target)));
        gate = forms.length > 0 && forms.every((form) => HANGUL.test(form)) ? HANGUL : null;
        ofSource.set(target, gate);
      }
      return gate;
    },
    untranslatedFormsTest(source, target, strictSpelling) {
      const ofSource = inner(formTests[strictSpelling ? 1 : 0]!, source);
      let test = ofSource.get(target);
      if (test === undefined) {
        // what analyseTerms keeps of a match of the source matcher (whose patterns are every entry's
        // forms): the entry of the match's id to translate, with a target form, matched by a form that
        // (unless spelling is strict) is not one of its accepted target forms too
        const kept = (entry: GlossaryEntry | undefined, form: string): boolean =>
          entry !== undefined &&
          !entry.doNotTranslate &&
          formOf(entry, target) !== undefined &&
          (strictSpelling || !isAcceptedIn(entry, form, target));
        const forms = termbase.entries.flatMap((entry) =>
          acceptedFormsOf(entry, source)
            .map((form) => form.trim())
            .filter((form) => form !== '' && kept(termbase.byId.get(entry.id), form)),
        );
        test = reportableFormsTest(forms);
        ofSource.set(target, test);
      }
      return test;
    },
    problems,
    size: termbase.entries.length,
  };
}

/** `isAcceptedIn` of an index: each entry's accepted forms folded once per language, and answers remembered */
function acceptedFormsAnswers(): GlossaryIndex['isAcceptedIn'] {
  const accepted = new Map<Lang, Map<string, AcceptedForms>>();
  return (entry, form, lang) => {
    const ofLang = inner(accepted, lang);
    let forms = ofLang.get(entry.id);
    if (!forms) {
      forms = { folded: new Set(acceptedFormsOf(entry, lang).map((f) => foldText(f.trim()))), answers: new Map() };
      ofLang.set(entry.id, forms);
    }
    // the forms asked about are the matchers' own forms, a few per entry: each answer folded once
    let answer = forms.answers.get(form);
    if (answer === undefined) {
      answer = forms.folded.has(foldText(form.trim()));
      if (forms.answers.size < MAX_ANSWERS_PER_ENTRY) forms.answers.set(form, answer);
    }
    return answer;
  };
}

/** the map under `key` in `outer`, made when missing */
function inner<K, V>(outer: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let found = outer.get(key);
  if (found === undefined) outer.set(key, (found = new Map()));
  return found;
}

/** at most this many anchors are looked for in a text; a bigger glossary scans every text */
const MAX_ANCHORS = 32;

/**
 * A test that is false only when none of `forms` can occur in a text as the matchers find forms (the
 * text and the form folded: lower case, separators alike, see glossary/chars.ts), or null when there is
 * no such cheap test. Each form is represented by its anchor, its longest run of ASCII letters and digits
 * once folded: an occurrence of the form contains the anchor, and only an ASCII letter or digit (or the
 * Kelvin sign, K) folds to an ASCII letter or digit, which `toLowerCase` turns into the same single
 * letter, so the lower-cased text contains the anchor too. No form: a test that is always false.
 */
export function reportableFormsTest(forms: readonly string[]): ((text: string) => boolean) | null {
  const anchors = new Set<string>();
  for (const form of forms) {
    const runs = foldText(form).match(/[a-z0-9]+/g) ?? [];
    const anchor = runs.reduce((longest, run) => (run.length > longest.length ? run : longest), '');
    if (anchor.length < 2) return null;
    anchors.add(anchor);
  }
  if (anchors.size > MAX_ANCHORS) return null;
  const list = [...anchors];
  if (list.length === 0) return () => false;
  return (text) => {
    const lower = text.toLowerCase();
    return list.some((anchor) => lower.includes(anchor));
  };
}

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7FF\uFFA0-\uFFDC]/;
