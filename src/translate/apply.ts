/**
 * The apply stage: a finished batch's translations go back to every record waiting for them, with the
 * glossary placeholders restored and what went wrong (a lost placeholder, a dropped tag) flagged.
 */
import type { EngineName } from '../config/types.js';
import { placeholderFlags, restoreTerms } from '../glossary/index.js';
import { translatedByMachine } from '../memory/segment-life.js';
import { settleTagPlacement } from '../segments/tag-placement.js';
import type { Segment } from '../segments/types.js';
import type { Waiter } from './types.js';

/** Record positions by id, per article (a batch touches few records of a long article: no linear search). */
const recordIndexes = new WeakMap<Waiter['work'], Map<string, number>>();

function recordIndex(work: Waiter['work'], recordId: string): number {
  let index = recordIndexes.get(work);
  if (!index || work.records[index.get(recordId) ?? -1]?.id !== recordId) {
    index = new Map(work.records.map((record, i) => [record.id, i]));
    recordIndexes.set(work, index);
  }
  return index.get(recordId) ?? -1;
}

/** Each segment's tags by id, per article (a search per answered record made long articles quadratic). */
const segmentTagIndexes = new WeakMap<Waiter['work'], Map<string, Segment['tags']>>();

function segmentTagsOf(work: Waiter['work'], segmentId: string): Segment['tags'] {
  let index = segmentTagIndexes.get(work);
  if (!index) {
    index = new Map(work.article.segments.map((segment) => [segment.id, segment.tags ?? {}]));
    segmentTagIndexes.set(work, index);
  }
  return index.get(segmentId) ?? {};
}

/** One segment gets its translation: placeholders restored, tags settled, the record machine-translated. */
export function applyToWaiter(waiter: Waiter, translated: string, engine: EngineName, now: string): void {
  const restored =
    waiter.placeholders.length > 0 ? restoreTerms(translated, waiter.placeholders) : { text: translated, problems: [] };
  const index = recordIndex(waiter.work, waiter.recordId);
  const record = waiter.work.records[index];
  if (!record) return;
  // moved tags: accepted, repaired or flagged for review (segments/tag-placement.ts)
  const segmentTags = segmentTagsOf(waiter.work, record.id);
  const placed = settleTagPlacement(record.source, restored.text, segmentTags);
  const flags = [...placeholderFlags(restored.problems), ...placed.flags];
  waiter.work.records[index] = translatedByMachine(record, placed.text, engine, flags, now);
  waiter.work.dirty = true;
}
