/** What `approve` / `reject` act on, and the summary they print. */
import { inputError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Lang } from '../languages.js';
import type { SegmentOutcome } from './approval.js';

/** `--segment ID…` or `--all`, exactly one of them (exit 2 otherwise). */
export function segmentSelection(options: {
  segment?: string[] | undefined;
  all?: boolean | undefined;
}): string[] | 'all' {
  const ids = options.segment ?? [];
  if (ids.length > 0 && options.all) throw inputError('review.segmentAndAll', 'review:error.segmentAndAll');
  if (options.all) return 'all';
  if (ids.length === 0) throw inputError('review.nothingSelected', 'review:error.nothingSelected');
  return ids;
}

/** The summary line; true when some segment was refused (the command then exits 1). */
export function summarizeOutcomes(
  article: string,
  lang: Lang,
  by: string,
  outcomes: SegmentOutcome[],
): { line: string; refused: boolean } {
  const changed = outcomes.filter(
    (o) => o.outcome === 'approved' || o.outcome === 'rejected' || o.outcome === 'edited',
  ).length;
  const refused = outcomes.filter((o) => o.outcome === 'refusedGlossary' || o.outcome === 'refusedUntranslated').length;
  return { line: t('review:outcome.summary', { article, lang, changed, refused, by }), refused: refused > 0 };
}
