/**
 * The state index: `.storyloc/cache/state-index.json`, a stamp index (stamp-index.ts: what it trusts and
 * when) that lets `status` and a rerun of `translate` skip reading state files that did not change. Each
 * entry holds what those commands need of one state file: its header (article, languages, source and
 * output hashes) and per-record counts, and, once `translate` has found it so, the status of the output
 * file beside it that is the very one the state wrote. Only states that parsed and validated are
 * recorded, so an entry stands for a valid state file.
 */
import type { BigIntStats } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { StampIndex, statKey } from './stamp-index.js';
import { needsTranslation } from './records.js';
import { awaitsReview, hasTestTarget } from './segment-life.js';
import { segmentStatuses } from './state-store.js';
import type { ArticleState, SegmentStatus } from './types.js';

/** What status and a rerun need of a state file without its records. */
export interface StateSummary
  extends Pick<
    ArticleState,
    'article' | 'sourceLang' | 'targetLang' | 'sourceFileHash' | 'outputHash' | 'previousOutputHash'
  > {
  /** records per state */
  counts: Record<SegmentStatus, number>;
  total: number;
  /** records with a target */
  withTarget: number;
  /** records the engine or the memory would serve whatever the engine (no target yet, or rejected) */
  needsWork: number;
  /** records whose target comes from a test engine (a real engine translates them again) */
  testTargets: number;
  /** some record awaits review (the article then needs a review diff) */
  awaitsReview: boolean;
}

export function stateIndexPath(config: ResolvedConfig): string {
  return path.join(config.workspaceDir, '.storyloc', 'cache', 'state-index.json');
}

/** The summary of a state, from its records. */
export function summarizeState(state: ArticleState): StateSummary {
  const counts = {} as Record<SegmentStatus, number>;
  for (const status of segmentStatuses) counts[status] = 0;
  let withTarget = 0;
  let needsWork = 0;
  let testTargets = 0;
  let review = false;
  for (const record of state.segments) {
    counts[record.state]++;
    if (record.target !== null) withTarget++;
    if (needsTranslation(record) || record.state === 'rejected') needsWork++;
    if (hasTestTarget(record)) testTargets++;
    if (!review && awaitsReview(record)) review = true;
  }
  const summary: StateSummary = {
    article: state.article,
    sourceLang: state.sourceLang,
    targetLang: state.targetLang,
    sourceFileHash: state.sourceFileHash,
    counts,
    total: state.segments.length,
    withTarget,
    needsWork,
    testTargets,
    awaitsReview: review,
  };
  if (state.outputHash !== undefined) summary.outputHash = state.outputHash;
  if (state.previousOutputHash !== undefined) summary.previousOutputHash = state.previousOutputHash;
  return summary;
}

/** What the index knows of one state file. */
interface StateFacts {
  summary: StateSummary;
  /** `statKey` of the output file beside the state, when it was found to be the one the state wrote */
  output?: string;
}

/** One command's use of the state index (see the module doc). */
export class StateIndex {
  private constructor(
    private readonly config: ResolvedConfig,
    private readonly index: StampIndex<StateFacts>,
  ) {}

  /** The index of the workspace; an empty one when it is missing, corrupt, stale or from another version. */
  static open(config: ResolvedConfig): StateIndex {
    return new StateIndex(config, StampIndex.open(stateIndexPath(config), isStateFacts));
  }

  /** The summary recorded for the state file with this status, when it can be trusted. */
  lookup(file: string, stat: BigIntStats): StateSummary | null {
    return this.index.lookup(this.nameOf(file), stat)?.summary ?? null;
  }

  /**
   * True when the output beside the state file (looked up just before) has the status it had when it was
   * found to be the very output the state wrote: it is unchanged, no need to read it.
   */
  outputUnchanged(file: string, outputStat: BigIntStats): boolean {
    const output = this.index.recorded(this.nameOf(file))?.output;
    return output !== undefined && output === statKey(outputStat);
  }

  /** Records that the output with this status is the one the state (recorded just before) wrote. */
  recordOutput(file: string, outputStat: BigIntStats): void {
    const facts = this.index.recorded(this.nameOf(file));
    if (!facts || this.index.isRacy(outputStat)) return;
    const key = statKey(outputStat);
    if (facts.output === key) return;
    facts.output = key;
    this.index.touch();
  }

  /** Records a state as read from a file with this status (not when the file changed too recently). */
  record(file: string, stat: BigIntStats, summary: StateSummary): void {
    this.index.record(this.nameOf(file), stat, { summary });
  }

  /** See `StampIndex.save`: `prune` when every state file of the workspace was seen. */
  save(options: { prune: boolean }): void {
    this.index.save(options);
  }

  /** The workspace-relative name of a state file (the index moves with the workspace). */
  private nameOf(file: string): string {
    const prefix = this.config.workspaceDir + path.sep;
    const relative = file.startsWith(prefix)
      ? file.slice(prefix.length)
      : path.relative(this.config.workspaceDir, file);
    return path.sep === '/' ? relative : relative.split(path.sep).join('/');
  }
}

function isStateFacts(value: unknown): value is StateFacts {
  const facts = value as Partial<StateFacts> | null;
  if (typeof facts !== 'object' || facts === null) return false;
  if (facts.output !== undefined && typeof facts.output !== 'string') return false;
  return isSummary(facts.summary);
}

/** The shape of a summary (the checksum guards against damage; this against a hand-made index). */
function isSummary(value: unknown): value is StateSummary {
  const summary = value as Partial<StateSummary> | null;
  if (typeof summary !== 'object' || summary === null) return false;
  const numbers = [summary.total, summary.withTarget, summary.needsWork, summary.testTargets];
  if (!numbers.every((n) => Number.isInteger(n) && (n as number) >= 0)) return false;
  const counts = summary.counts as Record<string, unknown> | undefined;
  if (typeof counts !== 'object' || counts === null) return false;
  if (!segmentStatuses.every((status) => Number.isInteger(counts[status]))) return false;
  const strings = [summary.article, summary.sourceLang, summary.targetLang, summary.sourceFileHash];
  if (!strings.every((s) => typeof s === 'string')) return false;
  for (const optional of [summary.outputHash, summary.previousOutputHash])
    if (optional !== undefined && typeof optional !== 'string') return false;
  return typeof summary.awaitsReview === 'boolean';
}
