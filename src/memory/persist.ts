/**
 * Writing one article's result: the source snapshot, the state, then the output, each atomically.
 *
 * The order and the two hashes make a crash at any point recoverable: the state (written first) records
 * the hash of the output about to be written (`outputHash`) and of the unedited output still on disk
 * (`previousOutputHash`). A run that finds either hash on disk knows the output holds no human edit.
 */
import type { ResolvedConfig } from '../config/types.js';
import type { LanguagePair } from '../languages.js';
import { reassembleArticlePieces } from '../reassembly/reassemble.js';
import type { Article, Segment } from '../segments/types.js';
import { sameTags } from '../segments/xml.js';
import { writeFileAtomic } from '../io/atomic-file.js';
import { fileHash } from './records.js';
import { editedByHand, shownTarget } from './segment-life.js';
import { outputPathFor, serializeArticleState, statePathFor } from './state-store.js';
import type { ArticleState, SegmentRecord } from './types.js';
import { writeSnapshot } from './workspace.js';

/** Targets that reassembly can use: a target whose tags do not fit its source renders the source. */
export function outputTargets(segments: readonly Segment[], records: readonly SegmentRecord[]): Map<string, string> {
  const known = new Set(segments.map((segment) => segment.id));
  const targets = new Map<string, string>();
  for (const record of records) {
    // a stale segment waiting for its new translation still shows the previous one, never the source
    const target = shownTarget(record);
    if (target !== null && known.has(record.id) && sameTags(record.source, target)) targets.set(record.id, target);
  }
  return targets;
}

/** Records edited by a translator in the output: `edited` by `human`, never replaced by MT. */
export function applyHumanEdits(
  records: readonly SegmentRecord[],
  edits: ReadonlyArray<{ segmentId: string; target: string }>,
  editor: string,
  now: string,
): SegmentRecord[] {
  const byId = new Map(edits.map((edit) => [edit.segmentId, edit.target]));
  return records.map((record) => {
    const target = byId.get(record.id);
    if (target === undefined) return record;
    return editedByHand(record, target, { by: editor, at: now });
  });
}

export interface ArticleResult {
  article: Article;
  pair: LanguagePair;
  /** sha256 of the article's source file */
  sourceHash: string;
  records: SegmentRecord[];
  /** hash of the (unedited) output on disk, null when there is none; updated after writing */
  diskOutputHash: string | null;
  /** the state text on disk, if known (an identical state is not rewritten); updated after writing */
  writtenState: string | null;
  /** `statePathFor(…)` and `outputPathFor(…)` of the article, when the caller has them */
  statePath?: string;
  outputPath?: string;
}

export interface PersistOutcome {
  output: string;
  /** the reassembly pieces `output` joins (see `reassembleArticlePieces`; the review diff reuses them) */
  outputPieces: string[];
  outputHash: string;
  outputWritten: boolean;
  stateWritten: boolean;
}

/**
 * Writes snapshot, state and output for one article. With `final`, the crash marker
 * (`previousOutputHash`) is dropped once the output is on disk, so finished runs leave small diffs.
 */
export async function persistArticleResult(
  config: ResolvedConfig,
  result: ArticleResult,
  final: boolean,
): Promise<PersistOutcome> {
  const pieces = reassembleArticlePieces(
    result.article,
    outputTargets(result.article.segments, result.records),
    result.pair.target,
  );
  const output = pieces.join('');
  const outputHash = fileHash(output);
  const state: ArticleState = {
    version: 1,
    article: result.article.relativePath,
    sourceLang: result.pair.source,
    targetLang: result.pair.target,
    sourceFileHash: result.sourceHash,
    outputHash,
    segments: result.records,
  };
  if (result.diskOutputHash !== null && result.diskOutputHash !== outputHash)
    state.previousOutputHash = result.diskOutputHash;
  // paths the caller already resolved (and checked for links) are not resolved again
  const statePath = result.statePath ?? statePathFor(config, result.article.relativePath, result.pair.target);
  const outputPath = result.outputPath ?? outputPathFor(config, result.article.relativePath, result.pair.target);
  let stateText = serializeArticleState(state);
  let stateWritten = false;
  let outputWritten = false;
  await writeSnapshot(config, result.sourceHash, result.article.source);
  if (stateText !== result.writtenState) {
    await writeFileAtomic(statePath, stateText);
    result.writtenState = stateText;
    stateWritten = true;
  }
  if (result.diskOutputHash !== outputHash) {
    await writeFileAtomic(outputPath, output);
    result.diskOutputHash = outputHash;
    outputWritten = true;
  }
  if (final && state.previousOutputHash !== undefined) {
    delete state.previousOutputHash;
    stateText = serializeArticleState(state);
    await writeFileAtomic(statePath, stateText);
    result.writtenState = stateText;
  }
  return { output, outputPieces: pieces, outputHash, outputWritten, stateWritten };
}
