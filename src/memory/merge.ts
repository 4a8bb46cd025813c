/**
 * Aligning a state with a new version of its article (the source was edited).
 *
 * Pure: old records + new segments in, new records and what happened to each out. Alignment order:
 *   1. jsdiff `diffArrays` over (kind, source hash): common runs are unchanged segments;
 *   2. among what the diff left over, equal ids and then equal (kind, hash) pair up: paragraphs that
 *      moved keep their translations;
 *   3. inside each hunk of the diff, what is still left pairs up in order when the kind is the same:
 *      those are edited sentences (re-translated, `stale`, the old target kept as `previousTarget`);
 *   4. the rest are new segments (untranslated) or removed ones (dropped from the state).
 */
import { diffArrays } from 'diff';
import type { Segment } from '../segments/types.js';
import type { ArticleState, SegmentRecord } from './types.js';
import { sourceChanged, untranslatedRecord } from './segment-life.js';

export interface MergeResult {
  /** the new records, in the order of the new segments */
  records: SegmentRecord[];
  /** new ids of segments whose source is unchanged (moved ones included): translation and state kept */
  kept: string[];
  /** new ids of kept segments that moved (a subset of `kept`) */
  moved: string[];
  /** new ids of segments whose source changed: `stale` (or `untranslated` if never translated) */
  changed: string[];
  /** new ids of segments with no counterpart in the old state */
  added: string[];
  /** old ids of records with no counterpart in the new article */
  removed: string[];
}

export interface MergeOptions {
  /** ISO 8601 timestamp recorded on records the merge changes */
  now: string;
}

function alignmentKey(kind: string, sourceHash: string): string {
  return `${kind}\u0000${sourceHash}`;
}

/** A kept record follows its segment: new id, line and (whitespace-only different) source text. */
function keptRecord(old: SegmentRecord, segment: Segment): SegmentRecord {
  return {
    ...old,
    id: segment.id,
    kind: segment.kind,
    line: segment.line,
    source: segment.text,
    sourceHash: segment.sourceHash,
  };
}

type PairHow = 'kept' | 'moved' | 'changed' | 'added';

/** Which old record each new segment took (-1: none), which old records are taken, and how each pair was made. */
interface Pairing {
  pairedOld: number[];
  oldTaken: boolean[];
  how: PairHow[];
}

/** A stretch of the diff where old records were removed and new segments added. */
interface Hunk {
  old: number[];
  new: number[];
}

export function mergeState(
  oldState: ArticleState | null,
  newSegments: readonly Segment[],
  options: MergeOptions,
): MergeResult {
  const oldRecords = oldState?.segments ?? [];
  const pairing: Pairing = {
    pairedOld: new Array<number>(newSegments.length).fill(-1),
    oldTaken: new Array<boolean>(oldRecords.length).fill(false),
    how: new Array<PairHow>(newSegments.length).fill('added'),
  };
  const hunks = pairUnchangedRuns(oldRecords, newSegments, pairing);
  pairMoved(oldRecords, newSegments, pairing);
  pairEdited(hunks, oldRecords, newSegments, pairing);
  return mergeResult(oldRecords, newSegments, pairing, options);
}

/** 1. Common runs of the diff: unchanged, in place. Returns the hunks between them. */
function pairUnchangedRuns(
  oldRecords: readonly SegmentRecord[],
  newSegments: readonly Segment[],
  { pairedOld, oldTaken, how }: Pairing,
): Hunk[] {
  // nothing to align (a first translation, or an article emptied): one hunk, as the diff would give
  if (oldRecords.length === 0 || newSegments.length === 0) {
    const hunk: Hunk = { old: oldRecords.map((_, i) => i), new: newSegments.map((_, i) => i) };
    return hunk.old.length + hunk.new.length === 0 ? [] : [hunk];
  }
  const changes = diffArrays(
    oldRecords.map((r) => alignmentKey(r.kind, r.sourceHash)),
    newSegments.map((s) => alignmentKey(s.kind, s.sourceHash)),
  );
  const hunks: Hunk[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let hunk: Hunk | null = null;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      for (let k = 0; k < count; k++) {
        pairedOld[newIndex] = oldIndex;
        oldTaken[oldIndex] = true;
        how[newIndex] = 'kept';
        oldIndex++;
        newIndex++;
      }
      hunk = null;
      continue;
    }
    if (!hunk) {
      hunk = { old: [], new: [] };
      hunks.push(hunk);
    }
    for (let k = 0; k < count; k++) {
      if (change.removed) hunk.old.push(oldIndex++);
      else hunk.new.push(newIndex++);
    }
  }
  return hunks;
}

/** 2. Moved: same id first, then same kind and source hash, anywhere in the article. */
function pairMoved(oldRecords: readonly SegmentRecord[], newSegments: readonly Segment[], pairing: Pairing): void {
  const { pairedOld, oldTaken, how } = pairing;
  const freeOldById = new Map<string, number>();
  const freeOldByKey = new Map<string, number[]>();
  oldRecords.forEach((record, i) => {
    if (oldTaken[i]) return;
    freeOldById.set(record.id, i);
    const key = alignmentKey(record.kind, record.sourceHash);
    const list = freeOldByKey.get(key);
    if (list) list.push(i);
    else freeOldByKey.set(key, [i]);
  });
  const take = (n: number, o: number): void => {
    pairedOld[n] = o;
    oldTaken[o] = true;
    how[n] = 'moved';
  };
  newSegments.forEach((segment, n) => {
    if (pairedOld[n] !== -1) return;
    const o = freeOldById.get(segment.id);
    if (o !== undefined && !oldTaken[o] && oldRecords[o]!.sourceHash === segment.sourceHash) take(n, o);
  });
  newSegments.forEach((segment, n) => {
    if (pairedOld[n] !== -1) return;
    const list = freeOldByKey.get(alignmentKey(segment.kind, segment.sourceHash));
    while (list && list.length > 0) {
      const o = list.shift()!;
      if (!oldTaken[o]) {
        take(n, o);
        break;
      }
    }
  });
}

/** 3. Edited: what is left of a hunk pairs up in order, kind by kind. */
function pairEdited(
  hunks: readonly Hunk[],
  oldRecords: readonly SegmentRecord[],
  newSegments: readonly Segment[],
  { pairedOld, oldTaken, how }: Pairing,
): void {
  for (const { old, new: added } of hunks) {
    const freeOld = old.filter((o) => !oldTaken[o]);
    for (const n of added) {
      if (pairedOld[n] !== -1) continue;
      const at = freeOld.findIndex((o) => !oldTaken[o] && oldRecords[o]!.kind === newSegments[n]!.kind);
      if (at < 0) continue;
      const o = freeOld[at]!;
      freeOld.splice(at, 1);
      pairedOld[n] = o;
      oldTaken[o] = true;
      how[n] = 'changed';
    }
  }
}

/** The new records, in the new segments' order, and the ids in each outcome. */
function mergeResult(
  oldRecords: readonly SegmentRecord[],
  newSegments: readonly Segment[],
  { pairedOld, oldTaken, how }: Pairing,
  options: MergeOptions,
): MergeResult {
  const result: MergeResult = { records: [], kept: [], moved: [], changed: [], added: [], removed: [] };
  newSegments.forEach((segment, n) => {
    const o = pairedOld[n]!;
    const old = o >= 0 ? oldRecords[o] : undefined;
    switch (how[n]) {
      case 'kept':
        result.records.push(keptRecord(old!, segment));
        result.kept.push(segment.id);
        break;
      case 'moved':
        result.records.push(keptRecord(old!, segment));
        result.kept.push(segment.id);
        result.moved.push(segment.id);
        break;
      case 'changed':
        result.records.push(sourceChanged(old!, segment, options.now));
        result.changed.push(segment.id);
        break;
      default:
        result.records.push(untranslatedRecord(segment));
        result.added.push(segment.id);
    }
  });
  oldRecords.forEach((record, o) => {
    if (!oldTaken[o]) result.removed.push(record.id);
  });
  return result;
}
