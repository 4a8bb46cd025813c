/**
 * The rows of `storyloc status` (and of the review page's index): one per source article and per article
 * with a state. The state index answers for state files unchanged since it recorded them
 * (memory/state-index.ts); `check` runs only for articles whose every segment is approved, the only ones
 * its findings can keep from being publishable, and its modules (Markdown parser, glossary automaton,
 * rules) are loaded only then: `status` on a workspace still under review loads none of them.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { listArticles } from '../articles/list.js';
import type { Violation } from '../check/types.js';
import { StateIndex, summarizeState } from '../memory/state-index.js';
import { readArticleStateWithStat, statePathFor } from '../memory/state-store.js';
import type { ArticleState } from '../memory/types.js';
import type { StatedArticles } from './stated-articles.js';
import {
  summarizeArticleState,
  summarizedArticleStatus,
  untranslatedArticleStatus,
  type ArticleStatus,
} from './status.js';

/** `storyloc check`'s violations for one article's translation, had once the caller loaded the check. */
export type ArticleCheck = (article: string) => Violation[];

/** Status rows: the named articles, or every source article and every article with a state. */
export async function articleStatuses(
  stated: StatedArticles,
  given: readonly string[],
  loadCheck: () => Promise<ArticleCheck>,
): Promise<ArticleStatus[]> {
  const { config, targetLang } = stated;
  const index = StateIndex.open(config);
  const waiting: { row: number; article: string; state: ArticleState | null }[] = [];
  const rows = articlesOf(stated, given).map((article, row) => {
    const file = statePathFor(config, article, targetLang);
    const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    let summary = stat ? index.lookup(file, stat) : null;
    let state: ArticleState | null = null;
    if (!summary) {
      const read = readArticleStateWithStat(file);
      if (!read) return untranslatedArticleStatus(article, targetLang);
      state = read.state;
      summary = summarizeState(state);
      index.record(file, read.stat, summary);
    }
    // check's findings decide only for a file whose every segment is approved (isPublishable): the
    // others are not publishable whatever they are, and are not checked (status stays fast at scale)
    const mayPublish = summary.total > 0 && summary.counts.approved === summary.total;
    if (mayPublish) waiting.push({ row, article, state });
    return summarizedArticleStatus(summary);
  });
  index.save({ prune: false });
  if (waiting.length === 0) return rows;
  const check = await loadCheck();
  for (const { row, article, state } of waiting)
    rows[row] = summarizeArticleState(state ?? stated.readState(article), check(article));
  return rows;
}

function articlesOf(stated: StatedArticles, given: readonly string[]): string[] {
  if (given.length > 0) return stated.articlesToReview(given);
  const { paths } = stated.config;
  const sources = listArticles(stated.config, [], stated.cwd).map((file) =>
    path.relative(paths.articles, file).split(path.sep).join('/'),
  );
  return [...new Set([...sources, ...stated.listStatedArticles()])].sort();
}
