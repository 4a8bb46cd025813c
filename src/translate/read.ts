/**
 * The read stage: what the run covers (targets, articles, engine choice, checked options) and the
 * source files, read and hashed but parsed only when a later stage needs their segments.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  decodeArticleBytes,
  listArticles,
  parseArticle,
  readArticleBytes,
  sourceLanguageOf,
  type ParseArticleInput,
  type ParsedArticle,
} from '../articles/read.js';
import type { ResolvedConfig } from '../config/types.js';
import { selectEngine, type EngineChoice } from '../engines/select.js';
import { ExitCode, inputError, StorylocError } from '../errors.js';
import { isSupportedLanguage, type Lang } from '../languages.js';
import { fileHash } from '../memory/records.js';
import { computeLineStarts, positionOf } from '../text/positions.js';
import {
  skippedFor,
  UnreadableArticleError,
  type SkippedArticle,
  type SourceFile,
  type TranslateOptions,
} from './types.js';

/** What a run covers, decided before anything is locked or read. */
export interface RunScope {
  targets: Lang[];
  /** absolute paths of the articles, in a stable order */
  files: string[];
  choice: EngineChoice;
}

/** Checks the options and lists the articles; every input error here comes before any lock or write. */
export function resolveRunScope(options: TranslateOptions): RunScope {
  const { config, env } = options;
  const targets = resolveTargets(config, options.targetLangs);
  const { maxChars, concurrency } = options;
  if (maxChars !== undefined && maxChars !== null && (!Number.isInteger(maxChars) || maxChars < 0)) {
    throw inputError('translate.badNumber', 'translate:error.badNumber', { option: '--max-chars', value: maxChars });
  }
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) {
    throw inputError('translate.badNumber', 'translate:error.badNumber', {
      option: '--concurrency',
      value: concurrency,
    });
  }
  const files = listArticles(config, options.articles ?? [], options.cwd);
  if ((options.articles?.length ?? 0) > 0 && files.length === 0) {
    throw inputError('translate.noArticles', 'translate:error.noArticles', {
      given: (options.articles ?? []).join(', '),
    });
  }
  const choice: EngineChoice = options.engineInstance
    ? { name: options.engineInstance.name, reason: { key: 'translate:engineInjected', params: {} } }
    : selectEngine(config, { flag: options.engine, env, planOnly: options.dryRun === true });
  return { targets, files, choice };
}

/** Which target languages the run covers; an unknown code is an input error. */
function resolveTargets(config: ResolvedConfig, given: readonly string[] | undefined): Lang[] {
  if (!given || given.length === 0) return [...config.targetLanguages];
  const targets: Lang[] = [];
  const codes = given
    .flatMap((item) => item.split(','))
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  for (const code of codes) {
    if (!isSupportedLanguage(code))
      throw inputError('translate.unknownTarget', 'translate:error.unknownTarget', { code });
    if (!targets.includes(code)) targets.push(code);
  }
  return targets;
}

/** Reads a source file like `readArticleFile` does, without parsing it yet. */
export function readSourceFile(file: string, config: ResolvedConfig): SourceFile {
  const relativePath = path.relative(config.paths.articles, file).split(path.sep).join('/');
  const text = decodeArticleBytes(readArticleBytes(file, config), file);
  // The same language rule as readArticleFile (one rule, named or found).
  const lang = sourceLanguageOf(config, relativePath, text, file);
  let parsed: ParsedArticle | null = null;
  return {
    path: file,
    relativePath,
    lang,
    text,
    sourceHash: fileHash(text),
    parsed: () =>
      (parsed ??= parseSource({
        path: file,
        relativePath,
        lang,
        text,
        frontMatterKeys: config.frontMatterKeys,
        limits: config.limits,
      })),
    untranslatableBlocks() {
      if (!parsed || parsed.warnings.length === 0) return [];
      const lineStarts = computeLineStarts(text);
      return parsed.warnings.map((warning) => ({
        file,
        ...positionOf(lineStarts, warning.offset),
        reason: warning.reason,
      }));
    },
  };
}

/** Parses an article; an input error in it becomes an UnreadableArticleError (the run skips the article). */
function parseSource(input: ParseArticleInput): ParsedArticle {
  try {
    return parseArticle(input);
  } catch (error) {
    if (error instanceof StorylocError && error.exitCode === ExitCode.input) throw new UnreadableArticleError(error);
    throw error;
  }
}

/**
 * Reads every source file; one that cannot be read (missing, binary, bad encoding, unknown language) is
 * skipped with its reason instead of stopping the run.
 */
export function readSourceFiles(
  files: readonly string[],
  config: ResolvedConfig,
): { sources: SourceFile[]; skipped: SkippedArticle[] } {
  const sources: SourceFile[] = [];
  const skipped: SkippedArticle[] = [];
  for (const file of files) {
    try {
      sources.push(readSourceFile(file, config));
    } catch (error) {
      if (!(error instanceof StorylocError) || error.exitCode !== ExitCode.input) throw error;
      skipped.push(skippedFor(file, error));
    }
  }
  return { sources, skipped };
}

/** A file's text, or null when it does not exist (an output not written yet). */
export function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    const code = (error as NodeJS.ErrnoException).code;
    throw new StorylocError(
      'write.failed',
      'memory:write.failed',
      { file, detail: code },
      { position: { file }, cause: error },
    );
  }
}
