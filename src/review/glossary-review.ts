/**
 * Glossary findings for review and approval. Whether a term is respected is decided by `storyloc
 * check`'s own glossary rules (glossary-term, forbidden-term, untranslated-term, do-not-translate, with
 * the workspace's severities), run on the one segment: approval refuses exactly what the check would
 * report, so a segment approved here never fails CI on a glossary rule, and nothing the check accepts
 * is refused here. This module only turns the check's term analysis into what review shows: each term
 * found in the source, the target form found (or the forbidden / untranslated form found instead), and
 * the positions to highlight.
 *
 * A term that is not in the source but is wrong in the target (the English title left in an Italian
 * sentence that does not translate it, a forbidden form) is a finding too, without source positions.
 *
 * Offsets are in the plain view of the segment XML (tags dropped, a standalone tag counts as one
 * character, entities decoded), which is what the page highlights.
 */
import type { Severity } from '../config/types.js';
import type { Lang } from '../languages.js';
import { acceptedFormsOf } from '../glossary/entry.js';
import type { Termbase, TermMatch } from '../glossary/types.js';
import { createFileContext, runRules } from '../check/context.js';
import { createGlossaryIndex, type GlossaryIndex } from '../check/glossary-index.js';
import type { CheckedSegment, Rule } from '../check/rule-context.js';
import { doNotTranslateRule } from '../check/rules/do-not-translate.js';
import { forbiddenTermRule } from '../check/rules/forbidden-term.js';
import { glossaryTermRule } from '../check/rules/glossary-term.js';
import { untranslatedTermRule } from '../check/rules/untranslated-term.js';
import { defaultSeverities } from '../check/severities.js';
import { termText } from '../check/terms.js';
import type { RuleId, ViolationSeverity } from '../check/types.js';
import type { SegmentTermChecker, TermFinding } from './term-findings.js';
import type { SegmentRecord } from '../memory/types.js';

/** The check's rules about glossary terms in one segment (glossary-lint is about the termbase itself). */
export const glossaryRules: readonly Rule[] = [
  glossaryTermRule,
  forbiddenTermRule,
  untranslatedTermRule,
  doNotTranslateRule,
];

export interface GlossaryReviewOptions {
  /** languages whose forms count as left untranslated in a target (the check uses the configured source languages) */
  sourceLanguages?: readonly Lang[];
  /** rule severities as `storyloc check` resolves them from the config; default: the check's defaults */
  severities?: Readonly<Record<RuleId, Severity>>;
}

/** Nothing is placed in a file here: the review shows findings on the segment itself. */
const noPlacement = { place: () => ({ file: '', line: 1, column: 1 }) };

/** What the check found in one segment, grouped by entry, for turning into findings. */
interface SegmentAnalysis {
  glossary: GlossaryIndex;
  targetLang: Lang;
  /** the worst severity the check gives each entry in this segment: an entry with none is respected */
  problems: Map<string, ViolationSeverity>;
  targetText: string | null;
  accepted: Map<string, TermMatch[]>;
  forbidden: Map<string, TermMatch[]>;
  leftovers: Map<string, TermMatch[]>;
}

function checkedSegmentOf(record: Pick<SegmentRecord, 'source' | 'target'>): CheckedSegment {
  return {
    id: 'review',
    kind: 'paragraph',
    source: record.source,
    target: record.target,
    tags: {},
    state: null,
    engine: null,
    flags: [],
    block: 'review',
  };
}

function byEntry(matches: readonly TermMatch[]): Map<string, TermMatch[]> {
  const grouped = new Map<string, TermMatch[]>();
  for (const match of matches) {
    const list = grouped.get(match.entryId) ?? [];
    // `overlaps: all` reports a derived and a plain form at one place; count each place once.
    if (!list.some((m) => m.start === match.start)) list.push(match);
    grouped.set(match.entryId, list);
  }
  return grouped;
}

const sliceOf = (analysis: SegmentAnalysis, match: { start: number; end: number }): string =>
  analysis.targetText === null ? '' : analysis.targetText.slice(match.start, match.end);

/** A do-not-translate name written with other capitals ("TVN" for "tvN"), found as the check finds it. */
function otherCapitals(analysis: SegmentAnalysis, entryId: string): { start: number; end: number } | undefined {
  const entry = analysis.glossary.entry(entryId);
  const expected = entry?.doNotTranslate ? analysis.glossary.formIn(entry, analysis.targetLang) : undefined;
  if (expected === undefined || analysis.targetText === null) return undefined;
  const at = analysis.targetText.toLowerCase().indexOf(expected.toLowerCase());
  return at < 0 ? undefined : { start: at, end: at + expected.length };
}

/** Adds to a finding what is wrong in the target (forbidden, left untranslated, miswritten) and where. */
function describe(
  analysis: SegmentAnalysis,
  finding: TermFinding,
  entryId: string,
  found: TermMatch | undefined,
): TermFinding {
  const severity = analysis.problems.get(entryId);
  const badForm = severity === undefined ? undefined : analysis.forbidden.get(entryId)?.[0];
  const leftover = severity === undefined || badForm ? undefined : analysis.leftovers.get(entryId)?.[0];
  const miswritten = severity === undefined || badForm || leftover ? undefined : otherCapitals(analysis, entryId);
  const highlighted = badForm ?? leftover ?? miswritten ?? found;
  if (highlighted && analysis.targetText !== null) {
    finding.targetStart = highlighted.start;
    finding.targetEnd = highlighted.end;
  }
  if (badForm) finding.forbidden = sliceOf(analysis, badForm);
  else if (miswritten) finding.forbidden = sliceOf(analysis, miswritten);
  if (leftover) finding.untranslated = sliceOf(analysis, leftover);
  if (severity !== undefined) finding.severity = severity;
  return finding;
}

/** One finding per term of the source, the n-th occurrence paired with the n-th accepted form in the target. */
function sourceTermFindings(
  analysis: SegmentAnalysis,
  inSource: readonly TermMatch[],
  translated: boolean,
): TermFinding[] {
  const findings: TermFinding[] = [];
  const seen = new Map<string, number>();
  for (const match of inSource) {
    const entry = analysis.glossary.entry(match.entryId);
    // an entry with no form in the target language cannot be enforced (glossary lint reports it)
    if (!entry || analysis.glossary.formIn(entry, analysis.targetLang) === undefined) continue;
    const occurrence = seen.get(entry.id) ?? 0;
    seen.set(entry.id, occurrence + 1);
    const candidates = analysis.accepted.get(entry.id) ?? [];
    const found = candidates[occurrence] ?? candidates[0];
    const term = termText(match);
    const finding: TermFinding = {
      entryId: entry.id,
      sourceSurface: term,
      sourceStart: match.start,
      sourceEnd: match.start + term.length,
      expected: acceptedFormsOf(entry, analysis.targetLang),
      found: found ? sliceOf(analysis, found) : null,
      // an untranslated segment respects no term (the check has nothing to say about it)
      respected: translated && !analysis.problems.has(entry.id),
    };
    findings.push(describe(analysis, finding, entry.id, found));
  }
  return findings;
}

/** Problems of terms the source does not name: a forbidden or untranslated form in the target. */
function targetOnlyFindings(analysis: SegmentAnalysis, shown: ReadonlySet<string>): TermFinding[] {
  const findings: TermFinding[] = [];
  for (const entryId of analysis.problems.keys()) {
    if (shown.has(entryId)) continue;
    const entry = analysis.glossary.entry(entryId);
    const match = analysis.forbidden.get(entryId)?.[0] ?? analysis.leftovers.get(entryId)?.[0];
    if (!entry || !match) continue;
    const finding: TermFinding = {
      entryId,
      sourceSurface: termText(match),
      expected: acceptedFormsOf(entry, analysis.targetLang),
      found: null,
      respected: false,
    };
    findings.push(describe(analysis, finding, entryId, undefined));
  }
  return findings;
}

export function createGlossaryReviewer(
  termbase: Termbase,
  sourceLang: Lang,
  targetLang: Lang,
  options: GlossaryReviewOptions = {},
): SegmentTermChecker {
  if (termbase.entries.length === 0) return () => [];
  const glossary = createGlossaryIndex(termbase);
  const severities = options.severities ?? defaultSeverities;
  const sourceLanguages = options.sourceLanguages ?? [sourceLang];

  return (record) => {
    const segment = checkedSegmentOf(record);
    const ctx = createFileContext({
      mode: 'workspace',
      sourceLang,
      targetLang,
      sourceLanguages,
      glossary,
      severities,
      locator: noPlacement,
      workspaceDir: null,
      cwd: '/',
    });
    const problems = new Map<string, ViolationSeverity>();
    for (const violation of runRules(glossaryRules, [segment], ctx)) {
      if (violation.entryId === undefined) continue;
      if (problems.get(violation.entryId) !== 'error') problems.set(violation.entryId, violation.severity);
    }
    const terms = ctx.terms(segment);
    const analysis: SegmentAnalysis = {
      glossary,
      targetLang,
      problems,
      targetText: ctx.view(segment, 'target')?.text ?? null,
      accepted: byEntry(terms.inTarget.filter((match) => match.matchedAs !== 'forbidden')),
      forbidden: byEntry(terms.inTarget.filter((match) => match.matchedAs === 'forbidden')),
      leftovers: byEntry(terms.leftUntranslated),
    };
    const findings = sourceTermFindings(analysis, terms.inSource, record.target !== null);
    return [...findings, ...targetOnlyFindings(analysis, new Set(findings.map((finding) => finding.entryId)))];
  };
}
