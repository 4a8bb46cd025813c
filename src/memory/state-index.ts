/**
 * The state index: a local cache (not for version control) at `.storyloc/cache/state-index.json` that
 * lets `status` and a rerun of `translate` skip reading state files that did not change, as git's index
 * lets `git status` skip files. Each entry holds what those commands need of one state file (its header:
 * article, languages, source and output hashes; and per-record counts) and is keyed by the status of the
 * file it was read from: size, modification and change times in nanoseconds, inode.
 *
 * The index never changes a result, it only saves reading:
 *  - an entry is used only when the state file's status is exactly the one recorded; any write (a run, a
 *    review, a hand edit, a `git checkout`, a copy) changes the inode or the change time, which no tool
 *    can set back;
 *  - racy timestamps: a file that changed less than `RACY_SECONDS` before the command started reading
 *    is not recorded (its entry is dropped): a second write within the file system's timestamp
 *    granularity could leave its status unchanged, as git's "racily clean" entries. The rule uses the
 *    wall clock against the file's times (`setStateIndexClock` replaces the clock in tests);
 *  - the file carries the storyloc version and a sha256 of its entries: a truncated, corrupt or foreign
 *    index, or one written by another version, is ignored and rebuilt; writing it is best effort (a
 *    read-only checkout just reads every state, as before).
 * Only states that parsed and validated are recorded, so an entry stands for a valid state file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, mkdirSync, rmSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Lang } from '../languages.js';
import { storylocVersion } from '../package-info.js';
import { needsTranslation } from './records.js';
import { awaitsReview, hasTestTarget } from './segment-life.js';
import { segmentStatuses } from './state-store.js';
import type { ArticleState, SegmentStatus } from './types.js';

/** What status and a rerun need of a state file without its records. */
export interface StateSummary {
  article: string;
  sourceLang: Lang;
  targetLang: Lang;
  sourceFileHash: string;
  outputHash?: string;
  previousOutputHash?: string;
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

const INDEX_FORMAT = 1;
/** A file changed this recently when it was read is not recorded (see the module doc). */
const RACY_SECONDS = 2n;
const NS_PER_SECOND = 1_000_000_000n;

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

/** The key of a file's status: any write gives another one. */
export function statKey(stat: BigIntStats): string {
  return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}:${stat.dev}`;
}

/** The second in which the file last changed (content or inode). */
function changedSecond(stat: BigIntStats): bigint {
  const latest = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
  return latest / NS_PER_SECOND;
}

interface IndexEntry {
  /** `statKey` of the state file */
  key: string;
  summary: StateSummary;
  /** `statKey` of the output file beside the state, when it was found to be the one the state wrote */
  output?: string;
}

let clock: () => number = Date.now;

/** Tests: the wall clock (ms) the racy rule reads; null restores `Date.now`. */
export function setStateIndexClock(next: (() => number) | null): void {
  clock = next ?? Date.now;
}

/** One command's use of the index: look up, record what was read, save when something changed. */
export class StateIndex {
  private readonly seen = new Set<string>();
  private changed = false;
  /** the second this command started reading, by the wall clock */
  private readonly readStartSecond = BigInt(Math.floor(clock() / 1000));

  private constructor(
    private readonly config: ResolvedConfig,
    private readonly entries: Map<string, IndexEntry>,
  ) {}

  /** The index of the workspace; an empty one when it is missing, corrupt, stale or from another version. */
  static open(config: ResolvedConfig): StateIndex {
    try {
      const entries = parseIndex(readFileSync(stateIndexPath(config), 'utf8'));
      if (entries) return new StateIndex(config, entries);
    } catch {
      // missing or unreadable: every state is read
    }
    return new StateIndex(config, new Map());
  }

  /** The summary recorded for the state file with this status, when it can be trusted. */
  lookup(file: string, stat: BigIntStats): StateSummary | null {
    const name = this.nameOf(file);
    this.seen.add(name);
    const entry = this.entries.get(name);
    return entry?.key === statKey(stat) ? entry.summary : null;
  }

  /**
   * True when the output beside the state file (looked up just before) has the status it had when it was
   * found to be the very output the state wrote: it is unchanged, no need to read it.
   */
  outputUnchanged(file: string, outputStat: BigIntStats): boolean {
    const output = this.entries.get(this.nameOf(file))?.output;
    return output !== undefined && output === statKey(outputStat);
  }

  /** Records that the output with this status is the one the state (recorded just before) wrote. */
  recordOutput(file: string, outputStat: BigIntStats): void {
    const entry = this.entries.get(this.nameOf(file));
    if (!entry || this.isRacy(outputStat)) return;
    const key = statKey(outputStat);
    if (entry.output === key) return;
    entry.output = key;
    this.changed = true;
  }

  /** Records a state as read from a file with this status (not when the file changed too recently). */
  record(file: string, stat: BigIntStats, summary: StateSummary): void {
    const name = this.nameOf(file);
    this.seen.add(name);
    const key = statKey(stat);
    if (this.isRacy(stat)) {
      if (this.entries.delete(name)) this.changed = true;
      return;
    }
    if (this.entries.get(name)?.key === key) return;
    this.entries.set(name, { key, summary });
    this.changed = true;
  }

  /**
   * Writes the index when an entry changed. `prune`: the command saw every state file of the workspace,
   * so entries of files it did not see (deleted) are dropped. Failures are ignored: it is only a cache.
   */
  save(options: { prune: boolean }): void {
    if (options.prune) {
      for (const name of this.entries.keys()) {
        if (!this.seen.has(name)) {
          this.entries.delete(name);
          this.changed = true;
        }
      }
    }
    if (!this.changed) return;
    const file = stateIndexPath(this.config);
    // named like writeFileAtomic's temporary files, so a run killed here leaves nothing a later run keeps
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.0.tmp`);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temp, serializeIndex(this.entries));
      renameSync(temp, file);
      this.changed = false;
    } catch {
      rmSync(temp, { force: true });
    }
  }

  /** Changed too shortly before this command read it: a later write could keep the same status. */
  private isRacy(stat: BigIntStats): boolean {
    return changedSecond(stat) + RACY_SECONDS > this.readStartSecond;
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

/** Two lines: a header with the format, the storyloc version and the sha256 of the second line; the entries. */
function serializeIndex(entries: ReadonlyMap<string, IndexEntry>): string {
  const body = JSON.stringify(Object.fromEntries(entries));
  const header = { format: INDEX_FORMAT, storyloc: storylocVersion(), sha256: sha256(body) };
  return `${JSON.stringify(header)}\n${body}\n`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The entries of an index file, or null when it is not one this version wrote intact. */
function parseIndex(text: string): Map<string, IndexEntry> | null {
  const newline = text.indexOf('\n');
  if (newline < 0 || !text.endsWith('\n')) return null;
  const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; storyloc?: unknown; sha256?: unknown };
  const body = text.slice(newline + 1, -1);
  if (header.format !== INDEX_FORMAT || header.storyloc !== storylocVersion() || header.sha256 !== sha256(body))
    return null;
  const data = JSON.parse(body) as Record<string, unknown>;
  const entries = new Map<string, IndexEntry>();
  for (const [name, entry] of Object.entries(data)) {
    if (!isEntry(entry)) return null;
    entries.set(name, entry);
  }
  return entries;
}

/** The shape of an entry (the checksum guards against damage; this against a hand-made index). */
function isEntry(value: unknown): value is IndexEntry {
  const entry = value as Partial<IndexEntry> | null;
  if (typeof entry !== 'object' || entry === null) return false;
  if (typeof entry.key !== 'string' || (entry.output !== undefined && typeof entry.output !== 'string')) return false;
  const summary = entry.summary as Partial<StateSummary> | undefined;
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
