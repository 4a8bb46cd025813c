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

/**
 * `make`, remembering its answer per argument: a report translates the same suggestion (a glossary form, a
 * number) on many lines, and the UI language does not change while one report is written.
 */
export function memoized(make: (argument: string) => string): (argument: string) => string {
  const answers = new Map<string, string>();
  return (argument) => {
    let answer = answers.get(argument);
    if (answer === undefined) {
      answer = make(argument);
      answers.set(argument, answer);
    }
    return answer;
  };
}
