/**
 * The glossary module: termbase loading and lint, term matching, target-form checks, placeholder
 * protection for engines without glossary support, DeepL glossary sync, versioning of translated
 * segments. Re-exports only.
 */
export type { GlossaryEntry, GlossaryProblem, GlossaryUsage, TermMatch, TermType, Termbase } from './types.js';
export {
  listGlossaryFiles,
  loadWorkspaceTermbase,
  parseGlossaryFile,
  parseTermbaseTexts,
  readTermbaseFiles,
} from './load.js';
export type { EntryPositions, LoadedTermbase } from './load.js';
export { hasErrors, lintTermbase, type LintOptions } from './lint.js';
export {
  createTermMatcher,
  type FormKind,
  type MatchOptions,
  type TermMatcher,
  type TermMatcherOptions,
} from './matcher.js';
export {
  createForbiddenFormMatcher,
  createTargetFormMatcher,
  createUntranslatedTermMatcher,
  findTargetForms,
  type TargetFormsResult,
} from './target-forms.js';
export { acceptedFormsOf, forbiddenOf, formOf, isCaseSensitive, variantsOf } from './entry.js';
export { projectXml, type Projection } from './projection.js';
export {
  placeholderFlags,
  protectTerms,
  restoreTerms,
  translateWithPlaceholders,
  type PlaceholderProblem,
  type ProtectedBatchResult,
  type ProtectResult,
  type RestoreResult,
  type TermPlaceholder,
} from './placeholders.js';
export { changedEntriesIn, glossaryUsageFor } from './usage.js';
export { glossarySchema } from './schema.js';
export { formatProblem, lintWorkspaceTermbase, loadTermbase, type CheckedTermbase } from './workspace.js';
export {
  buildDictionaries,
  configuredPairs,
  glossaryIdFor,
  glossaryIdsFor,
  glossaryNameFor,
  readSyncState,
  syncDeepLGlossaries,
  syncStatePath,
  type DictionaryContent,
  type GlossarySyncClient,
  type SyncAction,
  type SyncResult,
  type SyncState,
} from './deepl-sync.js';
