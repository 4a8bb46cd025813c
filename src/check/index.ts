/** The public API of the check stage: re-exports only. */
export { checkWorkspace, loadCheckGlossary, selectTranslations, sortViolations, type WorkspaceCheckOptions } from './workspace.js';
export { checkTargetOnly, type TargetOnlyOptions } from './target-only.js';
export { checkTranslation, type CheckEnvironment, type TranslationInput } from './translation.js';
export { countBySeverity, failsAt, formatReport, reportFormats, type ReportFormat } from './reporters/index.js';
export { CHECK_REPORT_SCHEMA_VERSION } from './reporters/json.js';
export { defaultSeverities, resolveSeverities } from './severities.js';
export { createGlossaryIndex, type GlossaryIndex } from './glossary-index.js';
export { ruleIds, isRuleId, type CheckReport, type FailOn, type RuleId, type Violation, type ViolationSeverity } from './types.js';
