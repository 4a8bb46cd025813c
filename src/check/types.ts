/** Check contract: rules return violations as values; reporters turn them into text/json/junit/github/sarif. */
import type { Severity } from '../config/types.js';
import type { Lang } from '../languages.js';

export type ViolationSeverity = 'error' | 'warning';

export interface Violation {
  /** stable rule id, e.g. `glossary-term`, `quotes`, `numbers` */
  rule: string;
  severity: ViolationSeverity;
  /** file the violation concerns (relative to the workspace when inside it) */
  file: string;
  /** 1-based */
  line: number;
  column: number;
  segmentId: string | null;
  /** message in the UI language (through i18next) */
  message: string;
  suggestion?: string;
  /** 1-based end of the offending text (exclusive column) when the violation covers a span */
  endLine?: number;
  endColumn?: number;
  /** the source article (relative to the workspace) when `file` is its translation */
  sourceFile?: string;
  /** the target language of the translation concerned */
  targetLang?: Lang;
  /** the glossary entry concerned (glossary rules) */
  entryId?: string;
}

/** Every rule storyloc check knows, in the order reports list them. */
export const ruleIds = [
  'glossary-term',
  'forbidden-term',
  'untranslated-term',
  'do-not-translate',
  'numbers',
  'markup-parity',
  'quotes',
  'untranslated-segment',
  'not-approved',
  'flagged-segment',
  'output-sync',
  'glossary-lint',
] as const;

export type RuleId = (typeof ruleIds)[number];

export function isRuleId(value: string): value is RuleId {
  return (ruleIds as readonly string[]).includes(value);
}

/** What a check run produced: violations in report order, plus what was looked at. */
export interface CheckReport {
  violations: Violation[];
  /** files checked (translations, or target-only files), relative to the workspace when inside it */
  files: string[];
  /** severity each rule ran with (`off` rules did not run) */
  severities: Record<RuleId, Severity>;
  /** `workspace`: translations against sources; `target-only`: plain target files */
  mode: 'workspace' | 'target-only';
}

export type FailOn = ViolationSeverity;
