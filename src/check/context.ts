/**
 * The RuleContext of one checked file: severities, glossary, the locator that places violations, and the
 * per-segment term analysis shared by the glossary rules.
 */
import path from 'node:path';
import type { Severity } from '../config/types.js';
import type { Lang } from '../languages.js';
import { t } from '../i18n/index.js';
import { formatMessage } from '../i18n/message-templates.js';
import type { MessageKey } from '../i18n/catalogs.js';
import type { GlossaryIndex } from './glossary-index.js';
import type { SegmentLocator } from './locate.js';
import type { CheckedSegment, Rule, RuleContext, SegmentTerms } from './rule-context.js';
import { analyseTerms } from './terms.js';
import { identityView, maskedView, textView, type TextView } from './text-view.js';
import type { RuleId, Violation } from './types.js';

/** How files are named in reports: relative to the workspace when inside it, else relative to cwd. */
export function displayPath(file: string, workspaceDir: string | null, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  if (workspaceDir !== null) {
    const inWorkspace = path.relative(workspaceDir, absolute);
    if (!inWorkspace.startsWith('..') && !path.isAbsolute(inWorkspace)) return inWorkspace.split(path.sep).join('/');
  }
  return path.relative(cwd, absolute).split(path.sep).join('/') || path.basename(absolute);
}

export interface FileContextInput {
  mode: RuleContext['mode'];
  sourceLang: Lang | null;
  targetLang: Lang;
  sourceLanguages: readonly Lang[];
  glossary: GlossaryIndex;
  severities: Readonly<Record<RuleId, Severity>>;
  locator: SegmentLocator;
  workspaceDir: string | null;
  cwd: string;
  /** the source article, for violations in its translation */
  sourceFile?: string;
  /** messages without parameters already translated in this run (shared by the files of one run) */
  plainMessages?: Map<MessageKey, string>;
}

/**
 * A file reports the same few files and, for most findings (not approved yet), the same few messages:
 * named and translated once per file (messages once per run when the run shares `plainMessages`).
 */
function reportNaming(input: FileContextInput): {
  shownFile: (file: string) => string;
  messageOf: (key: MessageKey, params: Record<string, unknown> | undefined) => string;
} {
  const shownFiles = new Map<string, string>();
  const shownFile = (file: string): string => {
    let shown = shownFiles.get(file);
    if (shown === undefined) {
      shown = displayPath(file, input.workspaceDir, input.cwd);
      shownFiles.set(file, shown);
    }
    return shown;
  };
  const plainMessages = input.plainMessages ?? new Map<MessageKey, string>();
  const messageOf = (key: MessageKey, params: Record<string, unknown> | undefined): string => {
    if (params !== undefined && Object.keys(params).length > 0) return formatMessage(key, params);
    let message = plainMessages.get(key);
    if (message === undefined) {
      message = t(key, {});
      plainMessages.set(key, message);
    }
    return message;
  };
  return { shownFile, messageOf };
}

export function createFileContext(input: FileContextInput): RuleContext {
  const termCache = new Map<CheckedSegment, SegmentTerms>();
  const viewCache = new Map<CheckedSegment, { source: TextView | null; target: TextView | null }>();
  const views = (segment: CheckedSegment): { source: TextView | null; target: TextView | null } => {
    let found = viewCache.get(segment);
    if (!found) {
      found = {
        source: segment.source === null ? null : maskedView(textView(segment.source)),
        target:
          segment.target === null
            ? null
            : maskedView(segment.plainTarget ? identityView(segment.target) : textView(segment.target)),
      };
      viewCache.set(segment, found);
    }
    return found;
  };
  const sourceFile =
    input.sourceFile === undefined ? undefined : displayPath(input.sourceFile, input.workspaceDir, input.cwd);
  const { shownFile, messageOf } = reportNaming(input);
  const ctx: RuleContext = {
    mode: input.mode,
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    sourceLanguages: input.sourceLanguages,
    glossary: input.glossary,
    severityOf: (rule) => input.severities[rule],
    view: (segment, side) => views(segment)[side],
    terms(segment) {
      let terms = termCache.get(segment);
      if (!terms) {
        const { source, target } = views(segment);
        terms = analyseTerms(source, target, input.glossary, {
          source: input.sourceLang,
          target: input.targetLang,
          untranslatedFrom: input.sourceLanguages,
          strictSpelling: input.mode === 'target-only',
        });
        termCache.set(segment, terms);
      }
      return terms;
    },
    report(report) {
      const severity = input.severities[report.rule];
      const placement = input.locator.place(report.segment?.id ?? null, report.at);
      const violation: Violation = {
        rule: report.rule,
        severity: severity === 'off' ? 'warning' : severity,
        file: shownFile(placement.file),
        line: placement.line,
        column: placement.column,
        segmentId: report.segment?.id ?? null,
        message: messageOf(report.messageKey, report.params),
      };
      if (placement.endLine !== undefined && placement.endColumn !== undefined) {
        violation.endLine = placement.endLine;
        violation.endColumn = placement.endColumn;
      }
      if (report.suggestion !== undefined) violation.suggestion = report.suggestion;
      if (sourceFile !== undefined && violation.file !== sourceFile) violation.sourceFile = sourceFile;
      if (input.mode === 'workspace') violation.targetLang = input.targetLang;
      if (report.entryId !== undefined) violation.entryId = report.entryId;
      return violation;
    },
  };
  return ctx;
}

/** Groups segments into blocks by their block key, in order of first appearance. */
export function blocksOf(segments: readonly CheckedSegment[]): CheckedSegment[][] {
  const blocks = new Map<string, CheckedSegment[]>();
  for (const segment of segments) {
    const block = blocks.get(segment.block);
    if (block) block.push(segment);
    else blocks.set(segment.block, [segment]);
  }
  return [...blocks.values()];
}

/** Runs every enabled rule of the mode over the segments of one file. */
export function runRules(rules: readonly Rule[], segments: readonly CheckedSegment[], ctx: RuleContext): Violation[] {
  const violations: Violation[] = [];
  const enabled = rules.filter((rule) => rule.modes.includes(ctx.mode) && ctx.severityOf(rule.id) !== 'off');
  const blocks = enabled.some((rule) => rule.scope === 'block') ? blocksOf(segments) : [];
  // most checks find nothing: nothing is spread or copied for them (a workspace runs ~900,000 of them)
  const add = (found: readonly Violation[]): void => {
    for (let index = 0; index < found.length; index++) violations.push(found[index]!);
  };
  for (const rule of enabled) {
    if (rule.scope === 'segment') for (const segment of segments) add(rule.check(segment, ctx));
    else for (const block of blocks) add(rule.check(block, ctx));
  }
  return violations;
}
