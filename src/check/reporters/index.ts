/** Report formats of `storyloc check`. */
import type { DisplayPathBase } from '../../display-path.js';
import type { CheckReport } from '../types.js';
import { formatGithub } from './github.js';
import { formatJson, jsonPieces } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif, sarifPieces } from './sarif.js';
import { formatText } from './text.js';

export const reportFormats = ['text', 'json', 'junit', 'github', 'sarif'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/**
 * `paths`: the current folder and workspace, for the text report, which names files relative to the
 * current folder; the CI formats keep workspace-relative paths (CI tools resolve them from the root).
 */
export function formatReport(report: CheckReport, format: ReportFormat, paths?: Required<DisplayPathBase>): string {
  switch (format) {
    case 'text':
      return formatText(report, paths);
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report);
    case 'github':
      return formatGithub(report);
    case 'sarif':
      return formatSarif(report);
  }
}

/**
 * The report in pieces that join to `formatReport`: the CLI writes them one by one, so a report of every
 * location on a big workspace (json, sarif) is never one string in memory.
 */
export function* reportPieces(
  report: CheckReport,
  format: ReportFormat,
  paths?: Required<DisplayPathBase>,
): Generator<string> {
  if (format === 'json') yield* jsonPieces(report);
  else if (format === 'sarif') yield* sarifPieces(report);
  else yield formatReport(report, format, paths);
}

export { failsAt } from './summary.js';
