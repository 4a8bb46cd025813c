/**
 * The write stage: an article is written once per run, when all of its segments are settled (nothing it
 * waits for is still in the queue), or at the end of the run for whatever is left: source snapshot,
 * state, output and review diff, each atomically. Then the article is released (a streamed run holds
 * only the articles between their segmentation and their write). The answers it waited for are durable in the journal
 * before they reach it (translate/journal.ts), so a run killed before an article is written loses no
 * answer. Its contract is narrow on purpose: it sees `ArticleWork`s, the waiting records and the config,
 * never the engine or the queue.
 */
import { existsSync } from 'node:fs';
import PQueue from 'p-queue';
import type { ResolvedConfig } from '../config/types.js';
import { outputTargets, persistArticleResult, type PersistOutcome } from '../memory/persist.js';
import { glossaryCheckKey } from '../memory/workspace.js';
import { reassembleArticle } from '../reassembly/reassemble.js';
import { refuseSymlinkOutside } from '../config/symlinks.js';
import { listedPresence } from '../io/folder-listing.js';
import { REVIEW_DIFF_SUFFIX, writeReviewDiff } from '../review/diff-file.js';
import { relativeToWorkspace } from './paths.js';
import { awaitsReview, shownTarget } from '../memory/segment-life.js';
import type { ArticleWork } from './types.js';
import { loadArticleParser } from './parser.js';

/** Articles whose files are being written at the same time. */
const ARTICLES_WRITTEN_AT_ONCE = 8;

export interface ArticleWriter {
  /**
   * The article is settled (nothing it waits for is still in the queue): its files are written in the
   * background when it changed (or its review diff when that is missing: a run killed after its output),
   * then it is handed to `released` and the writer forgets it.
   */
  write(work: ArticleWork): void;
  /** Articles handed to `write` and not released yet. */
  backlog(): number;
  /** The first write that failed, if any (the run stops sending then). */
  failure(): unknown;
  /** Waits for every write; throws the first write failure. */
  finish(): Promise<void>;
  /** output files written so far (relative to the workspace, sorted) */
  written(): string[];
  /** of `written`: files in which some segment still shows its source text */
  writtenUntranslated(): string[];
}

export function createArticleWriter(
  config: ResolvedConfig,
  released: (work: ArticleWork) => void,
  onIdle: () => void = () => undefined,
): ArticleWriter {
  const written: string[] = [];
  const untranslated: string[] = [];
  // Articles are written a few at a time (their fsyncs overlap); each article's files in order, by one task.
  const writes = new PQueue({ concurrency: ARTICLES_WRITTEN_AT_ONCE });
  let failed: { error: unknown } | null = null;
  let backlog = 0;
  const writeOne = async (work: ArticleWork): Promise<void> => {
    if (failed) return;
    try {
      if (work.dirty || hasCrashMarker(work)) {
        // persistArticleResult renders the output and the state from the records before its first await
        work.dirty = false;
        const outcome = await persistArticleResult(config, work, true);
        work.touched = true;
        work.checkedKey = glossaryCheckKey(
          relativeToWorkspace(config, work.statePath),
          work.sourceHash,
          outcome.outputHash,
        );
        if (outcome.outputWritten) {
          const file = relativeToWorkspace(config, work.outputPath);
          written.push(file);
          if (work.records.some((record) => shownTarget(record) === null)) untranslated.push(file);
        }
        await writeArticleDiff(config, work, outcome);
      } else if (reviewDiffMissing(config, work)) {
        await writeArticleDiff(config, work, null);
      }
    } catch (error) {
      // after a failure nothing more is written: the files written so far stay as they are
      failed ??= { error };
    }
  };
  return {
    write(work) {
      // nothing to write (an unchanged rerun: 2,000 articles): released at once, not queued as a no-op task
      if (!work.dirty && !hasCrashMarker(work) && !reviewDiffMissing(config, work)) {
        released(work);
        return;
      }
      backlog++;
      void writes.add(async () => {
        // writing renders the output and the diff from the parsed article (translate/parser.ts)
        await loadArticleParser();
        await writeOne(work);
        backlog--;
        released(work);
        onIdle();
      });
    },
    backlog: () => backlog,
    failure: () => failed?.error,
    async finish() {
      await writes.onIdle();
      if (failed) throw failed.error;
    },
    written: () => [...written].sort(),
    writtenUntranslated: () => [...untranslated].sort(),
  };
}

/** True when the state last written still records the output it replaced (see persist.ts). */
function hasCrashMarker(work: ArticleWork): boolean {
  return work.writtenState?.includes('"previousOutputHash"') ?? false;
}

/**
 * True when the article awaits review (a target that is not the approved one) but has no diff file: a
 * run killed between its output and its diff. Checked without parsing the article.
 */
function reviewDiffMissing(config: ResolvedConfig, work: ArticleWork): boolean {
  // an unchanged article's records are not read for this (its summary says it)
  const awaits = work.unchanged ? work.unchanged.awaitsReview : work.records.some(awaitsReview);
  if (!awaits) return false;
  const file = work.outputPath + REVIEW_DIFF_SUFFIX;
  refuseSymlinkOutside(config, file);
  const listed = listedPresence(file);
  return listed === 'unknown' ? !existsSync(file) : listed === 'absent';
}

/** The review diff beside the article, against the output just written (null: rendered from the records). */
async function writeArticleDiff(
  config: ResolvedConfig,
  work: ArticleWork,
  written: Pick<PersistOutcome, 'output' | 'outputPieces'> | null,
): Promise<void> {
  const { article, pair, records } = work;
  await writeReviewDiff({
    config,
    article,
    state: {
      version: 1,
      article: article.relativePath,
      sourceLang: pair.source,
      targetLang: pair.target,
      sourceFileHash: work.sourceHash,
      segments: records,
    },
    candidate: written?.output ?? reassembleArticle(article, outputTargets(article.segments, records), pair.target),
    ...(written ? { candidatePieces: written.outputPieces } : {}),
    outputPath: work.outputPath,
  });
}
