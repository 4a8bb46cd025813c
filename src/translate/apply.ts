/**
 * The apply stage: a finished batch's translations go back to every record waiting for them, with the
 * glossary placeholders restored and what went wrong (a lost placeholder, a dropped tag) flagged.
 */
import type { EngineName } from '../config/types.js';
import { placeholderFlags, restoreTerms } from '../glossary/index.js';
import { PIPELINE_AUTHOR } from '../memory/records.js';
import type { SegmentRecord } from '../memory/types.js';
import type { BatchResult } from '../queue/types.js';
import { sameTags } from '../segments/xml.js';
import type { Waiter } from './types.js';

/** The next state of a record the engine translated. */
export function machineRecord(record: SegmentRecord, target: string, engine: EngineName, flags: string[], now: string): SegmentRecord {
  const next: SegmentRecord = {
    ...record,
    target,
    // A stale segment stays stale until reviewed: the reviewer compares with `previousTarget`.
    state: record.state === 'stale' ? 'stale' : 'machine',
    engine,
    changedBy: PIPELINE_AUTHOR,
    changedAt: now,
  };
  if (record.state === 'rejected' && record.target !== null) next.previousTarget = record.target;
  if (flags.length > 0) next.flags = flags;
  else delete next.flags;
  delete next.forced;
  return next;
}

/** Puts a batch's translations into the waiting records; the articles changed are marked dirty. */
export function applyBatch(result: BatchResult, waiters: ReadonlyMap<string, Waiter[]>, engine: EngineName, now: string): void {
  applyTranslations(result.batch.keys, result.translations, waiters, engine, now);
}

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

/** `applyBatch` for translations known by key (answered now, or replayed from the journal). */
export function applyTranslations(keys: readonly string[], translations: readonly string[], waiters: ReadonlyMap<string, Waiter[]>, engine: EngineName, now: string): void {
  keys.forEach((key, i) => {
    const translated = translations[i]!;
    for (const waiter of waiters.get(key) ?? []) {
      const restored = waiter.placeholders.length > 0 ? restoreTerms(translated, waiter.placeholders) : { text: translated, problems: [] };
      const index = recordIndex(waiter.work, waiter.recordId);
      const record = waiter.work.records[index];
      if (!record) continue;
      const flags = placeholderFlags(restored.problems);
      if (!sameTags(record.source, restored.text)) flags.push('tags.mismatch');
      waiter.work.records[index] = machineRecord(record, restored.text, engine, flags, now);
      waiter.work.dirty = true;
    }
  });
}
