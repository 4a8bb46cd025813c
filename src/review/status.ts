/** Per-article review progress: how many segments are in each state, and whether it may be published. */
import type { Lang } from '../languages.js';
import type { ArticleState, SegmentStatus } from '../memory/types.js';
import { segmentStatuses } from '../memory/state-store.js';
import { isPublishable } from '../check/verdict.js';
import type { Violation } from '../check/types.js';
import type { StateSummary } from '../memory/state-index.js';

export interface ArticleStatus {
  article: string;
  targetLang: Lang;
  /** false when the article has no state yet (never translated into targetLang) */
  translated: boolean;
  counts: Record<SegmentStatus, number>;
  total: number;
  /** every segment approved, none from a test engine, and no check error in the file (check/verdict.ts) */
  publishable: boolean;
}

function zeroCounts(): Record<SegmentStatus, number> {
  const counts = {} as Record<SegmentStatus, number>;
  for (const status of segmentStatuses) counts[status] = 0;
  return counts;
}

/** `violations`: what `storyloc check` reports for the article's translation (its errors block publishing). */
export function summarizeArticleState(state: ArticleState, violations: readonly Violation[] = []): ArticleStatus {
  const counts = zeroCounts();
  for (const record of state.segments) counts[record.state]++;
  const total = state.segments.length;
  return {
    article: state.article,
    targetLang: state.targetLang,
    translated: true,
    counts,
    total,
    publishable: isPublishable(state, violations),
  };
}

/**
 * The status of an article from the summary of its state (memory/state-index.ts), for one that is not
 * publishable whatever `check` says: some segment is not approved, or it has none.
 */
export function summarizedArticleStatus(summary: StateSummary): ArticleStatus {
  const counts = zeroCounts();
  for (const status of segmentStatuses) counts[status] = summary.counts[status];
  return {
    article: summary.article,
    targetLang: summary.targetLang,
    translated: true,
    counts,
    total: summary.total,
    publishable: false,
  };
}

/** The status line of an article that has no state file yet. */
export function untranslatedArticleStatus(article: string, targetLang: Lang): ArticleStatus {
  return { article, targetLang, translated: false, counts: zeroCounts(), total: 0, publishable: false };
}
