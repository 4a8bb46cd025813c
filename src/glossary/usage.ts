/**
 * Versioning: the entries a segment was translated with, and their content hashes. The pipeline stores
 * this per translated segment (SegmentRecord.glossary); when an entry changes, memory compares hashes
 * and marks exactly the segments that contain it.
 */
import type { TermMatcher } from './matcher.js';
import type { GlossaryEntry, GlossaryUsage, TermMatch, Termbase } from './types.js';

export function glossaryUsageFor(
  segmentText: string,
  matcher: TermMatcher,
  termbase: Termbase | readonly GlossaryEntry[],
): GlossaryUsage {
  return glossaryUsageOfMatches(matcher.match(segmentText), termbase);
}

/** The usage of a text whose matches are known (a caller that needs the matches too matches once). */
export function glossaryUsageOfMatches(
  matches: readonly TermMatch[],
  termbase: Termbase | readonly GlossaryEntry[],
): GlossaryUsage {
  const usage: GlossaryUsage = {};
  if (matches.length === 0) return usage;
  const byId = Array.isArray(termbase)
    ? new Map((termbase as readonly GlossaryEntry[]).map((e) => [e.id, e] as const))
    : (termbase as Termbase).byId;
  const ids = new Set(matches.map((match) => match.entryId));
  for (const id of [...ids].sort()) {
    const entry = byId.get(id);
    if (entry) usage[id] = entry.hash;
  }
  return usage;
}

/** Entry ids whose hash in `usage` differs from the termbase (changed) or that left it (removed). */
export function changedEntriesIn(usage: GlossaryUsage, termbase: Termbase): string[] {
  return Object.keys(usage)
    .filter((id) => termbase.byId.get(id)?.hash !== usage[id])
    .sort();
}
