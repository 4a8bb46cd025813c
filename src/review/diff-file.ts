/**
 * The review diff beside each output: `output/<lang>/<article path>.diff` (e.g.
 * `output/it/en/queen-of-tears.md.diff`, next to `…md` and `…md.state.json`), a unified diff editors
 * read in pull requests.
 *
 * What it compares — decided here, once:
 *   - old side, the *approved baseline*: the current article reassembled with, for each segment, its
 *     last approved translation (`target` of an approved segment, else `approvedTarget`), and the
 *     source text for segments never approved (so a new paragraph shows as "source → translation");
 *     an approved translation whose tags no longer fit the segment (its source changed) falls back to
 *     the source text too;
 *   - new side: the candidate output, as written.
 * The file exists exactly while the two differ: when everything is approved (or the run changed
 * nothing that awaits review) there is no diff file, and an old one is removed. Equal inputs give a
 * byte-identical file (no timestamps), so reruns do not churn pull requests.
 */
import { promises as fsp, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { ResolvedConfig } from '../config/types.js';
import type { Lang } from '../languages.js';
import type { ArticleState } from '../memory/types.js';
import { outputPathFor } from '../memory/state-store.js';
import { refuseSymlinkOutside } from '../config/symlinks.js';
import { writeFileAtomic } from '../io/atomic-file.js';
import { listedAbsent } from '../io/folder-listing.js';
import { StorylocError } from '../errors.js';
import type { Article } from '../segments/types.js';
import { sameTags } from '../segments/xml.js';
import { reassembleArticlePieces } from '../reassembly/reassemble.js';
import { outputTargets } from '../memory/persist.js';
import { approvedTargetOf } from '../memory/segment-life.js';
import { alignedUnifiedDiff } from './aligned-diff.js';

export const REVIEW_DIFF_SUFFIX = '.diff';

/** `output/<lang>/<article path>.diff` */
export function reviewDiffPathFor(config: ResolvedConfig, articleRelativePath: string, targetLang: Lang): string {
  return outputPathFor(config, articleRelativePath, targetLang, REVIEW_DIFF_SUFFIX);
}

/** The last approved translation of a record, if any (owned by the record-life module). */
export { approvedTargetOf };

/** The article as last approved: approved translations, source text elsewhere (see the module doc). */
export function approvedBaseline(article: Article, state: ArticleState): string {
  return approvedBaselinePieces(article, state).join('');
}

/** `approvedBaseline` as reassembly pieces (see `reassembleArticlePieces`). */
function approvedBaselinePieces(article: Article, state: ArticleState): string[] {
  const segmentsById = new Map(article.segments.map((segment) => [segment.id, segment]));
  const targets = new Map<string, string>();
  for (const record of state.segments) {
    const approved = approvedTargetOf(record);
    const segment = segmentsById.get(record.id);
    if (approved === null || !segment) continue;
    if (!sameTags(segment.text, approved)) continue;
    targets.set(record.id, approved);
  }
  return reassembleArticlePieces(article, targets, state.targetLang);
}

const DIFF_CONTEXT_LINES = 3;

/** The unified diff text from `baseline` to `candidate`, or null when they are equal. */
export function reviewDiffText(displayPath: string, baseline: string, candidate: string): string | null {
  if (baseline === candidate) return null;
  return createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, baseline, candidate, 'approved', 'candidate', {
    context: DIFF_CONTEXT_LINES,
    headerOptions: FILE_HEADERS_ONLY,
  });
}

/**
 * The review diff of an article: piece by piece when the candidate is the article reassembled from the
 * state (linear in the article, see aligned-diff.ts), else over the whole texts.
 */
function articleReviewDiff(
  displayPath: string,
  article: Article,
  state: ArticleState,
  candidate: string,
  given: readonly string[] | undefined,
): string | null {
  const baselinePieces = approvedBaselinePieces(article, state);
  const baseline = baselinePieces.join('');
  if (baseline === candidate) return null;
  const candidatePieces =
    given ?? reassembleArticlePieces(article, outputTargets(article.segments, state.segments), state.targetLang);
  if (given !== undefined || candidatePieces.join('') === candidate) {
    const names = {
      oldFileName: `a/${displayPath}`,
      newFileName: `b/${displayPath}`,
      oldHeader: 'approved',
      newHeader: 'candidate',
    };
    const aligned = alignedUnifiedDiff(names, baselinePieces, candidatePieces, DIFF_CONTEXT_LINES);
    if (aligned !== null) return aligned;
  }
  return reviewDiffText(displayPath, baseline, candidate);
}

/**
 * The diff file on disk, null when there is none. Read directly: a diff is a few kilobytes and on a first
 * run there is none (an asynchronous read that fails costs several thread-pool trips and an error).
 *
 * Its folder is the output's, checked for links when the output path was resolved (`outputPathFor`); the
 * file itself goes through the link check only when it is a link: a missing file or a plain one is no
 * link, and its `lstat` is the one call that says both whether it exists and whether it is a link (the
 * general check would look at it again, and list the folder of thousands of outputs every second).
 */
async function readExisting(config: ResolvedConfig, file: string): Promise<string | null> {
  if (listedAbsent(file)) return null;
  // asynchronous: looking up a missing name waits while other writes create files in the same folder
  const stat = await fsp.lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stat === undefined) return null;
  if (stat.isSymbolicLink()) {
    refuseSymlinkOutside(config, file);
    if (statSync(file, { throwIfNoEntry: false }) === undefined) return null;
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export interface ReviewDiffInput {
  config: ResolvedConfig;
  /** the current source article (parsed), the one the state is aligned with */
  article: Article;
  /** the state after the run */
  state: ArticleState;
  /** the candidate output text, as written to `outputPathFor(…)` */
  candidate: string;
  /** the reassembly pieces `candidate` joins, when the caller has them (the writer does) */
  candidatePieces?: readonly string[];
  /** `outputPathFor(…)` of the article, when the caller has it */
  outputPath?: string;
}

export interface ReviewDiffResult {
  /** absolute path of the diff file */
  file: string;
  /** the diff was written (created or changed) */
  written: boolean;
  /** an old diff file was removed because nothing awaits review */
  removed: boolean;
  /** the diff text, null when there is none */
  diff: string | null;
}

/**
 * Writes (atomically) or removes the review diff of one article. Call it after the output has been
 * reassembled and written. An unchanged diff is not rewritten.
 */
export async function writeReviewDiff(input: ReviewDiffInput): Promise<ReviewDiffResult> {
  const { config, article, state, candidate } = input;
  const outputPath = input.outputPath ?? outputPathFor(config, state.article, state.targetLang);
  const file = outputPath + REVIEW_DIFF_SUFFIX;
  const existing = await readExisting(config, file);
  const displayPath = path.relative(config.workspaceDir, outputPath).split(path.sep).join('/');
  const diff = articleReviewDiff(displayPath, article, state, candidate, input.candidatePieces);
  if (diff === null) {
    if (existing === null) return { file, written: false, removed: false, diff };
    try {
      await fsp.rm(file, { force: true });
    } catch (error) {
      throw new StorylocError(
        'write.failed',
        'memory:write.failed',
        { file, detail: (error as NodeJS.ErrnoException).code },
        { position: { file }, cause: error },
      );
    }
    return { file, written: false, removed: true, diff };
  }
  if (existing === diff) return { file, written: false, removed: false, diff };
  await writeFileAtomic(file, diff);
  return { file, written: true, removed: false, diff };
}
