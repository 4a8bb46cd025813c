/**
 * The one answer to "may this segment be approved?" and "may this file be published?", used by
 * `approve`, `status`, `review` and `check`, so the four never disagree (issue 12, case 4).
 *
 *  - A segment may be approved when it has a target and `storyloc check` reports no error on it; the
 *    glossary findings and MT flags are shown by approval in its own terms (term-findings.ts), and
 *    `not-approved` is what approving resolves. `--force` approves anyway and is recorded.
 *  - A file is publishable when every segment is approved, no target comes from a test engine (pseudo),
 *    and `storyloc check` reports no error anywhere in the file.
 */
import { hasTestTarget } from '../memory/segment-life.js';
import type { ArticleState } from '../memory/types.js';
import type { Violation } from './types.js';

/** Rules approval reports through its own findings (glossary, MT flags) or that approving resolves. */
const REPORTED_BY_APPROVAL: ReadonlySet<string> = new Set([
  'not-approved',
  'glossary-term',
  'forbidden-term',
  'do-not-translate',
  'untranslated-term',
  'flagged-segment',
]);

/** The check errors that keep one segment from being approved (without --force). */
export function approvalBlockers(violations: readonly Violation[], segmentId: string): Violation[] {
  return violations.filter(
    (v) => v.severity === 'error' && v.segmentId === segmentId && !REPORTED_BY_APPROVAL.has(v.rule),
  );
}

/** Whether the translation a state describes may be published, given `check`'s violations for its file. */
export function isPublishable(state: ArticleState, violations: readonly Violation[]): boolean {
  if (state.segments.length === 0) return false;
  if (!state.segments.every((record) => record.state === 'approved' && !hasTestTarget(record))) return false;
  return !violations.some((violation) => violation.severity === 'error');
}
