/** Per-article review progress: how many segments are in each state, and whether it may be published. */
import type { Lang } from '../languages.js';
import type { ArticleState, SegmentStatus } from '../memory/types.js';
import { segmentStatuses } from '../memory/state-store.js';

export interface ArticleStatus {
  article: string;
  targetLang: Lang;
  /** false when the article has no state yet (never translated into targetLang) */
  translated: boolean;
  counts: Record<SegmentStatus, number>;
  total: number;
  /** every segment approved (an article with no segments or no state is not publishable) */
  publishable: boolean;
}

function zeroCounts(): Record<SegmentStatus, number> {
  const counts = {} as Record<SegmentStatus, number>;
  for (const status of segmentStatuses) counts[status] = 0;
  return counts;
}

export function summarizeArticleState(state: ArticleState): ArticleStatus {
  const counts = zeroCounts();
  for (const record of state.segments) counts[record.state]++;
  const total = state.segments.length;
  return {
    article: state.article,
    targetLang: state.targetLang,
    translated: true,
    counts,
    total,
    publishable: total > 0 && counts.approved === total,
  };
}

/** The status line of an article that has no state file yet. */
export function untranslatedArticleStatus(article: string, targetLang: Lang): ArticleStatus {
  return { article, targetLang, translated: false, counts: zeroCounts(), total: 0, publishable: false };
}
