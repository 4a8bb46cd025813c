/**
 * Checking one translation: an article, one target language, its segment state and its output file.
 *
 * The targets come from the segment state (what review approved is what is checked); the output file
 * must be the reassembly of those targets, which `output-sync` verifies, and then violations are placed
 * in the output file exactly (see locate.ts).
 */
import type { Severity } from '../config/types.js';
import type { Lang } from '../languages.js';
import type { ArticleState, SegmentRecord } from '../memory/types.js';
import type { Article, Segment } from '../segments/types.js';
import { TagMismatchError } from '../reassembly/reassemble.js';
import { createFileContext, displayPath, runRules } from './context.js';
import type { GlossaryIndex } from './glossary-index.js';
import { createOutputLocator, firstDifference, lineColumnAt, type Reassemble, type SegmentLocator } from './locate.js';
import type { CheckedSegment } from './rule-context.js';
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
      target: record?.target ?? null,
      tags: segment.tags,
      state: record?.state ?? null,
      engine: record?.engine ?? null,
      flags: record?.flags ?? [],
      block: blocks.get(segment.id) ?? segment.id,
    };
  });
}

/** The output an up-to-date pipeline would have written for these targets; null when tags make it impossible. */
function expectedOutput(input: TranslationInput, targets: ReadonlyMap<string, string>, reassemble: Reassemble): string | null {
  try {
    return reassemble(input.article, targets, input.targetLang);
  } catch (error) {
    // a target whose tags do not fit its source: markup-parity reports the segment itself
    if (error instanceof TagMismatchError) return null;
    throw error;
  }
}

export function checkTranslation(input: TranslationInput, env: CheckEnvironment): Violation[] {
  const { article, targetLang, state, outputText } = input;
  const segments = pairSegments(article, state);
  const targets = new Map<string, string>();
  for (const segment of segments) if (segment.target !== null) targets.set(segment.id, segment.target);

  const expected = expectedOutput(input, targets, env.reassemble);
  const inSync = expected !== null && outputText !== null && expected === outputText;
  const locator: SegmentLocator = createOutputLocator({
    article,
    targets,
    targetLang,
    outputPath: input.outputPath,
    outputText: outputText ?? '',
    inSync,
    reassemble: env.reassemble,
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
  });

  const violations: Violation[] = [];
  if (state === null || state.segments.length === 0) {
    // never translated: one violation for the article rather than one per sentence
    if (env.severities['untranslated-segment'] !== 'off') {
      violations.push(ctx.report({ rule: 'untranslated-segment', segment: null, messageKey: 'check:message.articleUntranslated', params: { lang: targetLang } }));
    }
    return violations;
  }

  if (env.severities['output-sync'] !== 'off' && expected !== null && !inSync) {
    if (outputText === null) {
      violations.push(ctx.report({ rule: 'output-sync', segment: null, messageKey: 'check:message.outputMissing', params: {} }));
    } else {
      // placed in the output file at the first byte that differs from what the state gives
      const at = lineColumnAt(outputText, firstDifference(outputText, expected));
      const violation = ctx.report({ rule: 'output-sync', segment: null, messageKey: 'check:message.outputDiffers', params: {} });
      violations.push({ ...violation, file: displayPath(input.outputPath, env.workspaceDir, env.cwd), line: at.line, column: at.column });
    }
  }
  violations.push(...runRules(segmentAndBlockRules, segments, ctx));
  return violations;
}
