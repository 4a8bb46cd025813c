/**
 * The read stage: what the run covers (targets, articles, engine choice, checked options) and the
 * source files, read and hashed but parsed only when a later stage needs their segments.
 */
import { type BigIntStats, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeArticleBytes, listArticles, readArticleBytes, sourceLanguageOf } from '../articles/list.js';
import type { ParseArticleInput, ParsedArticle } from '../articles/read.js';
import { parseWithLoadedParser } from './parser.js';
import type { ResolvedConfig } from '../config/types.js';
import { selectEngine, type EngineChoice } from '../engines/select.js';
import { ExitCode, inputError, StorylocError } from '../errors.js';
import { isSupportedLanguage, type Lang } from '../languages.js';
import { fileHash } from '../memory/records.js';
import { StampIndex } from '../memory/stamp-index.js';
import { refuseSymlinkOutside } from '../config/symlinks.js';
import { computeLineStarts, positionOf } from '../text/positions.js';
import { listedAbsent } from '../io/folder-listing.js';
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

/**
 * Reads a source file like `readArticleFile` does, without parsing it yet. With the source index, a file
 * in a language folder whose status is the one recorded is not read at all: its hash comes from the
 * index and its text is read the first time a stage asks for it (a rerun with nothing to do never does).
 */
export function readSourceFile(file: string, config: ResolvedConfig, index?: StampIndex<string>): SourceFile {
  const relativePath = path.relative(config.paths.articles, file).split(path.sep).join('/');
  // only the folder names the language of these (no front matter to read); the status is taken before
  // the read, so a write in between leaves an entry that no later status matches
  const indexed = index !== undefined && relativePath.includes('/');
  let stat: BigIntStats | undefined;
  if (indexed) {
    refuseSymlinkOutside(config, file);
    stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    const known = stat?.isFile() ? index.lookup(relativePath, stat) : null;
    if (known !== null) {
      const lang = sourceLanguageOf(config, relativePath, '', file);
      return sourceFile(config, { path: file, relativePath, lang, sourceHash: known }, null);
    }
  }
  const text = decodeArticleBytes(readArticleBytes(file, config), file);
  // The same language rule as readArticleFile (one rule, named or found).
  const lang = sourceLanguageOf(config, relativePath, text, file);
  const sourceHash = fileHash(text);
  if (indexed && stat?.isFile()) index.record(relativePath, stat, sourceHash);
  return sourceFile(config, { path: file, relativePath, lang, sourceHash }, text);
}

type SourceFacts = Pick<SourceFile, 'path' | 'relativePath' | 'lang' | 'sourceHash'>;

/** A source file from its facts; `text` null: read when first asked for (an unreadable file is skipped then). */
function sourceFile(config: ResolvedConfig, facts: SourceFacts, known: string | null): SourceFile {
  const { path: file, relativePath, lang } = facts;
  let text = known;
  const textOf = (): string => {
    if (text === null) {
      try {
        text = decodeArticleBytes(readArticleBytes(file, config), file);
      } catch (error) {
        if (error instanceof StorylocError && error.exitCode === ExitCode.input)
          throw new UnreadableArticleError(error);
        throw error;
      }
      // the hash the stages went by must be this text's: a source edited in between is left for the next run
      if (fileHash(text) !== facts.sourceHash) {
        text = null;
        const changed = inputError('article.changedWhileRead', 'articles:changedWhileRead', { file }, { file });
        throw new UnreadableArticleError(changed);
      }
    }
    return text;
  };
  let parsed: ParsedArticle | null = null;
  return {
    ...facts,
    get text() {
      return textOf();
    },
    parsed: () =>
      (parsed ??= parseSource({
        path: file,
        relativePath,
        lang,
        text: textOf(),
        frontMatterKeys: config.frontMatterKeys,
        limits: config.limits,
      })),
    untranslatableBlocks() {
      if (!parsed || parsed.warnings.length === 0) return [];
      const lineStarts = computeLineStarts(textOf());
      return parsed.warnings.map((warning) => ({
        file,
        ...positionOf(lineStarts, warning.offset),
        reason: warning.reason,
      }));
    },
  };
}

/** `.storyloc/cache/source-index.json`: each source file's hash by its status (memory/stamp-index.ts). */
function sourceIndexPath(config: ResolvedConfig): string {
  return path.join(config.workspaceDir, '.storyloc', 'cache', 'source-index.json');
}

const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** The source index of a run: opened once, read group by group, saved by the caller (never in a dry run). */
export type SourceIndex = StampIndex<string>;

export function openSourceIndex(config: ResolvedConfig): SourceIndex {
  return StampIndex.open(sourceIndexPath(config), isHash);
}

/** Parses an article; an input error in it becomes an UnreadableArticleError (the run skips the article). */
function parseSource(input: ParseArticleInput): ParsedArticle {
  try {
    return parseWithLoadedParser(input);
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
  index: SourceIndex = openSourceIndex(config),
): { sources: SourceFile[]; skipped: SkippedArticle[] } {
  const sources: SourceFile[] = [];
  const skipped: SkippedArticle[] = [];
  for (const file of files) {
    try {
      sources.push(readSourceFile(file, config, index));
    } catch (error) {
      if (!(error instanceof StorylocError) || error.exitCode !== ExitCode.input) throw error;
      skipped.push(skippedFor(file, error));
    }
  }
  return { sources, skipped };
}

/** A file's text, or null when it does not exist (an output not written yet). */
export function readIfExists(file: string): string | null {
  if (listedAbsent(file)) return null;
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
