/**
 * A segment record's life: the one module that assigns `state`. Every event that can happen to a
 * segment is a function here, old record (and what happened) in, new record out; `TRANSITIONS` says in
 * one table which state each event leads to, and the tests walk every state × event against it.
 *
 * The promises this module keeps (issue 12):
 *  - approved Italian is never replaced without a new approval: an event that changes the target of an
 *    approved segment also takes the approval away, and the approved text stays in `approvedTarget`;
 *  - a segment whose source changed keeps its last translation for review (`previousTarget`), and the
 *    output shows it until a new translation arrives (`shownTarget`): only a segment that never had a
 *    translation shows its source text;
 *  - a source changed back to the text last approved in this segment (an undo) restores the approval:
 *    same segment, same source, same approved target, the translation-memory "context match";
 *  - an approved or edited translation left behind by a source change stays in the record's `history`
 *    (newest first, at most `HISTORY_LIMIT`), so the memory still answers that source, in any article.
 */
import type { MessageKey } from '../i18n/catalogs.js';
import type { EngineName } from '../config/types.js';
import type { GlossaryUsage } from '../glossary/types.js';
import { normalizeForHash } from '../segments/hash.js';
import type { Segment } from '../segments/types.js';
import type { HistoryEntry, SegmentRecord, SegmentStatus } from './types.js';

/** The name recorded in `changedBy` for changes storyloc makes itself (MT, stale marking, restores). */
export const PIPELINE_AUTHOR = 'storyloc';

/** Who and when, recorded on every change. */
export interface Change {
  by: string;
  /** ISO 8601 */
  at: string;
}

/** Engines whose output is for testing the pipeline only: never reused, never publishable. */
export const TEST_ENGINES: ReadonlySet<string> = new Set<string>(['pseudo']);

/** True when the record's target came from a test engine (`pseudo`). */
export function hasTestTarget(record: Pick<SegmentRecord, 'target' | 'engine'>): boolean {
  return record.target !== null && record.engine !== null && TEST_ENGINES.has(record.engine);
}

/** How many left-behind translations a record keeps: enough for a few undos, few enough for small diffs. */
export const HISTORY_LIMIT = 5;

/** The approved or edited translation a record leaves behind, or null (test-engine output is never kept). */
function leftBehind(record: SegmentRecord): HistoryEntry | null {
  if (record.target === null || (record.state !== 'approved' && record.state !== 'edited')) return null;
  if (hasTestTarget(record)) return null;
  return { source: record.source, target: record.target, state: record.state, engine: record.engine };
}

/** `history` with `entry` first; an older entry with the same source and target gives way to it; capped. */
function withHistoryEntry(history: readonly HistoryEntry[] | undefined, entry: HistoryEntry): HistoryEntry[] {
  const source = normalizeForHash(entry.source);
  const others = (history ?? []).filter((e) => normalizeForHash(e.source) !== source || e.target !== entry.target);
  return [entry, ...others].slice(0, HISTORY_LIMIT);
}

export type SegmentEvent =
  | 'translatedByMachine'
  | 'reusedFromMemory'
  | 'editedByHand'
  | 'approved'
  | 'approvedForced'
  | 'rejected'
  | 'sourceChanged'
  | 'sourceRestored'
  | 'glossaryChanged'
  | 'imported';

/**
 * The state after each event, per state before it. `refused` means the event does not apply (nothing to
 * approve or reject without a target); `same` means the state does not change. For `reusedFromMemory`
 * the state shown is for an approved or edited hit (a machine hit gives `machine`); for `imported`, for a
 * unit with a changed text and no state of its own (a unit's own state wins, see `imported`).
 */
export const TRANSITIONS: Readonly<
  Record<SegmentStatus, Readonly<Record<SegmentEvent, SegmentStatus | 'refused' | 'same'>>>
> = {
  untranslated: {
    translatedByMachine: 'machine',
    reusedFromMemory: 'edited',
    editedByHand: 'edited',
    approved: 'refused',
    approvedForced: 'refused',
    rejected: 'refused',
    sourceChanged: 'untranslated',
    sourceRestored: 'same',
    glossaryChanged: 'same',
    imported: 'edited',
  },
  machine: {
    translatedByMachine: 'machine',
    reusedFromMemory: 'edited',
    editedByHand: 'edited',
    approved: 'approved',
    approvedForced: 'approved',
    rejected: 'rejected',
    sourceChanged: 'stale',
    sourceRestored: 'same',
    glossaryChanged: 'stale',
    imported: 'edited',
  },
  edited: {
    translatedByMachine: 'machine',
    reusedFromMemory: 'edited',
    editedByHand: 'edited',
    approved: 'approved',
    approvedForced: 'approved',
    rejected: 'rejected',
    sourceChanged: 'stale',
    sourceRestored: 'same',
    glossaryChanged: 'stale',
    imported: 'edited',
  },
  approved: {
    translatedByMachine: 'machine',
    reusedFromMemory: 'edited',
    editedByHand: 'edited',
    approved: 'same',
    approvedForced: 'same',
    rejected: 'rejected',
    sourceChanged: 'stale',
    sourceRestored: 'same',
    glossaryChanged: 'stale',
    imported: 'edited',
  },
  rejected: {
    translatedByMachine: 'machine',
    reusedFromMemory: 'edited',
    editedByHand: 'edited',
    approved: 'approved',
    approvedForced: 'approved',
    rejected: 'same',
    sourceChanged: 'stale',
    sourceRestored: 'same',
    glossaryChanged: 'stale',
    imported: 'edited',
  },
  stale: {
    translatedByMachine: 'stale',
    reusedFromMemory: 'stale',
    editedByHand: 'edited',
    approved: 'approved',
    approvedForced: 'approved',
    rejected: 'rejected',
    sourceChanged: 'stale',
    sourceRestored: 'approved',
    glossaryChanged: 'stale',
    imported: 'edited',
  },
};

/**
 * What a record says that no event can produce (a state file edited by hand or merged badly), as the
 * i18n key of the contradiction, or null when the record is consistent.
 */
export function recordContradiction(record: Pick<SegmentRecord, 'state' | 'target'>): MessageKey | null {
  const needsTarget: readonly SegmentStatus[] = ['machine', 'edited', 'approved', 'rejected'];
  if (record.target === null && needsTarget.includes(record.state)) return 'memory:state.contradictionNoTarget';
  if (record.target !== null && record.state === 'untranslated') return 'memory:state.contradictionUntranslatedTarget';
  return null;
}

/** A record for a segment never translated. */
export function untranslatedRecord(segment: Segment): SegmentRecord {
  return {
    id: segment.id,
    kind: segment.kind,
    line: segment.line,
    source: segment.text,
    sourceHash: segment.sourceHash,
    target: null,
    state: 'untranslated',
    engine: null,
    glossary: {},
    changedBy: null,
    changedAt: null,
  };
}

/** The translation last approved in the record: its target while approved, else `approvedTarget` (or null). */
export function approvedTargetOf(record: SegmentRecord): string | null {
  if (record.state === 'approved' && record.target !== null) return record.target;
  return record.approvedTarget ?? null;
}

/**
 * True when the record awaits review: it has a target that is not the one last approved (a segment
 * never approved counts its source as the approved text, as the review diff shows it).
 */
export function awaitsReview(record: SegmentRecord): boolean {
  return record.target !== null && record.target !== (approvedTargetOf(record) ?? record.source);
}

/** What the output shows for the record: its target, else the translation it had before its source changed. */
export function shownTarget(record: SegmentRecord): string | null {
  if (record.target !== null) return record.target;
  return record.state === 'stale' && record.previousTarget !== undefined ? record.previousTarget : null;
}

/** The engine translated the segment. A stale segment stays stale until reviewed (`previousTarget`). */
export function translatedByMachine(
  record: SegmentRecord,
  target: string,
  engine: EngineName,
  flags: readonly string[],
  at: string,
): SegmentRecord {
  const next: SegmentRecord = {
    ...record,
    target,
    state: record.state === 'stale' ? 'stale' : 'machine',
    engine,
    changedBy: PIPELINE_AUTHOR,
    changedAt: at,
  };
  if (record.state === 'rejected' && record.target !== null) next.previousTarget = record.target;
  if (flags.length > 0) next.flags = [...flags];
  else delete next.flags;
  delete next.forced;
  return next;
}

/** The memory knew the source: a machine hit stays machine, an approved or edited one is an edit to review. */
export function reusedFromMemory(
  record: SegmentRecord,
  target: string,
  hitState: SegmentStatus,
  at: string,
): SegmentRecord {
  const next: SegmentRecord = {
    ...record,
    target,
    state: record.state === 'stale' ? 'stale' : hitState === 'machine' || hitState === 'stale' ? 'machine' : 'edited',
    engine: 'memory',
    changedBy: PIPELINE_AUTHOR,
    changedAt: at,
  };
  if (record.state === 'rejected' && record.target !== null) next.previousTarget = record.target;
  delete next.flags;
  return next;
}

/** True when the source is back to the text this segment last had approved (and its approved target is known). */
export function canRestoreApproval(record: SegmentRecord): boolean {
  return restorableApproval(record) !== null;
}

/**
 * The approved target an undo brings back: the last approval when the source is back to the text it
 * approved, else an earlier approval of this very segment (its history) for the same source. Both are
 * context matches ("101%"): the same segment, the same source, approved before.
 */
function restorableApproval(record: SegmentRecord): string | null {
  if (record.state !== 'stale') return null;
  const source = normalizeForHash(record.source);
  if (
    record.approvedTarget !== undefined &&
    record.approvedSource !== undefined &&
    normalizeForHash(record.approvedSource) === source
  ) {
    return record.approvedTarget;
  }
  const earlier = record.history?.find(
    (entry) => entry.state === 'approved' && normalizeForHash(entry.source) === source,
  );
  return earlier?.target ?? null;
}

/** The source was changed back to the approved one (an undo): the approved target is approved again. */
export function sourceRestored(record: SegmentRecord, at: string): SegmentRecord {
  const approvedTarget = restorableApproval(record);
  if (approvedTarget === null) return record;
  const next: SegmentRecord = {
    ...record,
    target: approvedTarget,
    approvedTarget,
    approvedSource: record.source,
    state: 'approved',
    engine: 'memory',
    changedBy: PIPELINE_AUTHOR,
    changedAt: at,
  };
  delete next.previousTarget;
  delete next.flags;
  delete next.forced;
  return next;
}

/** A translator changed the target (in the output file, on the review page, in the terminal). */
export function editedByHand(record: SegmentRecord, target: string, change: Change): SegmentRecord {
  const next: SegmentRecord = {
    ...record,
    target,
    state: 'edited',
    engine: 'human',
    changedBy: change.by,
    changedAt: change.at,
  };
  // Flags describe what MT did to the old target; the translator's text replaced it.
  delete next.flags;
  delete next.forced;
  return next;
}

/** Approval of the current target; `forced` records an approval past failing checks. Null without a target. */
export function approved(record: SegmentRecord, change: Change, forced: boolean): SegmentRecord | null {
  if (record.target === null) return null;
  const next: SegmentRecord = {
    ...record,
    state: 'approved',
    approvedTarget: record.target,
    approvedSource: record.source,
    changedBy: change.by,
    changedAt: change.at,
  };
  // The stale target was kept only for this review; the approval supersedes it.
  delete next.previousTarget;
  if (forced) next.forced = true;
  else delete next.forced;
  return next;
}

/** Rejection: the target stays for reading and the next run translates again. Null without a target. */
export function rejected(record: SegmentRecord, change: Change): SegmentRecord | null {
  if (record.target === null) return null;
  const next: SegmentRecord = { ...record, state: 'rejected', changedBy: change.by, changedAt: change.at };
  delete next.forced;
  return next;
}

/** The source sentence changed: a new translation is needed; the old one stays visible for review. */
export function sourceChanged(old: SegmentRecord, segment: Segment, at: string): SegmentRecord {
  const fresh = untranslatedRecord(segment);
  // The translation of the old source stays known (to the memory), whatever happens to this record next.
  const left = leftBehind(old);
  const history = left !== null ? withHistoryEntry(old.history, left) : old.history;
  if (history !== undefined && history.length > 0) fresh.history = history.map((entry) => ({ ...entry }));
  const previousTarget = old.target ?? old.previousTarget;
  if (previousTarget === undefined) return fresh;
  const record: SegmentRecord = { ...fresh, state: 'stale', previousTarget, changedBy: PIPELINE_AUTHOR, changedAt: at };
  const approvedTarget = old.state === 'approved' && old.target !== null ? old.target : old.approvedTarget;
  if (approvedTarget !== undefined) record.approvedTarget = approvedTarget;
  // the source as it was when last approved, so review can show how the source changed since
  const approvedSource = old.state === 'approved' ? old.source : old.approvedSource;
  if (approvedSource !== undefined) record.approvedSource = approvedSource;
  return record;
}

/**
 * The glossary entries the source matches changed. A record without a target just takes the new usage
 * (it is what it will be translated with); one with a target becomes stale and is translated again.
 */
export function glossaryChanged(record: SegmentRecord, usage: GlossaryUsage, at: string): SegmentRecord {
  if (record.target === null) return { ...record, glossary: usage };
  const next: SegmentRecord = {
    ...record,
    target: null,
    state: 'stale',
    engine: null,
    glossary: usage,
    previousTarget: record.target,
    changedBy: PIPELINE_AUTHOR,
    changedAt: at,
  };
  if (record.state === 'approved') next.approvedTarget = record.target;
  // The approved text was made without this glossary change: it stays shown for review, but it is no
  // longer an approval that an unchanged source may restore (`canRestoreApproval` needs `approvedSource`).
  delete next.approvedSource;
  // the same holds for earlier approvals of this segment: still offered by the memory, for review only
  if (record.history !== undefined) {
    next.history = record.history.map((entry) => (entry.state === 'approved' ? { ...entry, state: 'edited' } : entry));
  }
  delete next.flags;
  delete next.forced;
  return next;
}

/**
 * A translator's file (XLIFF) gave the segment a target and a state. A changed text is a human edit;
 * an approval records the approved text and source like `approved` does.
 */
export function imported(record: SegmentRecord, target: string, status: SegmentStatus, change: Change): SegmentRecord {
  const textChanged = target !== record.target;
  const next: SegmentRecord = { ...record, target, state: status, changedBy: change.by, changedAt: change.at };
  if (textChanged) next.engine = 'human';
  if (status === 'approved') {
    next.approvedTarget = target;
    next.approvedSource = record.source;
    delete next.previousTarget;
  }
  if (textChanged) delete next.flags;
  delete next.forced;
  return next;
}
