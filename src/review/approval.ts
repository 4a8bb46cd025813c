/**
 * Review decisions as pure functions: old state + decision → new state + one outcome per segment.
 * The CLI commands and the review page both go through here, so the rules live in one place:
 *  - approving needs a target, and passes the glossary check (the same rules as `storyloc check`, an
 *    error refuses, a warning does not) and carries no MT flags, unless forced;
 *    a forced approval is recorded (`forced: true`);
 *  - approving records the approved target and source, so later reviews show what changed since;
 *  - rejecting keeps the target (the next translate run translates the segment again and keeps the
 *    rejected text as `previousTarget` for the reviewer);
 *  - editing stores the reviewer's text as `edited` by `human`;
 *  - every change records who and when.
 * Refusals are outcomes (values), not exceptions; an unknown segment id is an input error because
 * nothing should change when the request names something that does not exist.
 */
import { createHash } from 'node:crypto';
import { inputError } from '../errors.js';
import { approved, editedByHand, rejected } from '../memory/segment-life.js';
import type { ArticleState, SegmentRecord, SegmentStatus } from '../memory/types.js';
import { blocksApproval, type SegmentTermChecker, type TermFinding } from './term-findings.js';

/** States a reviewer still has to look at. */
export const reviewableStatuses: readonly SegmentStatus[] = ['machine', 'edited', 'stale'];

export interface ReviewActor {
  name: string;
  /** ISO 8601 */
  at: string;
}

export type SegmentOutcome =
  | { id: string; outcome: 'approved'; forced: boolean }
  | { id: string; outcome: 'rejected' }
  | { id: string; outcome: 'edited' }
  | { id: string; outcome: 'unchanged' }
  | { id: string; outcome: 'refusedUntranslated' }
  | {
      id: string;
      outcome: 'refusedGlossary';
      findings: TermFinding[];
      flags: string[];
      errors?: Array<{ rule: string; message: string }>;
    };

export interface DecisionResult {
  state: ArticleState;
  outcomes: SegmentOutcome[];
  /** true when at least one target text changed (the output must be reassembled) */
  targetsChanged: boolean;
  /** true when anything in the state changed (the state file must be written) */
  stateChanged: boolean;
}

/** A short hash of what a reviewer saw of a segment; a save based on another revision is a conflict. */
export function segmentRevision(record: SegmentRecord): string {
  return createHash('sha256')
    .update(JSON.stringify([record.state, record.target, record.source, record.changedBy, record.changedAt]))
    .digest('hex')
    .slice(0, 12);
}

/** The revision of the whole article as shown (for "approve all": approve only what was seen). */
export function articleRevision(state: ArticleState): string {
  const hash = createHash('sha256');
  for (const record of state.segments) hash.update(`${record.id}:${segmentRevision(record)}\n`);
  return hash.digest('hex').slice(0, 12);
}

/**
 * The records named by `ids`, or all records when `ids` is 'all'. Unknown ids throw
 * `review.unknownSegment` (exit 2) listing them, before anything changes.
 */
export function selectRecords(state: ArticleState, ids: readonly string[] | 'all'): SegmentRecord[] {
  if (ids === 'all') return state.segments;
  const byId = new Map(state.segments.map((record) => [record.id, record]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw inputError('review.unknownSegment', 'review:error.unknownSegment', {
      ids: unknown.join(', '),
      article: state.article,
    });
  }
  return [...new Set(ids)].map((id) => byId.get(id)!);
}

function replaceRecords(state: ArticleState, changed: Map<string, SegmentRecord>): ArticleState {
  return { ...state, segments: state.segments.map((record) => changed.get(record.id) ?? record) };
}

export interface ApproveOptions {
  actor: ReviewActor;
  /** approve even when the glossary check fails or MT flags are set (recorded as `forced: true`) */
  force: boolean;
  checkTerms: SegmentTermChecker;
  /** the other `storyloc check` errors on a segment (numbers, dates…), see check/verdict.ts */
  checkErrors?: (segmentId: string) => ReadonlyArray<{ rule: string; message: string }>;
}

/**
 * A decision over the selected records (with 'all', every segment waiting for review: machine, edited,
 * stale): a record without a target is refused, one already in `done` stays untouched, and `decide`
 * gives the others (with their target) an outcome and, unless it refuses, a changed record.
 */
function decideEach(
  state: ArticleState,
  ids: readonly string[] | 'all',
  done: SegmentStatus,
  decide: (record: SegmentRecord, target: string) => { outcome: SegmentOutcome; changed?: SegmentRecord },
): DecisionResult {
  const selected =
    ids === 'all' ? state.segments.filter((r) => reviewableStatuses.includes(r.state)) : selectRecords(state, ids);
  const changed = new Map<string, SegmentRecord>();
  const outcomes: SegmentOutcome[] = [];
  for (const record of selected) {
    if (record.target === null) {
      outcomes.push({ id: record.id, outcome: 'refusedUntranslated' });
      continue;
    }
    if (record.state === done) {
      outcomes.push({ id: record.id, outcome: 'unchanged' });
      continue;
    }
    const decision = decide(record, record.target);
    if (decision.changed) changed.set(record.id, decision.changed);
    outcomes.push(decision.outcome);
  }
  return { state: replaceRecords(state, changed), outcomes, targetsChanged: false, stateChanged: changed.size > 0 };
}

/** Approves the named segments (or, with 'all', every segment waiting for review). */
export function approveSegments(
  state: ArticleState,
  ids: readonly string[] | 'all',
  options: ApproveOptions,
): DecisionResult {
  return decideEach(state, ids, 'approved', (record, target) => {
    const failing = options.checkTerms(record).filter(blocksApproval);
    const flags = record.flags ?? [];
    const errors = (options.checkErrors?.(record.id) ?? []).map((error) => ({
      rule: error.rule,
      message: error.message,
    }));
    const problems = failing.length > 0 || flags.length > 0 || errors.length > 0;
    if (problems && !options.force) {
      const refused: SegmentOutcome = {
        id: record.id,
        outcome: 'refusedGlossary',
        findings: failing,
        flags: [...flags],
      };
      if (errors.length > 0) refused.errors = errors;
      return { outcome: refused };
    }
    const next = approved({ ...record, target }, { by: options.actor.name, at: options.actor.at }, problems)!;
    return { outcome: { id: record.id, outcome: 'approved', forced: problems }, changed: next };
  });
}

/**
 * Rejects the named segments (or, with 'all', every segment waiting for review). The target stays for
 * reading; the state tells the next run to translate again.
 */
export function rejectSegments(
  state: ArticleState,
  ids: readonly string[] | 'all',
  actor: ReviewActor,
): DecisionResult {
  return decideEach(state, ids, 'rejected', (record) => {
    const next = rejected(record, { by: actor.name, at: actor.at })!;
    return { outcome: { id: record.id, outcome: 'rejected' }, changed: next };
  });
}

/**
 * Stores a reviewer's text (already validated XML, see `parseEditedText`) as the segment's target.
 * The same text as the current target changes nothing.
 */
export function editSegment(state: ArticleState, id: string, targetXml: string, actor: ReviewActor): DecisionResult {
  const [record] = selectRecords(state, [id]);
  if (record!.target === targetXml) {
    return { state, outcomes: [{ id, outcome: 'unchanged' }], targetsChanged: false, stateChanged: false };
  }
  // Flags describe what MT did to the old target (a lost tag, a dropped placeholder); the reviewer's
  // text replaced it and passed the tag check, so editedByHand drops them.
  const edited = editedByHand(record!, targetXml, { by: actor.name, at: actor.at });
  return {
    state: replaceRecords(state, new Map([[id, edited]])),
    outcomes: [{ id, outcome: 'edited' }],
    targetsChanged: true,
    stateChanged: true,
  };
}
