/**
 * Segment state contract: one state file per article and target language, beside the output
 * (`output/<lang>/<article path>.state.json`), deterministic and diff-friendly.
 */
import type { Lang } from '../languages.js';
import type { SegmentKind } from '../segments/types.js';
import type { GlossaryUsage } from '../glossary/types.js';
import type { EngineName } from '../config/types.js';

export type SegmentStatus = 'untranslated' | 'machine' | 'edited' | 'approved' | 'rejected' | 'stale';

/**
 * A translation this segment left behind (its source changed, or it was approved again with another
 * source): kept so the memory still answers that source, in any article.
 */
export interface HistoryEntry {
  source: string;
  target: string;
  state: 'approved' | 'edited';
  /** engine of the target when known (null for an approval whose engine was not recorded) */
  engine: EngineName | 'human' | 'memory' | null;
}

export interface SegmentRecord {
  id: string;
  kind: SegmentKind;
  line: number;
  /** source text (tagged XML, as in Segment.text) */
  source: string;
  sourceHash: string;
  /** target text (tagged XML), null when untranslated */
  target: string | null;
  state: SegmentStatus;
  /** engine that produced the current target (or `human`, `memory`) */
  engine: EngineName | 'human' | 'memory' | null;
  /** glossary entries the target was translated with, and their hashes */
  glossary: GlossaryUsage;
  /** who last changed the state (approver, editor) and when (ISO 8601) */
  changedBy: string | null;
  changedAt: string | null;
  /** the target before the segment became stale (for review) */
  previousTarget?: string;
  /** the last approved target (for review diffs) */
  approvedTarget?: string;
  /** the source text when the segment was last approved (review shows how the source changed since) */
  approvedSource?: string;
  /** approval forced past a failing glossary check */
  forced?: boolean;
  /** problems found after MT (a lost placeholder, a dropped tag): the segment must not be published */
  flags?: string[];
  /** translations left behind, newest first, at most `HISTORY_LIMIT` (segment-life.ts) */
  history?: HistoryEntry[];
}

export interface ArticleState {
  version: 1;
  /** article path relative to the articles folder (`en/queen-of-tears.md`) */
  article: string;
  sourceLang: Lang;
  targetLang: Lang;
  /** sha256 of the source file the state was last aligned with */
  sourceFileHash: string;
  /**
   * sha256 of the output file written from this state. A file on disk with another hash was edited by
   * someone (or written by an older state, see `previousOutputHash`).
   */
  outputHash?: string;
  /**
   * sha256 of the output that was on disk, unedited, when this state was written. The state is written
   * before the output: a run killed between the two leaves this output, which is not a human edit.
   */
  previousOutputHash?: string;
  segments: SegmentRecord[];
}
