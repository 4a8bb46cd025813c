/** Report formats of `storyloc check`. */
import type { CheckReport } from '../types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const reportFormats = ['text', 'json', 'junit', 'github', 'sarif'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export function formatReport(report: CheckReport, format: ReportFormat): string {
  switch (format) {
    case 'text':
      return formatText(report);
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
