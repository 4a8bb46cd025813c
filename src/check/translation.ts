/**
 * Checking one translation: an article, one target language, its segment state and its output file.
 *
 * The targets come from the segment state (what review approved is what is checked), and the output file
 * is the reassembly of those targets; violations are then placed in the output file exactly (locate.ts).
 * A pull request, though, often edits the output file itself: edits to the translated text are read the
 * way `storyloc translate` will record them (human-edits.ts) and checked as the targets, each edited
 * segment reported as not approved yet; an edit that breaks the source's markup is a markup-parity
 * violation, one that breaks its structure or front matter, or an output that is missing or out of date,
 * is `output-sync`.
 */
import { shownTarget } from '../memory/segment-life.js';
import type { Severity } from '../config/types.js';
import type { MessageKey } from '../i18n/catalogs.js';
import type { Lang } from '../languages.js';
import type { ArticleState, SegmentRecord } from '../memory/types.js';
import type { Article, Segment } from '../segments/types.js';
import { reassembleArticlePieces, TagMismatchError } from '../reassembly/reassemble.js';
import { detectHumanEdits, expectedOutput, type StructureBreak } from '../reassembly/human-edits.js';
import { sameTags } from '../segments/xml.js';
import { fileHash } from '../memory/records.js';
import { createFileContext, displayPath, runRules } from './context.js';
import type { GlossaryIndex } from './glossary-index.js';
import { lineColumnAt } from '../text/positions.js';
import { createOutputLocator, firstDifference, type Reassemble, type SegmentLocator } from './locate.js';
import type { CheckedSegment, RuleContext } from './rule-context.js';
import { segmentAndBlockRules } from './rules/index.js';
import type { RuleId, Violation } from './types.js';

export interface TranslationInput {
  article: Article;
  targetLang: Lang;
  /** null: the article was never translated into `targetLang` */
  state: ArticleState | null;
  outputPath: string;
  /** null: no output file */
  outputText: string | null;
}

export interface CheckEnvironment {
  glossary: GlossaryIndex;
  severities: Readonly<Record<RuleId, Severity>>;
  sourceLanguages: readonly Lang[];
  workspaceDir: string | null;
  cwd: string;
  reassemble: Reassemble;
  /** messages without parameters, translated once per run (see createFileContext) */
  plainMessages?: Map<MessageKey, string>;
}

/** a blank line (possibly with container prefixes) separates blocks */
const BLANK_LINE = /\n[ \t>]*\n/;

/**
 * Block keys: consecutive top-level segments of the same structure and block text, with no blank line
 * between them, are sentences of one block. Nested segments (alt text, titles) are blocks of their own.
 */
export function blockKeys(article: Article): Map<string, string> {
  const keys = new Map<string, string>();
  let previous: Segment | undefined;
  let key = '';
  for (const segment of article.segments) {
    if (segment.parentId !== undefined) {
      keys.set(segment.id, `nested:${segment.id}`);
      continue;
    }
    const sameBlock =
      previous !== undefined &&
      previous.structure === segment.structure &&
      previous.context === segment.context &&
      previous.frontMatterKey === undefined &&
      segment.frontMatterKey === undefined &&
      previous.end <= segment.start &&
      !BLANK_LINE.test(article.source.slice(previous.end, segment.start));
    if (!sameBlock) key = `block:${segment.id}`;
    keys.set(segment.id, key);
    previous = segment;
  }
  return keys;
}

/** Source segments paired with their records. */
export function pairSegments(article: Article, state: ArticleState | null): CheckedSegment[] {
  const records = new Map<string, SegmentRecord>((state?.segments ?? []).map((record) => [record.id, record]));
  const blocks = blockKeys(article);
  return article.segments.map((segment) => {
    const record = records.get(segment.id);
    return {
      id: segment.id,
      kind: segment.kind,
      source: segment.text,
      // what the output shows: a stale segment waiting for its new translation keeps the previous one
      target: record ? shownTarget(record) : null,
      tags: segment.tags,
      state: record?.state ?? null,
      engine: record?.engine ?? null,
      flags: record?.flags ?? [],
      block: blocks.get(segment.id) ?? segment.id,
    };
  });
}

/** The output these targets give, as reassembly pieces; null when tags make it impossible. */
function render(input: TranslationInput, targets: ReadonlyMap<string, string>): string[] | null {
  try {
    return reassembleArticlePieces(input.article, targets, input.targetLang);
  } catch (error) {
    // a target whose tags do not fit its source: markup-parity reports the segment itself
    if (error instanceof TagMismatchError) return null;
    throw error;
  }
}

/** What the output file says about the targets: written by storyloc, edited by hand, or neither. */
type OutputReading =
  /** the output is the rendering of `targets` (so violations can be placed in it exactly), in `pieces` */
  | { status: 'inSync'; targets: Map<string, string>; pieces: string[] }
  /** a translator edited the text of segments: `edits` (segment id → target XML) make it the rendering of `targets` */
  | { status: 'edited'; targets: Map<string, string>; edits: Map<string, string> }
  /** edited in a way storyloc translate refuses: markup, structure or front matter changed */
  | {
      status: 'broken';
      targets: Map<string, string>;
      reason: StructureBreak;
      segmentId?: string;
      line: number;
      column: number;
    }
  /** missing, or not rewritten since the state changed: `expected` is what the state gives, when it renders */
  | { status: 'differs'; targets: Map<string, string>; expected: string | null };

/**
 * Reads the output file against the state. The pipeline writes the source text for a target whose tags
 * do not fit (persist.ts), so both renderings count as written by storyloc. Anything else is read the
 * way `storyloc translate` reads it (human-edits.ts): a pull request edits output/…, not the state, so
 * edits to the text of segments are checked as the new targets, and a broken edit is named for what it
 * broke.
 */
function readOutput(input: TranslationInput, all: Map<string, string>): OutputReading {
  const expectedPieces = render(input, all);
  const expected = expectedPieces === null ? null : expectedPieces.join('');
  const output = input.outputText;
  if (output !== null && expected === output) return { status: 'inSync', targets: all, pieces: expectedPieces! };
  const sources = new Map(input.article.segments.map((segment) => [segment.id, segment.text]));
  const written = new Map([...all].filter(([id, target]) => sameTags(sources.get(id) ?? '', target)));
  const writtenPieces = written.size === all.size ? expectedPieces : render(input, written);
  const writtenExpected = writtenPieces === null ? null : writtenPieces.join('');
  if (output !== null && writtenExpected === output)
    return { status: 'inSync', targets: written, pieces: writtenPieces! };
  const shown = expected ?? writtenExpected;
  // a source edited since the translation: the output is out of date, not edited (translate rewrites it)
  const sourceChanged = input.state !== null && input.state.sourceFileHash !== fileHash(input.article.source);
  if (output === null || writtenExpected === null || sourceChanged)
    return { status: 'differs', targets: all, expected: shown };
  const detection = detectHumanEdits(input.article, written, input.targetLang, output);
  if (detection.status === 'broken') {
    const at = brokenPlace(input.article, written, input.targetLang, output, writtenExpected, detection);
    const segmentId = detection.segmentId === undefined ? {} : { segmentId: detection.segmentId };
    return { status: 'broken', targets: all, reason: detection.reason, line: at.line, column: at.column, ...segmentId };
  }
  if (detection.status !== 'edited') return { status: 'differs', targets: all, expected: shown };
  const edits = new Map(detection.edits.map((edit) => [edit.segmentId, edit.target]));
  return { status: 'edited', targets: new Map([...written, ...edits]), edits };
}

/**
 * Where a broken edit is shown. Detection stops where it could no longer match the source's markup,
 * which may be after the change (a removed `**` is noticed at the next one); the first changed byte is
 * the change itself, unless an earlier segment was edited too. So: the first change when no segment
 * before the broken one changed, else where detection stopped.
 */
function brokenPlace(
  article: Article,
  targets: ReadonlyMap<string, string>,
  targetLang: Lang,
  output: string,
  expected: string,
  detection: { line: number; column: number; segmentId?: string },
): { line: number; column: number } {
  const changed = firstDifference(output, expected);
  const byId = new Map(article.segments.map((segment) => [segment.id, segment]));
  let segment = detection.segmentId === undefined ? undefined : byId.get(detection.segmentId);
  while (segment?.parentId !== undefined) segment = byId.get(segment.parentId);
  const span =
    segment === undefined
      ? undefined
      : expectedOutput(article, targets, targetLang).spans.find((candidate) => candidate.segment.id === segment.id);
  // a refused reassembly knows no place
  const stopped = detection.line === 1 && detection.column === 1 ? null : detection;
  if (stopped === null || (span !== undefined && changed >= span.start)) {
    const first = lineColumnAt(output, changed);
    if (stopped === null || first.line < stopped.line || (first.line === stopped.line && first.column < stopped.column))
      return first;
  }
  return stopped ?? lineColumnAt(output, changed);
}

const brokenMessageKeys: Record<StructureBreak, MessageKey> = {
  frontMatter: 'check:message.outputFrontMatter',
  structure: 'check:message.outputStructure',
  markup: 'check:message.outputMarkup',
  outputEmpty: 'check:message.outputEmpty',
  outputNotText: 'check:message.outputNotText',
};

/** What `storyloc translate` will record: the translator's text, edited by a human, not approved yet. */
function withOutputEdits(segments: CheckedSegment[], edits: ReadonlyMap<string, string>): CheckedSegment[] {
  return segments.map((segment) => {
    const target = edits.get(segment.id);
    return target === undefined
      ? segment
      : { ...segment, target, state: 'edited', engine: 'human', flags: [], editedInOutput: true };
  });
}

/** The one violation of an article never translated (none when the rule is off). */
function articleUntranslated(ctx: RuleContext, env: CheckEnvironment, targetLang: Lang): Violation[] {
  if (env.severities['untranslated-segment'] === 'off') return [];
  const params = { lang: targetLang };
  const messageKey = 'check:message.articleUntranslated';
  return [ctx.report({ rule: 'untranslated-segment', segment: null, messageKey, params })];
}

export function checkTranslation(input: TranslationInput, env: CheckEnvironment): Violation[] {
  const { article, targetLang, state, outputText } = input;
  let segments = pairSegments(article, state);
  const stateTargets = new Map<string, string>();
  for (const segment of segments) if (segment.target !== null) stateTargets.set(segment.id, segment.target);

  const reading = state === null || state.segments.length === 0 ? null : readOutput(input, stateTargets);
  if (reading?.status === 'edited') segments = withOutputEdits(segments, reading.edits);
  const locator: SegmentLocator = createOutputLocator({
    article,
    targets: reading?.targets ?? stateTargets,
    targetLang,
    outputPath: input.outputPath,
    outputText: outputText ?? '',
    inSync: reading !== null && (reading.status === 'inSync' || reading.status === 'edited'),
    reassemble: env.reassemble,
    ...(reading?.status === 'inSync' ? { rendering: reading.pieces } : {}),
  });
  const ctx = createFileContext({
    mode: 'workspace',
    sourceLang: article.lang,
    targetLang,
    sourceLanguages: env.sourceLanguages,
    glossary: env.glossary,
    severities: env.severities,
    locator,
    workspaceDir: env.workspaceDir,
    cwd: env.cwd,
    sourceFile: article.path,
    ...(env.plainMessages === undefined ? {} : { plainMessages: env.plainMessages }),
  });

  const violations: Violation[] = [];
  // never translated: one violation for the article rather than one per sentence
  if (reading === null) return articleUntranslated(ctx, env, targetLang);

  const inOutput = (violation: Violation, at: { line: number; column: number }): Violation => ({
    ...violation,
    file: displayPath(input.outputPath, env.workspaceDir, env.cwd),
    line: at.line,
    column: at.column,
    sourceFile: displayPath(article.path, env.workspaceDir, env.cwd),
  });
  if (reading.status === 'broken') {
    // markup changed by hand is a markup-parity problem; structure and front matter keep the output from syncing
    const rule = reading.reason === 'markup' ? 'markup-parity' : 'output-sync';
    if (env.severities[rule] !== 'off') {
      const segment = segments.find((candidate) => candidate.id === reading.segmentId) ?? null;
      violations.push(
        inOutput(ctx.report({ rule, segment, messageKey: brokenMessageKeys[reading.reason], params: {} }), reading),
      );
    }
  } else if (env.severities['output-sync'] !== 'off' && reading.status === 'differs') {
    if (outputText === null) {
      violations.push(
        inOutput(
          ctx.report({ rule: 'output-sync', segment: null, messageKey: 'check:message.outputMissing', params: {} }),
          { line: 1, column: 1 },
        ),
      );
    } else if (reading.expected !== null) {
      // placed in the output file at the first byte that differs from what the state gives
      violations.push(
        inOutput(
          ctx.report({ rule: 'output-sync', segment: null, messageKey: 'check:message.outputDiffers', params: {} }),
          lineColumnAt(outputText, firstDifference(outputText, reading.expected)),
        ),
      );
    }
  }
  violations.push(...runRules(segmentAndBlockRules, segments, ctx));
  return violations;
}
