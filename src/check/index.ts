/** The public API of the check stage (what src/index.ts offers): re-exports only. */
export { checkWorkspace, type WorkspaceCheckOptions } from './workspace.js';
export { checkTargetOnly, type TargetOnlyOptions } from './target-only.js';
export { formatReport, reportFormats, type ReportFormat } from './reporters/index.js';
export type { CheckReport, Violation } from './types.js';
