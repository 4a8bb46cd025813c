import type { Violation, ViolationSeverity } from '../types.js';

export function countBySeverity(violations: readonly Violation[]): Record<ViolationSeverity, number> {
  const counts: Record<ViolationSeverity, number> = { error: 0, warning: 0 };
  for (const violation of violations) counts[violation.severity]++;
  return counts;
}

/** true when a violation is at or above the `--fail-on` severity */
export function failsAt(severity: ViolationSeverity, failOn: ViolationSeverity): boolean {
  return failOn === 'warning' || severity === 'error';
}
