/** Report formats of `storyloc check`. */
import type { DisplayPathBase } from '../../display-path.js';
import type { CheckReport } from '../types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
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

export { failsAt } from './summary.js';
