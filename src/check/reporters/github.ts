/**
 * GitHub Actions workflow commands: one `::error` / `::warning` line per violation, shown as
 * annotations on the pull request's files (repeated warnings folded to one per file, see fold.ts).
 * Escaping follows @actions/core: in the message % \r \n;
 * in property values also : and ,.
 */
import { formatMessage } from '../../i18n/message-templates.js';
import type { CheckReport, Violation } from '../types.js';
import { foldRepeatedWarnings } from './fold.js';
import { memoized } from './memoized.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(violation: Violation, suggestionLine: (suggestion: string) => string): string {
  const properties = [`file=${escapeProperty(violation.file)}`, `line=${violation.line}`, `col=${violation.column}`];
  if (violation.endLine !== undefined && violation.endColumn !== undefined) {
    properties.push(`endLine=${violation.endLine}`, `endColumn=${violation.endColumn}`);
  }
  properties.push(`title=${escapeProperty(violation.rule)}`);
  const message =
    violation.suggestion === undefined
      ? violation.message
      : `${violation.message}\n${suggestionLine(violation.suggestion)}`;
  return `::${violation.severity} ${properties.join(',')}::${escapeData(message)}`;
}

export function formatGithub(report: CheckReport): string {
  const suggestionLine = memoized((suggestion: string) => formatMessage('check:report.suggestion', { suggestion }));
  return foldRepeatedWarnings(report.violations)
    .map((violation) => `${command(violation, suggestionLine)}\n`)
    .join('');
}
