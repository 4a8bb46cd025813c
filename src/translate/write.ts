/**
 * The write stage: an article whose segments are settled (for now, or for good at the end of the run)
 * gets its source snapshot, state, output and review diff written. Its contract is narrow on purpose:
 * it sees `ArticleWork`s and the config, never the engine or the queue, so how articles reach the disk
 * (one write per batch today) can change without touching the other stages.
 */
import type { ResolvedConfig } from '../config/types.js';
import { outputTargets, persistArticleResult } from '../memory/persist.js';
import { glossaryCheckKey } from '../memory/workspace.js';
import { reassembleArticle } from '../reassembly/reassemble.js';
import { writeReviewDiff } from '../review/diff-file.js';
import { relativeToWorkspace } from './paths.js';
import type { ArticleWork } from './types.js';

export interface ArticleWriter {
  /**
   * Writes every article changed since its last write. With `final`, also every article whose state
   * still carries the crash marker, which the final write drops. One write at a time, in call order.
   */
  writeChanged(final?: boolean): Promise<void>;
  /** After the final `writeChanged`: the review diffs of the articles written in this run. */
  writeReviewDiffs(): Promise<void>;
  /** output files written so far (relative to the workspace, sorted) */
  written(): string[];
}

export function createArticleWriter(config: ResolvedConfig, works: readonly ArticleWork[]): ArticleWriter {
  const written = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  const writeOne = async (work: ArticleWork, final: boolean): Promise<void> => {
    // persistArticleResult renders the output and the state from the records before its first await,
    // so the flag is cleared first: a batch finishing while the files are written marks the article
    // dirty again and is written by the next pass, instead of being lost with a late `dirty = false`.
    work.dirty = false;
    const outcome = await persistArticleResult(config, work, final);
    work.touched = true;
    work.lastOutput = outcome.output;
    work.checkedKey = glossaryCheckKey(relativeToWorkspace(config, work.statePath), work.sourceHash, outcome.outputHash);
    if (outcome.outputWritten) written.add(relativeToWorkspace(config, work.outputPath));
  };
  return {
    writeChanged(final = false) {
      // One writer at a time: two batches finishing together must not interleave state and output.
      writing = writing.then(async () => {
        for (const work of works) if (work.dirty || (final && hasCrashMarker(work))) await writeOne(work, final);
      });
      return writing;
    },
    async writeReviewDiffs() {
      // Review diffs of the articles this run changed (the others' diffs are as the last run left them).
      for (const work of works) if (work.touched) await writeArticleDiff(config, work);
    },
    written: () => [...written].sort(),
  };
}

/** True when the state last written still records the output it replaced (see persist.ts). */
function hasCrashMarker(work: ArticleWork): boolean {
  return work.writtenState?.includes('"previousOutputHash"') ?? false;
}

async function writeArticleDiff(config: ResolvedConfig, work: ArticleWork): Promise<void> {
  const { article, pair, records } = work;
  await writeReviewDiff({
    config,
    article,
    state: { version: 1, article: article.relativePath, sourceLang: pair.source, targetLang: pair.target, sourceFileHash: work.sourceHash, segments: records },
    // the output the final pass wrote (every later change would have made the article dirty again)
    candidate: work.lastOutput ?? reassembleArticle(article, outputTargets(article.segments, records), pair.target),
  });
}
