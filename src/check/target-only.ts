/**
 * `storyloc check --target-only --lang it FILE…`: text in the target language with no source (an agency
 * copy, an old article). Only the rules that need no source run: untranslated-term, forbidden-term and
 * quotes.
 *
 * Markdown files (.md, .markdown) go through the article parser, so code spans, URLs and HTML are out
 * of the text as in a translation. Any other file is plain text: a paragraph is a run of non-blank
 * lines; URLs and code spans typed as text are masked by the rules' views (text-view.ts), so a term inside
 * a URL ("…/queen-of-tears") is never reported.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { inputError } from '../errors.js';
import type { Lang } from '../languages.js';
import { decodeArticleBytes } from '../articles/list.js';
import { parseArticle } from '../articles/read.js';
import { reassembleArticle } from '../reassembly/reassemble.js';
import { createFileContext, displayPath, runRules } from './context.js';
import type { GlossaryIndex } from './glossary-index.js';
import { createIdentityLocator, createPlainLocator, type Reassemble, type SegmentLocator } from './locate.js';
import type { CheckedSegment } from './rule-context.js';
import { segmentAndBlockRules } from './rules/index.js';
import { glossaryLintViolations } from './rules/glossary-lint.js';
import { resolveSeverities } from './severities.js';
import { blockKeys } from './translation.js';
import { loadCheckGlossary, sortViolations } from './workspace.js';
import type { CheckReport, Violation } from './types.js';

export interface TargetOnlyOptions {
  config: ResolvedConfig;
  cwd: string;
  files: readonly string[];
  lang: Lang;
  glossary?: GlossaryIndex;
  reassemble?: Reassemble;
}

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);
/** Paragraphs of a plain-text file: runs of non-blank lines, with their offsets. */
export function plainParagraphs(text: string): Array<{ start: number; text: string }> {
  const paragraphs: Array<{ start: number; text: string }> = [];
  const pattern = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (const match of text.matchAll(pattern)) paragraphs.push({ start: match.index, text: match[0] });
  return paragraphs;
}

function readText(file: string, given: string): string {
  try {
    if (statSync(file).isDirectory())
      throw inputError('check.isDirectory', 'check:error.isDirectory', { file: given }, { file: given });
    return decodeArticleBytes(readFileSync(file), given);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw inputError('check.notFound', 'check:error.notFound', { file: given }, { file: given });
    throw error;
  }
}

export function checkTargetOnly(options: TargetOnlyOptions): CheckReport {
  const { config, cwd, lang } = options;
  if (options.files.length === 0)
    throw inputError('check.targetOnlyNeedsFiles', 'check:error.targetOnlyNeedsFiles', {});
  const severities = resolveSeverities(config.check.severities, config.configFile);
  const glossary = options.glossary ?? loadCheckGlossary(config);
  const reassemble = options.reassemble ?? reassembleArticle;
  const workspaceDir = config.configFile === null ? null : config.workspaceDir;
  const violations: Violation[] = glossaryLintViolations(
    glossary.problems,
    severities['glossary-lint'],
    workspaceDir,
    cwd,
  );
  const files: string[] = [];
  for (const given of options.files) {
    const absolute = path.resolve(cwd, given);
    const text = readText(absolute, given);
    files.push(displayPath(absolute, workspaceDir, cwd));
    let segments: CheckedSegment[];
    let locator: SegmentLocator;
    if (MARKDOWN_EXTENSIONS.has(path.extname(absolute).toLowerCase())) {
      const article = parseArticle({
        path: absolute,
        relativePath: path.basename(absolute),
        lang,
        text,
        frontMatterKeys: config.frontMatterKeys,
        limits: config.limits,
      });
      const blocks = blockKeys(article);
      segments = article.segments.map((segment) => ({
        id: segment.id,
        kind: segment.kind,
        source: null,
        target: segment.text,
        tags: segment.tags,
        state: null,
        engine: null,
        flags: [],
        block: blocks.get(segment.id) ?? segment.id,
      }));
      locator = createIdentityLocator(article, reassemble);
    } else {
      const paragraphs = plainParagraphs(text);
      const starts = new Map<string, number>();
      segments = paragraphs.map((paragraph, index) => {
        const id = `p${index + 1}`;
        starts.set(id, paragraph.start);
        return {
          id,
          kind: 'paragraph',
          source: null,
          target: paragraph.text,
          plainTarget: true,
          tags: {},
          state: null,
          engine: null,
          flags: [],
          block: id,
        };
      });
      locator = createPlainLocator(absolute, text, starts);
    }
    const ctx = createFileContext({
      mode: 'target-only',
      sourceLang: null,
      targetLang: lang,
      sourceLanguages: config.sourceLanguages,
      glossary,
      severities,
      locator,
      workspaceDir,
      cwd,
    });
    violations.push(...runRules(segmentAndBlockRules, segments, ctx));
  }
  return { violations: sortViolations(violations), files, severities, mode: 'target-only' };
}
