/**
 * Rule ids with their default severities, and the severities a run uses once `check.severities` from
 * the workspace config is applied. A rule set to `off` does not run at all.
 */
import type { Severity } from '../config/types.js';
import { inputError } from '../errors.js';
import { ruleIds, isRuleId, type RuleId } from './types.js';

/**
 * Defaults chosen so that a fresh machine translation passes with `--fail-on error`: what breaks
 * meaning or structure is an error; typography and the review state are warnings. A newsroom that
 * publishes only approved text sets `check.severities.not-approved: error`.
 */
export const defaultSeverities: Readonly<Record<RuleId, Severity>> = {
  'glossary-term': 'error',
  'forbidden-term': 'error',
  'untranslated-term': 'error',
  'do-not-translate': 'error',
  numbers: 'error',
  'markup-parity': 'error',
  quotes: 'warning',
  'untranslated-segment': 'error',
  'not-approved': 'warning',
  'flagged-segment': 'error',
  'output-sync': 'error',
  'glossary-lint': 'error',
};

/**
 * Defaults overridden by the config. An unknown rule id in the config is an input error (a typo in a
 * rule name must not silently keep a rule at its default).
 */
export function resolveSeverities(
  overrides: Record<string, Severity>,
  configFile: string | null,
): Record<RuleId, Severity> {
  const resolved: Record<RuleId, Severity> = { ...defaultSeverities };
  for (const [rule, severity] of Object.entries(overrides)) {
    if (!isRuleId(rule)) {
      throw inputError(
        'check.unknownRule',
        'check:error.unknownRule',
        { rule, expected: ruleIds.join(', ') },
        configFile ? { file: configFile } : undefined,
      );
    }
    resolved[rule] = severity;
  }
  return resolved;
}
