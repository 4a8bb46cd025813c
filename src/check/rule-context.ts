/**
 * What a rule sees and how it reports. A rule looks at one segment (source XML, target XML, state), one
 * block of segments (quotes), one translation unit (output file) or the termbase, and returns
 * violations as values, built with `report()`, which places them in the file they concern.
 */
import type { Lang } from '../languages.js';
import type { SegmentStatus } from '../memory/types.js';
import type { InlineTag, SegmentKind } from '../segments/types.js';
import type { TermMatch } from '../glossary/types.js';
import type { GlossaryIndex } from './glossary-index.js';
import type { TextView } from './text-view.js';
import type { RuleId, Violation, ViolationSeverity } from './types.js';
import type { MessageKey } from '../i18n/catalogs.js';

/** One segment as the rules see it: source and target side by side. */
export interface CheckedSegment {
  id: string;
  kind: SegmentKind;
  /** source text (XML); null in target-only mode */
  source: string | null;
  /** target text (XML in workspace mode, plain text for target-only plain files); null when untranslated */
  target: string | null;
  /** true when `target` is plain text, not XML (target-only mode on .txt files) */
  plainTarget?: boolean;
  /** inline tags of the source segment */
  tags: Record<string, InlineTag>;
  /** review state; null in target-only mode or when the state has no record */
  state: SegmentStatus | null;
  /** what produced the target (`deepl`, `pseudo`, `human`…); null when unknown */
  engine: string | null;
  flags: readonly string[];
  /** the target was edited by hand in the output file and the segment state does not record it yet */
  editedInOutput?: boolean;
  /** segments of one block (paragraph, heading, list item) share a key: quotes balance per block */
  block: string;
}

/** Where in a segment a violation is: offsets in the target text (XML offsets), or the segment start. */
export interface TargetSpan {
  start: number;
  end?: number;
}

export interface ReportInput {
  rule: RuleId;
  /** the segment concerned; null for a whole-file problem (placed at `at` offsets of the file or line 1) */
  segment: CheckedSegment | null;
  /** a span in the segment's target text; absent: the start of the segment */
  at?: TargetSpan;
  /** i18next key and parameters of the message */
  messageKey: MessageKey;
  params?: Record<string, unknown>;
  suggestion?: string;
  entryId?: string;
}

export interface RuleContext {
  mode: 'workspace' | 'target-only';
  sourceLang: Lang | null;
  targetLang: Lang;
  /** languages whose forms count as "left untranslated" in a target */
  sourceLanguages: readonly Lang[];
  glossary: GlossaryIndex;
  /** severity of a rule in this run ('off' rules are never asked to run) */
  severityOf(rule: RuleId): ViolationSeverity | 'off';
  /** a violation of `input.rule`, placed in the file it concerns, message translated */
  report(input: ReportInput): Violation;
  /** the plain view of a side of a segment (null when that side is null), built once per segment */
  view(segment: CheckedSegment, side: 'source' | 'target'): TextView | null;
  /** term matches of a segment, computed once and shared by the glossary rules */
  terms(segment: CheckedSegment): SegmentTerms;
}

/** Term matches of a segment; offsets are in the plain views (`ctx.view`) of the side they were found in. */
export interface SegmentTerms {
  /** source-language matches in the source (canonical + variants) */
  inSource: TermMatch[];
  /** target-side matches in the target: accepted forms (with derived forms) and forbidden forms */
  inTarget: TermMatch[];
  /** source-language forms of terms that must be translated, found in the target (not also accepted there) */
  leftUntranslated: TermMatch[];
}

/** A rule over one segment (most rules). */
export interface SegmentRule {
  id: RuleId;
  scope: 'segment';
  modes: ReadonlyArray<RuleContext['mode']>;
  check(segment: CheckedSegment, ctx: RuleContext): Violation[];
}

/** A rule over the segments of one block, in order (quotes). */
export interface BlockRule {
  id: RuleId;
  scope: 'block';
  modes: ReadonlyArray<RuleContext['mode']>;
  check(block: readonly CheckedSegment[], ctx: RuleContext): Violation[];
}

export type Rule = SegmentRule | BlockRule;
