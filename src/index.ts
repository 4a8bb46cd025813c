/**
 * storyloc as a library: `import { … } from 'storyloc'`. Re-exports only; the CLI (src/cli/) is a thin
 * layer over these functions. Every function that can fail on input throws StorylocError with a code
 * from the catalogue (`errorCodes`) whose message is `t(error.messageKey, error.params)`.
 */

// workspace and configuration
export { findWorkspace, loadConfig, parseConfig, CONFIG_FILE_NAME } from './config/load.js';
export type { ResolvedConfig } from './config/types.js';
export { supportedLanguages, isSupportedLanguage, type Lang, type LanguagePair } from './languages.js';

// translate a workspace (read → segment → plan → memory → engine queue → apply → write)
export { translateWorkspace, summaryToJson, type TranslateOptions, type TranslateSummary } from './translate/index.js';

// engines: the interface a custom engine implements, and the built-in ones by name
export type { Engine, EngineFailureKind, TranslateBatchRequest, TranslateBatchResult } from './engines/types.js';
export { EngineError } from './engines/types.js';
export { createEngine, engineNames, selectEngine } from './engines/select.js';

// segment and reassemble one file
export { parseArticle, readArticleFile, type ParseArticleInput, type ParsedArticle } from './articles/read.js';
export { reassembleArticle, roundtripDifference } from './reassembly/reassemble.js';
export type { Article, InlineTag, Segment, SegmentKind } from './segments/types.js';

// check
export {
  checkTargetOnly,
  checkWorkspace,
  formatReport,
  reportFormats,
  type CheckReport,
  type Violation,
} from './check/index.js';
export type { ReportFormat, TargetOnlyOptions, WorkspaceCheckOptions } from './check/index.js';

// interchange: XLIFF 1.2 and TMX 1.4
export {
  exportWorkspace,
  importWorkspace,
  type ExportOptions,
  type ExportResult,
  type ImportOptions,
  type ImportResult,
} from './interchange/workspace.js';
export { exportXliff, parseXliff } from './interchange/xliff.js';
export { exportTmx, parseTmx } from './interchange/tmx.js';

// errors and messages
export { StorylocError, inputError, formatPosition, type SourcePosition } from './errors.js';
export { errorCodes, ExitCode, type ErrorCode } from './error-codes.js';
export { initI18n, t, type MessageKey, type UiLanguage } from './i18n/index.js';
