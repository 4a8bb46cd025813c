/**
 * The review stage's access to a workspace: which articles have a state, reading a state, and
 * committing a decision. Every command and the review page go through `updateArticle`, which:
 *   1. takes the workspace lock (a `translate` run and a review never interleave their writes);
 *   2. reads the state fresh from disk and lets the caller decide on it (so revision checks see the
 *      latest version);
 *   3. when targets change (an edit), reassembles the output — but only if the output on disk is
 *      exactly what the previous state produces: a translator's direct edit of the output file, not yet
 *      recorded by `translate`, is never overwritten (the decision is refused instead);
 *   4. writes the state first (with the new output's hash and the old one's as `previousOutputHash`,
 *      as the pipeline does) and the output second, so a crash in between is recognised by the next
 *      run and not taken for a translator's edit;
 *   5. updates the review diff file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inputError } from '../errors.js';
import type { Lang } from '../languages.js';
import type { ArticleState } from '../memory/types.js';
import { outputPathFor, statePathFor, writeArticleState } from '../memory/state-store.js';
import { writeFileAtomic } from '../io/atomic-file.js';
import { acquireWorkspaceLock } from '../memory/lock.js';
import { fileHash } from '../memory/records.js';
import { shownTarget } from '../memory/segment-life.js';
import { readArticleFile } from '../articles/read.js';
import { displayPath } from '../display-path.js';
import type { Article } from '../segments/types.js';
import { sameTags } from '../segments/xml.js';
import { reassembleArticle } from '../reassembly/reassemble.js';
import { listGlossaryFiles, loadWorkspaceTermbase } from '../glossary/load.js';
import type { Termbase } from '../glossary/types.js';
import type { DecisionResult } from './approval.js';
import { writeReviewDiff, type ReviewDiffResult } from './diff-file.js';
import { resolveSeverities } from '../check/severities.js';
import type { Violation } from '../check/types.js';
import { approvalBlockers } from '../check/verdict.js';
import { translationChecker, type TranslationFileChecker } from '../check/workspace.js';
import { createGlossaryReviewer } from './glossary-review.js';
import type { ArticleStatus } from './status.js';
import type { SegmentTermChecker, TermFinding } from './term-findings.js';
import { StatedArticles } from './stated-articles.js';
import { articleStatuses } from './article-statuses.js';

/**
 * The targets an output is assembled from: every translated segment whose tags fit its source
 * (the others keep the source text, as `reassembleArticle` does for missing targets).
 */
export function outputTargetsOf(article: Article, state: ArticleState): Map<string, string> {
  const segmentsById = new Map(article.segments.map((segment) => [segment.id, segment]));
  const targets = new Map<string, string>();
  for (const record of state.segments) {
    const segment = segmentsById.get(record.id);
    // what the pipeline writes (memory/persist.ts): a stale segment keeps showing its previous translation
    const target = shownTarget(record);
    if (target === null || !segment || !sameTags(segment.text, target)) continue;
    targets.set(record.id, target);
  }
  return targets;
}

export interface UpdateOutcome<T> {
  value: T;
  /** the state after the decision (the old one when nothing changed) */
  state: ArticleState;
  outputWritten: boolean;
  diff: ReviewDiffResult | null;
}

export class ReviewWorkspace extends StatedArticles {
  private termbase: Termbase | undefined;
  private termbaseStamp: string | undefined;
  private readonly checkers = new Map<string, SegmentTermChecker>();
  private fileChecker: TranslationFileChecker | undefined;

  /** Status rows (review/article-statuses.ts), with check already loaded here. */
  statuses(given: readonly string[] = []): Promise<ArticleStatus[]> {
    return articleStatuses(this, given, async () => (article) => this.checkFile(article));
  }

  /**
   * The glossary check for segments of one source language. The termbase is loaded again when a
   * glossary file changed (the review page runs for hours while people fix the glossary).
   */
  termChecker(sourceLang: Lang): SegmentTermChecker {
    const stamp = glossaryStamp(this.config.paths.glossary);
    if (stamp !== this.termbaseStamp) {
      // Problems in the termbase are `storyloc glossary lint`'s business; review uses what loaded.
      this.termbase = loadWorkspaceTermbase(this.config).termbase;
      this.termbaseStamp = stamp;
      this.checkers.clear();
    }
    let checker = this.checkers.get(sourceLang);
    if (!checker) {
      // The check's severities and source languages, so approval refuses what `storyloc check` reports.
      checker = createGlossaryReviewer(this.termbase!, sourceLang, this.targetLang, {
        sourceLanguages: this.config.sourceLanguages,
        severities: resolveSeverities(this.config.check.severities, this.config.configFile),
      });
      this.checkers.set(sourceLang, checker);
    }
    return checker;
  }

  /** `storyloc check`'s violations for one article's translation (the glossary is loaded once). */
  checkFile(article: string): Violation[] {
    this.fileChecker ??= translationChecker(this.config, this.cwd);
    return this.fileChecker(article, this.targetLang);
  }

  /** Per segment, the check errors that refuse its approval (check/verdict.ts). */
  approvalBlockers(state: ArticleState): (segmentId: string) => Violation[] {
    const violations = this.checkFile(state.article);
    return (segmentId) => approvalBlockers(violations, segmentId);
  }

  findings(state: ArticleState): Map<string, TermFinding[]> {
    const check = this.termChecker(state.sourceLang);
    return new Map(state.segments.map((record) => [record.id, check(record)]));
  }

  /** The source article when it exists and still is the version the state was aligned with. */
  private alignedArticle(state: ArticleState): { article: Article | null; aligned: boolean } {
    const file = path.join(this.config.paths.articles, ...state.article.split('/'));
    if (!existsSync(file)) return { article: null, aligned: false };
    const article = readArticleFile(file, this.config, { cwd: this.cwd });
    return { article, aligned: fileHash(article.source) === state.sourceFileHash };
  }

  /**
   * Applies a decision to an article under the workspace lock (see the module doc). `decide` gets the
   * state as it is on disk now and returns the decision (null: nothing to change) and a value for the
   * caller. Throws `lock.busy` while a translate run works, `review.sourceChanged` /
   * `review.outputEdited` when an edit cannot be written to the output safely.
   */
  async updateArticle<T>(
    article: string,
    decide: (state: ArticleState) => { result: DecisionResult | null; value: T },
  ): Promise<UpdateOutcome<T>> {
    const lock = acquireWorkspaceLock(this.config.workspaceDir);
    try {
      const before = this.readState(article);
      const { result, value } = decide(before);
      if (!result?.stateChanged) return { value, state: before, outputWritten: false, diff: null };
      let after = result.state;
      const outputFile = outputPathFor(this.config, article, this.targetLang);
      const { article: source, aligned } = this.alignedArticle(before);
      let nextOutput: string | null = null;
      if (result.targetsChanged) {
        if (!source || !aligned) {
          throw inputError('review.sourceChanged', 'review:error.sourceChanged', { article });
        }
        const current = readTextOrNull(outputFile);
        const expected = reassembleArticle(source, outputTargetsOf(source, before), this.targetLang);
        if (current !== null && current !== expected) {
          throw inputError('review.outputEdited', 'review:error.outputEdited', {
            file: displayPath(outputFile, { cwd: this.cwd, workspaceDir: this.config.workspaceDir }),
          });
        }
        const next = reassembleArticle(source, outputTargetsOf(source, after), this.targetLang);
        // The pipeline's protocol: the state names the hash of the output it produces, and the hash of
        // the output on disk while that one is being replaced, so a crash in between is not taken for a
        // translator's edit.
        after = { ...after, outputHash: fileHash(next) };
        if (current !== null && current !== next) after.previousOutputHash = fileHash(current);
        else delete after.previousOutputHash;
        if (next !== current) nextOutput = next;
      }
      await writeArticleState(statePathFor(this.config, article, this.targetLang), after);
      if (nextOutput !== null) await writeFileAtomic(outputFile, nextOutput);
      const outputWritten = nextOutput !== null;
      let diff: ReviewDiffResult | null = null;
      const candidate = readTextOrNull(outputFile);
      if (source && aligned && candidate !== null) {
        diff = await writeReviewDiff({ config: this.config, article: source, state: after, candidate });
      }
      return { value, state: after, outputWritten, diff };
    } finally {
      lock.release();
    }
  }
}

/** Names, sizes and modification times of the glossary files: changes when any of them changes. */
function glossaryStamp(dir: string): string {
  return listGlossaryFiles(dir)
    .map((file) => {
      const stat = statSync(file);
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('\n');
}

function readTextOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
