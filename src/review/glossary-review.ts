/**
 * Glossary findings for review and approval, built on the glossary module's matcher: each term found
 * in the source, and whether the target uses an accepted form of it (canonical, variant, or a form
 * the target language derives, like Italian "della regina delle lacrime"), and no forbidden one.
 *
 * Occurrences are counted: a source that names a term twice needs two accepted forms in the target
 * (the n-th source occurrence is respected when the target has at least n).
 * Offsets are in the plain projection of the segment XML (glossary `projectXml`: tags dropped, a
 * standalone tag counts as one character), which is what the page highlights.
 */
import type { Lang } from '../languages.js';
import { createTermMatcher, type TermMatcher } from '../glossary/matcher.js';
import { formOf, acceptedFormsOf } from '../glossary/entry.js';
import { projectXml } from '../glossary/projection.js';
import type { Termbase, TermMatch } from '../glossary/types.js';
import type { SegmentTermChecker, TermFinding } from './term-findings.js';

export function createGlossaryReviewer(termbase: Termbase, sourceLang: Lang, targetLang: Lang): SegmentTermChecker {
  // Only entries that say how to write the term in the target language can be enforced.
  const enforceable = termbase.entries.filter((entry) => formOf(entry, targetLang) !== undefined);
  if (enforceable.length === 0) return () => [];
  const sourceMatcher: TermMatcher = createTermMatcher(enforceable, sourceLang, { markup: 'plain' });
  const targetMatcher: TermMatcher = createTermMatcher(enforceable, targetLang, {
    markup: 'plain',
    targetSide: true,
    separators: 'strict',
    forms: ['canonical', 'variant', 'forbidden'],
    overlaps: 'all',
  });
  const byId = new Map(enforceable.map((entry) => [entry.id, entry]));

  return (record) => {
    const sourcePlain = projectXml(record.source).text;
    const sourceMatches = sourceMatcher.match(sourcePlain);
    if (sourceMatches.length === 0) return [];
    const targetPlain = record.target === null ? null : projectXml(record.target).text;
    const targetMatches = targetPlain === null ? [] : targetMatcher.match(targetPlain);

    const accepted = new Map<string, TermMatch[]>();
    const forbidden = new Map<string, TermMatch>();
    for (const match of targetMatches) {
      if (match.matchedAs === 'forbidden') {
        if (!forbidden.has(match.entryId)) forbidden.set(match.entryId, match);
        continue;
      }
      const list = accepted.get(match.entryId) ?? [];
      // `overlaps: all` reports a derived and a plain form at one place; count each place once.
      if (!list.some((m) => m.start === match.start)) list.push(match);
      accepted.set(match.entryId, list);
    }

    const seen = new Map<string, number>();
    const findings: TermFinding[] = [];
    for (const match of sourceMatches) {
      const entry = byId.get(match.entryId);
      if (!entry) continue;
      const occurrence = seen.get(match.entryId) ?? 0;
      seen.set(match.entryId, occurrence + 1);
      const found = accepted.get(match.entryId)?.[occurrence];
      const badForm = forbidden.get(match.entryId);
      const finding: TermFinding = {
        entryId: match.entryId,
        sourceSurface: sourcePlain.slice(match.start, match.end),
        sourceStart: match.start,
        sourceEnd: match.end,
        expected: acceptedFormsOf(entry, targetLang),
        found: found && targetPlain !== null ? targetPlain.slice(found.start, found.end) : null,
        respected: found !== undefined && badForm === undefined,
      };
      const shown = badForm ?? found;
      if (shown) {
        finding.targetStart = shown.start;
        finding.targetEnd = shown.end;
      }
      if (badForm && targetPlain !== null) finding.forbidden = targetPlain.slice(badForm.start, badForm.end);
      findings.push(finding);
    }
    return findings;
  };
}
