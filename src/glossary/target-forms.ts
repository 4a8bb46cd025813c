/**
 * Target-side questions the check and review stages ask: does this target text carry the entry's
 * canonical form or an accepted variant (with what the target language derives: Italian articulated
 * prepositions, a capital at sentence start)? Is a forbidden form there? Is a source-language form left
 * untranslated?
 *
 * For many texts, build the matchers once (createTargetFormMatcher / createForbiddenFormMatcher /
 * createUntranslatedTermMatcher) and index the matches by entry id; findTargetForms is the one-entry
 * convenience (its matcher is cached per entry and language).
 */
import type { Lang } from '../languages.js';
import { foldText } from './chars.js';
import { acceptedFormsOf, entriesOf } from './entry.js';
import { createTermMatcher, type TermMatcher, type TermMatcherOptions } from './matcher.js';
import type { GlossaryEntry, TermMatch, Termbase } from './types.js';

type Markup = NonNullable<TermMatcherOptions['markup']>;

/** Accepted target forms of every entry: canonical, variants, derived forms; hyphens and spaces as written. */
export function createTargetFormMatcher(
  termbase: Termbase | readonly GlossaryEntry[],
  targetLang: Lang,
  options: { markup?: Markup; overlaps?: 'longest' | 'all' } = {},
): TermMatcher {
  return createTermMatcher(termbase, targetLang, {
    forms: ['canonical', 'variant'],
    separators: 'strict',
    targetSide: true,
    markup: options.markup ?? 'xml',
    overlaps: options.overlaps ?? 'all',
  });
}

/** Forbidden target forms of every entry. */
export function createForbiddenFormMatcher(
  termbase: Termbase | readonly GlossaryEntry[],
  targetLang: Lang,
  options: { markup?: Markup } = {},
): TermMatcher {
  return createTermMatcher(termbase, targetLang, {
    forms: ['forbidden'],
    targetSide: true,
    markup: options.markup ?? 'xml',
  });
}

/**
 * Source-language forms left in a target text ("Queen of Tears" in Italian): the canonical forms and
 * variants of `sourceLang` of entries that must be translated, leaving out every form that is also an
 * accepted target form (Kim Soo-hyun is the same in English and Italian) and do-not-translate entries.
 */
export function createUntranslatedTermMatcher(
  termbase: Termbase | readonly GlossaryEntry[],
  sourceLang: Lang,
  targetLang: Lang,
  options: { markup?: Markup } = {},
): TermMatcher {
  const entries = entriesOf(termbase);
  const filtered: GlossaryEntry[] = [];
  for (const entry of entries) {
    if (entry.doNotTranslate) continue;
    const accepted = new Set(acceptedFormsOf(entry, targetLang).map((form) => foldText(form.trim())));
    const keep = (form: string): boolean => !accepted.has(foldText(form.trim()));
    const [canonical, ...variants] = acceptedFormsOf(entry, sourceLang);
    const keptVariants = variants.filter(keep);
    // the same entry, reduced to the forms that are wrong in the target
    if (canonical !== undefined && keep(canonical)) {
      filtered.push({
        ...entry,
        forms: { [sourceLang]: canonical },
        variants: { [sourceLang]: keptVariants },
        forbidden: {},
      });
    } else if (keptVariants.length > 0) {
      filtered.push({
        ...entry,
        forms: { [sourceLang]: keptVariants[0] },
        variants: { [sourceLang]: keptVariants.slice(1) },
        forbidden: {},
      });
    }
  }
  return createTermMatcher(filtered, sourceLang, { forms: ['canonical', 'variant'], markup: options.markup ?? 'xml' });
}

export interface TargetFormsResult {
  /** the canonical form or an accepted variant occurs */
  found: boolean;
  /** the canonical form itself occurs (with a capital letter change or an articulated preposition) */
  canonical: boolean;
  /** every occurrence of an accepted form of this entry */
  matches: TermMatch[];
}

const singleEntryMatchers = new WeakMap<GlossaryEntry, Map<string, TermMatcher>>();

/** Whether `text` (segment XML, or plain with markup 'plain') carries an accepted target form of `entry`. */
export function findTargetForms(
  entry: GlossaryEntry,
  targetLang: Lang,
  text: string,
  options: { markup?: Markup } = {},
): TargetFormsResult {
  const markup = options.markup ?? 'xml';
  let perEntry = singleEntryMatchers.get(entry);
  if (!perEntry) singleEntryMatchers.set(entry, (perEntry = new Map()));
  const key = `${targetLang}:${markup}`;
  let matcher = perEntry.get(key);
  if (!matcher) perEntry.set(key, (matcher = createTargetFormMatcher([entry], targetLang, { markup })));
  const matches = matcher.match(text);
  return { found: matches.length > 0, canonical: matches.some((m) => m.matchedAs === 'canonical'), matches };
}
