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
  const groupKey = (violation: Violation): string =>
    `${violation.file}\u0000${violation.rule}\u0000${violation.message}`;
  const sizes = new Map<string, number>();
  for (const violation of violations) {
    if (violation.severity !== 'warning') continue;
    const key = groupKey(violation);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  const shown = new Set<string>();
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
    const key = violation.severity === 'warning' ? groupKey(violation) : null;
    const size = key === null ? 0 : sizes.get(key)!;
    if (key === null || size < FOLD_AT) {
      folded.push(violation);
      continue;
    }
    if (shown.has(key)) continue;
    shown.add(key);
    folded.push({ ...violation, message: foldedMessage(violation.message, size - 1) });
  }
  return folded;
}
