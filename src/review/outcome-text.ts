/** Lines printed by `approve` / `reject` for each segment, and the status table of `status`. */
import { t, type MessageKey } from '../i18n/index.js';
import type { ArticleState } from '../memory/types.js';
import { segmentStatuses } from '../memory/state-store.js';
import type { SegmentOutcome } from './approval.js';
import type { ArticleStatus } from './status.js';
import type { TermFinding } from './term-findings.js';
import { displayWidth } from './display-width.js';
import { flagMessage } from '../check/rules/flagged-segment.js';

/** Why a segment may not be approved: its failing glossary terms and MT flags, in one line. */
export function describeFindings(
  findings: TermFinding[],
  flags: string[],
  translate: (key: MessageKey, params: Record<string, unknown>) => string = t,
): string {
  const parts = findings.map((finding) => {
    const expected = finding.expected[0] ?? '';
    if (finding.forbidden !== undefined)
      return translate('review:outcome.termForbidden', {
        term: finding.sourceSurface,
        expected,
        forbidden: finding.forbidden,
      });
    if (finding.untranslated !== undefined)
      return translate('review:outcome.termUntranslated', {
        term: finding.sourceSurface,
        expected,
        untranslated: finding.untranslated,
      });
    return translate('review:outcome.termMissing', { term: finding.sourceSurface, expected });
  });
  for (const flag of flags) parts.push(describeFlag(flag, translate));
  return parts.join('; ');
}

/**
 * A post-MT flag in words, never its raw code (`placeholder.lost:t1:entry` is the pipeline's vocabulary):
 * the wording is check's flagged-segment rule's, so `check`, `approve` and `review` say the same.
 */
export function describeFlag(
  flag: string,
  translate: (key: MessageKey, params: Record<string, unknown>) => string = t,
): string {
  const message = flagMessage(flag);
  return translate(message.messageKey, message.params);
}

/** Why an approval was refused: glossary findings, MT flags, then the other check errors (`rule: message`). */
function describeRefusal(outcome: Extract<SegmentOutcome, { outcome: 'refusedGlossary' }>): string {
  const parts = [
    describeFindings(outcome.findings, outcome.flags),
    ...(outcome.errors ?? []).map((error) => `${error.rule}: ${error.message}`),
  ];
  return parts.filter((part) => part !== '').join('; ');
}

/** One line per segment outcome, in the order given. */
export function formatOutcomes(outcomes: SegmentOutcome[], state: ArticleState): string[] {
  const stateOf = new Map(state.segments.map((record) => [record.id, record.state]));
  return outcomes.map((outcome) => {
    const id = outcome.id;
    switch (outcome.outcome) {
      case 'approved':
        return t(outcome.forced ? 'review:outcome.approvedForced' : 'review:outcome.approved', { id });
      case 'rejected':
        return t('review:outcome.rejected', { id });
      case 'edited':
        return t('review:outcome.edited', { id });
      case 'unchanged':
        return t('review:outcome.unchanged', { id, state: t(`review:state.${stateOf.get(id) ?? 'approved'}`) });
      case 'refusedUntranslated':
        return t('review:outcome.refusedUntranslated', { id });
      case 'refusedGlossary':
        return t('review:outcome.refusedGlossary', { id, problems: describeRefusal(outcome) });
    }
    // every outcome has its case above: a new one fails to compile here until it gets one
    const unhandled: never = outcome;
    return unhandled;
  });
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** The `status` table: article, one column per state, total, publishable. */
export function formatStatusTable(statuses: ArticleStatus[]): string {
  if (statuses.length === 0) return `${t('review:status.none')}\n`;
  const header = [
    t('review:status.article'),
    ...segmentStatuses.map((s) => t(`review:state.${s}`)),
    t('review:status.total'),
    t('review:status.publishable'),
  ];
  // the words looked up once, not once per row (a newsroom has thousands of rows)
  const notTranslated = t('review:status.notTranslated');
  const yes = t('review:status.yes');
  const no = t('review:status.no');
  const rows = statuses.map((status) => {
    if (!status.translated) {
      return [status.article, ...segmentStatuses.map(() => '-'), '-', notTranslated];
    }
    return [
      status.article,
      ...segmentStatuses.map((s) => String(status.counts[s])),
      String(status.total),
      status.publishable ? yes : no,
    ];
  });
  const widths = header.map((cell, column) =>
    Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column]!))),
  );
  const last = header.length - 1;
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => pad(cell, widths[column]!, column === 0 || column === last ? 'left' : 'right'))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
