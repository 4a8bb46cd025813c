/**
 * The report for people: violations grouped by file, one line each as `file:line:col  severity  rule
 * message`, the suggestion on the next line, and a summary (which counts every violation). Repeated
 * warnings are folded to one line per file (fold.ts). Only this report names files relative to the
 * current folder, as git does (`../output/it/en/story.md` from `articles/`): the others are read by CI
 * tools, which resolve paths from the repository root, so they keep the report's workspace-relative paths.
 */
import path from 'node:path';
import { displayPath, type DisplayPathBase } from '../../display-path.js';
import { t } from '../../i18n/index.js';
import { formatMessage } from '../../i18n/message-templates.js';
import type { CheckReport, Violation } from '../types.js';
import { foldRepeatedWarnings } from './fold.js';
import { countBySeverity } from './summary.js';
import { memoized } from './memoized.js';

/**
 * A report file (relative to the workspace when inside it, else to the current folder: check/context.ts)
 * as the shared helper shows it from `base.cwd`. Only a current folder inside the workspace is rebased:
 * there a path not climbing out with `..` can only be workspace-relative.
 */
export function cwdRelativeFile(file: string, base: Required<DisplayPathBase>): string {
  const cwdInWorkspace = !path.relative(base.workspaceDir, base.cwd).startsWith('..');
  if (!cwdInWorkspace || path.isAbsolute(file) || file.startsWith('..')) return file;
  return displayPath(path.resolve(base.workspaceDir, file), base).split(path.sep).join('/');
}

/** `base`: show files relative to that current folder (the CLI); without it, as the report has them. */
export function formatText(report: CheckReport, base?: Required<DisplayPathBase>): string {
  const lines: string[] = [];
  const byFile = new Map<string, Violation[]>();
  // a file's violations come one after another: each file rebased once
  const shown = base === undefined ? undefined : memoized((file: string) => cwdRelativeFile(file, base));
  for (const violation of foldRepeatedWarnings(report.violations)) {
    const file = shown === undefined ? violation.file : shown(violation.file);
    const list = byFile.get(file);
    if (list) list.push(violation);
    else byFile.set(file, [violation]);
  }
  // one translation per severity and per suggestion, not one per line (i18next's t is the slow part here)
  const severityNames = { error: t('check:report.severity.error'), warning: t('check:report.severity.warning') };
  const severityWidth = Math.max(severityNames.error.length, severityNames.warning.length);
  const suggestionLine = memoized((suggestion: string) => formatMessage('check:report.suggestion', { suggestion }));
  let ruleWidth = 0;
  for (const violation of report.violations) ruleWidth = Math.max(ruleWidth, violation.rule.length);
  for (const [file, violations] of byFile) {
    lines.push(file);
    const positions = violations.map((v) => `${file}:${v.line}:${v.column}`);
    const positionWidth = Math.max(...positions.map((p) => p.length));
    violations.forEach((violation, index) => {
      const severity = severityNames[violation.severity].padEnd(severityWidth);
      const rule = violation.rule.padEnd(ruleWidth);
      lines.push(`  ${positions[index]!.padEnd(positionWidth)}  ${severity}  ${rule}  ${violation.message}`);
      if (violation.suggestion !== undefined) {
        const indent = `  ${' '.repeat(positionWidth)}  ${' '.repeat(severityWidth)}  ${' '.repeat(ruleWidth)}  `;
        lines.push(`${indent}${suggestionLine(violation.suggestion)}`);
      }
    });
    lines.push('');
  }
  const counts = countBySeverity(report.violations);
  lines.push(
    report.violations.length === 0
      ? t('check:report.clean', { files: t('check:report.file', { count: report.files.length }) })
      : t('check:report.summary', {
          errors: t('check:report.error', { count: counts.error }),
          warnings: t('check:report.warning', { count: counts.warning }),
          files: t('check:report.file', { count: report.files.length }),
        }),
  );
  return `${lines.join('\n')}\n`;
}
