/**
 * The write stage: an article is written once per run, when all of its segments are settled (nothing it
 * waits for is still in the queue), or at the end of the run for whatever is left: source snapshot,
 * state, output and review diff, each atomically. The answers it waited for are durable in the journal
 * before they reach it (translate/journal.ts), so a run killed before an article is written loses no
 * answer. Its contract is narrow on purpose: it sees `ArticleWork`s, the waiting records and the config,
 * never the engine or the queue.
 */
import { existsSync } from 'node:fs';
import PQueue from 'p-queue';
import type { ResolvedConfig } from '../config/types.js';
import { outputTargets, persistArticleResult } from '../memory/persist.js';
import { glossaryCheckKey } from '../memory/workspace.js';
import { reassembleArticle } from '../reassembly/reassemble.js';
import { reviewDiffPathFor, writeReviewDiff } from '../review/diff-file.js';
import { awaitsReview } from '../memory/segment-life.js';
import { relativeToWorkspace } from './paths.js';
import type { ArticleWork, Waiter } from './types.js';

/** Articles whose files are being written at the same time. */
const ARTICLES_WRITTEN_AT_ONCE = 8;

export interface ArticleWriter {
  /** Writes every changed article that waits for no answer (before the queue starts). */
  writeSettled(): Promise<void>;
  /** Answers for `keys` were applied: articles that wait for nothing more are written (in the background). */
  settle(keys: readonly string[]): void;
  /** The first write that failed, if any (the engine stage stops sending then). */
  failure(): unknown;
  /**
   * End of the run: every article still unwritten (its answers never came) is written, and a review
   * diff missing beside an article that awaits review (a run killed after its output) is written.
   * Throws the first write failure.
   */
  finish(): Promise<void>;
  /** output files written so far (relative to the workspace, sorted) */
  written(): string[];
}

export function createArticleWriter(
  config: ResolvedConfig,
  works: readonly ArticleWork[],
  waiters: ReadonlyMap<string, Waiter[]>,
): ArticleWriter {
  const written = new Set<string>();
  const pending = new Map<ArticleWork, number>();
  for (const list of waiters.values()) for (const { work } of list) pending.set(work, (pending.get(work) ?? 0) + 1);
  // Articles are written a few at a time (their fsyncs overlap); each article's files in order, by one task.
  const writes = new PQueue({ concurrency: ARTICLES_WRITTEN_AT_ONCE });
  let failed: { error: unknown } | null = null;
  const writeOne = async (work: ArticleWork): Promise<void> => {
    if (failed || (!work.dirty && !hasCrashMarker(work))) return;
    // persistArticleResult renders the output and the state from the records before its first await
    work.dirty = false;
    try {
      const outcome = await persistArticleResult(config, work, true);
      work.touched = true;
      work.lastOutput = outcome.output;
      work.checkedKey = glossaryCheckKey(
        relativeToWorkspace(config, work.statePath),
        work.sourceHash,
        outcome.outputHash,
      );
      if (outcome.outputWritten) written.add(relativeToWorkspace(config, work.outputPath));
      await writeArticleDiff(config, work);
    } catch (error) {
      // after a failure nothing more is written: the files written so far stay as they are
      failed ??= { error };
    }
  };
  const enqueue = (articles: readonly ArticleWork[]): Promise<void> =>
    Promise.all(articles.map((work) => writes.add(() => writeOne(work)))).then(() => undefined);
  return {
    // only what has something to write is queued (an unchanged rerun queues none of its 2,000 articles)
    writeSettled: () => enqueue(works.filter((work) => !pending.has(work) && (work.dirty || hasCrashMarker(work)))),
    settle(keys) {
      const settled: ArticleWork[] = [];
      for (const key of keys) {
        for (const { work } of waiters.get(key) ?? []) {
          const left = (pending.get(work) ?? 0) - 1;
          pending.set(work, left);
          if (left === 0) settled.push(work);
        }
      }
      if (settled.length > 0) void enqueue(settled);
    },
    failure: () => failed?.error,
    async finish() {
      await enqueue(works.filter((work) => (pending.get(work) ?? 0) > 0));
      await writes.onIdle();
      const diffless = works.filter((work) => !work.touched && reviewDiffMissing(config, work));
      for (const work of diffless) {
        if (failed) break;
        await writeArticleDiff(config, work).catch((error: unknown) => void (failed ??= { error }));
      }
      if (failed) throw failed.error;
    },
    written: () => [...written].sort(),
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
  const awaits = work.unchanged ? work.unchanged.awaitsReview : work.records.some(awaitsReview);
  return awaits && !existsSync(reviewDiffPathFor(config, work.source.relativePath, work.pair.target));
}

async function writeArticleDiff(config: ResolvedConfig, work: ArticleWork): Promise<void> {
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
    // the output the final pass wrote (every later change would have made the article dirty again)
    candidate: work.lastOutput ?? reassembleArticle(article, outputTargets(article.segments, records), pair.target),
  });
}
