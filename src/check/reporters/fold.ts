/**
 * Folding for the reports people and GitHub read: a warning that applies to many segments of one file
 * (machine translation not reviewed yet, on every segment of a freshly translated story) is shown once
 * per file, at its first location, with a count. GitHub shows only the first annotations of a step, and
 * 96,831 identical lines bury the one that matters. Errors are never folded; `json`, `junit` and `sarif`
 * keep every location (they do not call this).
 */
import { t } from '../../i18n/index.js';
import type { Violation } from '../types.js';

/** Fewer repeats than this are listed one by one. */
export const FOLD_AT = 5;

/**
 * The violations in report order, where every group of at least `FOLD_AT` warnings of one rule with one
 * message in one file is replaced by its first member, its message saying how many more there are.
 */
export function foldRepeatedWarnings(violations: readonly Violation[]): Violation[] {
  // groups by file, then rule, then message, in nested maps: a key string per violation (70,000 of them
  // on a freshly translated workspace) cost more than the rest of the text report
  const groups = new Map<string, Map<string, Map<string, WarningGroup>>>();
  const groupOf = (violation: Violation): WarningGroup => {
    let byRule = groups.get(violation.file);
    if (byRule === undefined) groups.set(violation.file, (byRule = new Map()));
    let byMessage = byRule.get(violation.rule);
    if (byMessage === undefined) byRule.set(violation.rule, (byMessage = new Map()));
    let group = byMessage.get(violation.message);
    if (group === undefined) byMessage.set(violation.message, (group = { size: 0, shown: false }));
    return group;
  };
  for (const violation of violations) if (violation.severity === 'warning') groupOf(violation).size++;
  const folded: Violation[] = [];
  // files repeat the same message with a handful of counts: each wording is translated once
  const wordings = new Map<string, string>();
  const foldedMessage = (message: string, more: number): string => {
    const key = `${more}\u0000${message}`;
    let wording = wordings.get(key);
    if (wording === undefined) {
      wording = t('check:report.folded', { message, count: more });
      wordings.set(key, wording);
    }
    return wording;
  };
  for (const violation of violations) {
    const group = violation.severity === 'warning' ? groupOf(violation) : null;
    if (group === null || group.size < FOLD_AT) {
      folded.push(violation);
      continue;
    }
    if (group.shown) continue;
    group.shown = true;
    folded.push({ ...violation, message: foldedMessage(violation.message, group.size - 1) });
  }
  return folded;
}

/** the warnings of one file, rule and message: how many, and whether the folded one is out already */
interface WarningGroup {
  size: number;
  shown: boolean;
}
