/**
 * The glossary view of one segment, computed once and shared by the glossary rules (so a term left in
 * English is reported once, as untranslated, and not again as a missing glossary term). Offsets are in
 * the plain views of the segment (see text-view.ts).
 */
import type { Lang } from '../languages.js';
import type { GlossaryEntry, TermMatch } from '../glossary/types.js';
import type { GlossaryIndex } from './glossary-index.js';
import type { SegmentTerms } from './rule-context.js';
import type { TextView } from './text-view.js';

export function overlaps(a: TermMatch, b: TermMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

/** the term as written in the text, without a Korean particle after it */
export function termText(match: TermMatch): string {
  const suffix = match.suffix ?? '';
  return suffix === '' ? match.surface : match.surface.slice(0, match.surface.length - suffix.length);
}

/** A glossary entry found in the source whose target form the target lacks. */
export interface MissingTerm {
  /** the entry's first match in the source */
  match: TermMatch;
  entry: GlossaryEntry;
  /** the entry's form in the target language */
  expected: string;
  /** the entry's matches in the target (forbidden forms only, since no accepted form is there) */
  inTarget: TermMatch[];
}

/**
 * The entries `wanted` selects among those found in a segment's source, once each, that have a target
 * form (lint reports a missing one) and no accepted form in the target.
 */
export function missingTargetTerms(
  terms: SegmentTerms,
  glossary: GlossaryIndex,
  targetLang: Lang,
  wanted: (entry: GlossaryEntry) => boolean,
): MissingTerm[] {
  const missing: MissingTerm[] = [];
  const done = new Set<string>();
  for (const match of terms.inSource) {
    if (done.has(match.entryId)) continue;
    done.add(match.entryId);
    const entry = glossary.entry(match.entryId);
    if (!entry || !wanted(entry)) continue;
    const expected = glossary.formIn(entry, targetLang);
    if (expected === undefined) continue;
    const inTarget = terms.inTarget.filter((found) => found.entryId === entry.id);
    if (inTarget.some((found) => found.matchedAs !== 'forbidden')) continue;
    missing.push({ match, entry, expected, inTarget });
  }
  return missing;
}

export function analyseTerms(
  source: TextView | null,
  target: TextView | null,
  glossary: GlossaryIndex,
  langs: { source: Lang | null; target: Lang; untranslatedFrom: readonly Lang[]; strictSpelling?: boolean },
): SegmentTerms {
  if (glossary.size === 0) return { inSource: [], inTarget: [], leftUntranslated: [] };
  const inSource =
    source !== null && langs.source !== null ? glossary.sourceMatcher(langs.source).match(source.text) : [];
  if (target === null) return { inSource, inTarget: [], leftUntranslated: [] };
  const inTarget = glossary.targetMatcher(langs.target).match(target.text);
  const leftUntranslated: TermMatch[] = [];
  for (const lang of langs.untranslatedFrom) {
    if (lang === langs.target) continue;
    const gate = glossary.untranslatedGate(lang, langs.target);
    if (gate !== null && !gate.test(target.text)) continue;
    // no form that the loop below could keep is in the text: the scan would keep nothing
    const forms = glossary.untranslatedFormsTest(lang, langs.target, langs.strictSpelling === true);
    if (forms !== null && !forms(target.text)) continue;
    for (const match of glossary.sourceMatcher(lang).match(target.text)) {
      const entry = glossary.entry(match.entryId);
      if (!entry || entry.doNotTranslate) continue;
      if (glossary.formIn(entry, langs.target) === undefined) continue;
      // the same text is an accepted target form of the entry (Kim Soo-hyun is Kim Soo-hyun in Italian);
      // with strict spelling (target-only: no source to say which spelling was meant) only as the target
      // matcher finds it, as written: a source spelling ("Kim Ji Won" for Kim Ji-won) is not excused by
      // folding hyphens and case
      if (!langs.strictSpelling && glossary.isAcceptedIn(entry, match.form ?? termText(match), langs.target)) continue;
      // part of an accepted target form of any entry: Italian text, not a leftover; a forbidden form
      // that is the source form ("Queen of Tears") counts as left untranslated
      if (inTarget.some((found) => found.matchedAs !== 'forbidden' && overlaps(found, match))) continue;
      if (leftUntranslated.some((found) => overlaps(found, match))) continue;
      leftUntranslated.push(match);
    }
  }
  leftUntranslated.sort((a, b) => a.start - b.start);
  return { inSource, inTarget, leftUntranslated };
}
