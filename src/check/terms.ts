/**
 * The glossary view of one segment, computed once and shared by the glossary rules (so a term left in
 * English is reported once, as untranslated, and not again as a missing glossary term).
 */
import type { Lang } from '../languages.js';
import type { TermMatch } from '../glossary/types.js';
import type { GlossaryIndex } from './glossary-index.js';
import type { CheckedSegment, SegmentTerms } from './rule-context.js';

export function overlaps(a: TermMatch, b: TermMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

/** the term as written in the text, without a Korean particle after it */
export function termText(match: TermMatch): string {
  const suffix = match.suffix ?? '';
  return suffix === '' ? match.surface : match.surface.slice(0, match.surface.length - suffix.length);
}

export function analyseTerms(
  segment: CheckedSegment,
  glossary: GlossaryIndex,
  langs: { source: Lang | null; target: Lang; untranslatedFrom: readonly Lang[] },
): SegmentTerms {
  const inSource = segment.source !== null && langs.source !== null && glossary.size > 0 ? glossary.sourceMatcher(langs.source).match(segment.source) : [];
  if (segment.target === null || glossary.size === 0) return { inSource, inTarget: [], leftUntranslated: [] };
  const markup = { markup: segment.plainTarget ? ('plain' as const) : ('xml' as const) };
  const accepted = glossary.targetFormMatcher(langs.target).match(segment.target, markup);
  const forbidden = glossary.forbiddenMatcher(langs.target).match(segment.target, markup);
  const leftUntranslated: TermMatch[] = [];
  for (const lang of langs.untranslatedFrom) {
    if (lang === langs.target) continue;
    for (const match of glossary.untranslatedMatcher(lang, langs.target).match(segment.target, markup)) {
      // part of a longer accepted target form of any entry: Italian text, not a leftover
      if (accepted.some((found) => overlaps(found, match))) continue;
      if (leftUntranslated.some((found) => overlaps(found, match))) continue;
      leftUntranslated.push(match);
    }
  }
  leftUntranslated.sort((a, b) => a.start - b.start);
  return { inSource, inTarget: [...accepted, ...forbidden], leftUntranslated };
}
