/**
 * Glossary edits: a record translated with a glossary entry whose content (hash) changed, or that now
 * matches an entry it was not translated with, or no longer matches one it was, is out of date. Exactly
 * those records become `stale` (the old target kept for review) and are re-translated; no other record is
 * touched.
 */
import type { GlossaryUsage } from '../glossary/types.js';
import type { SegmentRecord } from './types.js';
import { sameGlossaryUsage } from './records.js';
import { glossaryChanged } from './segment-life.js';

export interface GlossaryStalenessResult {
  records: SegmentRecord[];
  /** ids of records that became stale because of a glossary change */
  stale: string[];
}

/**
 * `currentUsage` gives, per record id, the entries (id → current hash) the record's source matches now.
 * Records without a target just take the current usage (it is what they will be translated with).
 */
export function applyGlossaryChanges(
  records: readonly SegmentRecord[],
  currentUsage: (record: SegmentRecord) => GlossaryUsage,
  now: string,
): GlossaryStalenessResult {
  const stale: string[] = [];
  const out = records.map((record) => {
    const usage = currentUsage(record);
    if (sameGlossaryUsage(record.glossary, usage)) return record;
    if (record.target !== null) stale.push(record.id);
    return glossaryChanged(record, usage, now);
  });
  return { records: out, stale };
}
