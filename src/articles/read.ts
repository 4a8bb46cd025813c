/**
 * Reading source articles: bytes → checked UTF-8 text → front matter + Markdown segments.
 * Bad input (binary, invalid UTF-8, empty, broken front matter, unknown language, a path outside the
 * workspace, an oversized block) is refused with the file and, where it applies, line and column.
 */
import { readFileSync, readdirSync, statSync, existsSync, type Dirent } from 'node:fs';
import { refuseSymlinkOutside } from '../config/symlinks.js';
import path from 'node:path';
import { inputError } from '../errors.js';
import { displayPath } from '../display-path.js';
import { isSupportedLanguage, type Lang } from '../languages.js';
import type { ArticleLimits, ResolvedConfig } from '../config/types.js';
import { DEFAULT_ARTICLE_LIMITS } from '../config/limits.js';
import { findExcessiveNesting } from '../segments/nesting.js';
import { crlfOffsets, frontMatterWithCr, lfTwin, segmentsWithCr, warningsWithCr } from './line-endings.js';
import type { Article, Segment } from '../segments/types.js';
import { computeLineStarts, positionOf } from '../text/positions.js';
import { segmentMarkdown, stableId, type SegmentationContext, type SegmentationWarning } from '../segments/markdown.js';
import { escapeXml } from '../segments/xml.js';
import { contentHash } from '../segments/hash.js';
import { renderMarkdownSegment } from '../segments/render.js';
import {
  frontMatterLanguage,
  frontMatterValues,
  langValueRange,
  readFrontMatter,
  type FrontMatterBlock,
} from './front-matter.js';
import type { FrontMatter } from '../segments/types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes, refusing binary content and invalid UTF-8 with the position of the first bad byte. */
export function decodeArticleBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw inputError('article.empty', 'articles:empty', { file }, { file });
  // a UTF-16 byte order mark (FF FE or FE FF): the file would otherwise be taken for binary (NUL bytes)
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw inputError('article.utf16', 'articles:utf16', { file }, { file });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    throw inputError('article.binary', 'articles:binary', { file }, { file, ...lineColumnOfByte(bytes, nul) });
  try {
    return utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Byte(bytes);
    const position = { file, ...lineColumnOfByte(bytes, bad) };
    throw inputError('article.encoding', 'articles:encoding', { file, offset: bad }, position);
  }
}

function lineColumnOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}

export interface ParseArticleInput {
  path: string;
  relativePath: string;
  lang: Lang;
  text: string;
  frontMatterKeys: readonly string[];
  /** 0 disables the limit (benchmarks); overrides `limits.maxBlockChars` */
  maxBlockChars?: number;
  /** the workspace's limits (config `limits`); the defaults when absent */
  limits?: ArticleLimits;
}

export interface ParsedArticle extends Article {
  /** blocks left untranslated because their offsets could not be recovered */
  warnings: SegmentationWarning[];
}

/** Parses article text into front matter and segments (pure: no file access). */
export function parseArticle(input: ParseArticleInput): ParsedArticle {
  const { text, path: file } = input;
  if (!/\S/.test(text)) throw inputError('article.empty', 'articles:empty', { file }, { file });
  if (text.includes('\r')) return parseCrlfArticle(input);
  const lineStarts = computeLineStarts(text);
  const limits = input.limits ?? DEFAULT_ARTICLE_LIMITS;
  const maxBlockChars = input.maxBlockChars ?? limits.maxBlockChars;
  const ctx: SegmentationContext = {
    file,
    lang: input.lang,
    lineStarts,
    segments: [],
    warnings: [],
    seen: new Map(),
    seenKinds: new Map(),
    maxBlockChars,
    onOversizedBlock(offset, length) {
      throw inputError(
        'article.blockTooLarge',
        'articles:blockTooLarge',
        { file, length, limit: maxBlockChars },
        { file, ...positionOf(lineStarts, offset) },
      );
    },
  };
  const frontMatter = readFrontMatter(text, file);
  if (frontMatter) {
    for (const value of frontMatterValues(frontMatter, input.frontMatterKeys)) {
      const segmentText = escapeXml(value.value);
      const sourceHash = contentHash(segmentText);
      const kind = value.key === 'title' ? 'title' : 'frontMatter';
      const segment: Segment = {
        id: stableId(ctx, kind, sourceHash),
        kind,
        structure: `frontMatter:${value.key}`,
        text: segmentText,
        sourceHash,
        ...positionOf(lineStarts, value.start),
        start: value.start,
        end: value.end,
        linePrefixes: [],
        tags: {},
        context: value.value,
        frontMatterKey: value.key,
      };
      ctx.segments.push(segment);
    }
  }
  // a byte order mark (text not decoded by decodeArticleBytes, which drops it) is not part of the first block
  const bodyStart = frontMatter ? frontMatter.bodyStart : text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(bodyStart);
  refuseDeepNesting(body, bodyStart, lineStarts, file, limits.maxNestingDepth);
  try {
    segmentMarkdown(ctx, text, body, bodyStart);
  } catch (error) {
    // the depth check bounds the containers; this catches any other recursion too deep for the stack
    if (!(error instanceof RangeError)) throw error;
    throw inputError('article.tooDeep', 'articles:tooDeepUnknown', { file, limit: limits.maxNestingDepth }, { file });
  }
  const segments = keepExactSegments(text, ctx.segments, ctx.warnings);
  return {
    path: file,
    relativePath: input.relativePath,
    lang: input.lang,
    source: text,
    frontMatter: frontMatter ? frontMatterModel(frontMatter) : null,
    segments,
    warnings: ctx.warnings,
  };
}

/** Refuses a body whose containers nest deeper than `limit`, naming the line (before marked recurses). */
function refuseDeepNesting(body: string, bodyStart: number, lineStarts: number[], file: string, limit: number): void {
  const deep = findExcessiveNesting(body, limit);
  if (deep === null) return;
  const position = positionOf(lineStarts, bodyStart + deep.offset);
  const params = { file, depth: deep.depth, limit };
  throw inputError('article.tooDeep', 'articles:tooDeep', params, { file, line: position.line });
}

/** A CRLF story: segmented as its LF twin, carried back, and every segment checked against the CRLF bytes. */
function parseCrlfArticle(input: ParseArticleInput): ParsedArticle {
  const twin = parseArticle({ ...input, text: lfTwin(input.text, input.path) });
  const toCrlf = crlfOffsets(twin.source);
  const warnings = warningsWithCr(twin.warnings, toCrlf);
  const segments = keepExactSegments(input.text, segmentsWithCr(twin.segments, toCrlf), warnings);
  return { ...twin, source: input.text, frontMatter: frontMatterWithCr(twin.frontMatter, toCrlf), segments, warnings };
}

function frontMatterModel(block: FrontMatterBlock): FrontMatter {
  const model: FrontMatter = { raw: block.raw, start: block.start, end: block.end, data: block.data };
  const langRange = langValueRange(block);
  if (langRange) model.langRange = langRange;
  return model;
}

/**
 * The last guard before anything is spliced: a body segment is kept only when rendering its own source
 * text gives back exactly the bytes of its span. Markdown the offset recovery cannot follow (unusual
 * mixes of tabs and containers) is left untranslated, with a warning, rather than corrupted.
 */
// with no targets, rendering never looks a nested segment up (renderTagPart keeps the source bytes)
const noTargets: ReadonlyMap<string, string> = new Map();
const noSegments: ReadonlyMap<string, Segment> = new Map();

export function keepExactSegments(text: string, segments: Segment[], warnings: SegmentationWarning[]): Segment[] {
  const dropped = new Set<string>();
  for (const segment of segments) {
    if (segment.frontMatterKey !== undefined || (segment.parentId !== undefined && dropped.has(segment.parentId))) {
      if (segment.parentId !== undefined) dropped.add(segment.id);
      continue;
    }
    // plain one-line text (no tags, entities or newlines) renders as itself: compare without rendering
    const segmentText = segment.text;
    const plainText =
      segmentText.length === segment.end - segment.start &&
      !segmentText.includes('<') &&
      !segmentText.includes('&') &&
      !segmentText.includes('\n');
    let exact: boolean;
    // (`slice ===` compares with memcmp; `startsWith` walked character by character, 3% of the parse)
    if (plainText) exact = text.slice(segment.start, segment.end) === segmentText;
    else {
      try {
        exact =
          renderMarkdownSegment(segment, segmentText, noTargets, noSegments) === text.slice(segment.start, segment.end);
      } catch {
        exact = false;
      }
    }
    if (!exact) {
      dropped.add(segment.id);
      warnings.push({ offset: segment.start, reason: 'its text does not render back to the same bytes' });
    }
  }
  // Spans must not overlap: two splices over the same bytes would corrupt the output. Segmentation
  // emits top-level spans in file order, so one pass usually shows each starts after the last ended.
  let previousEnd = -1;
  let inOrder = true;
  for (const segment of segments) {
    if (segment.parentId !== undefined || (dropped.size > 0 && dropped.has(segment.id))) continue;
    if (segment.start < previousEnd) {
      inOrder = false;
      break;
    }
    previousEnd = segment.end;
  }
  if (inOrder) return withoutDropped(segments, dropped);
  const spans = segments
    .filter((segment) => segment.parentId === undefined && !dropped.has(segment.id))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1]!;
    const current = spans[i]!;
    if (current.start < previous.end) {
      for (const segment of [previous, current]) {
        if (!dropped.has(segment.id))
          warnings.push({ offset: segment.start, reason: 'its span overlaps another segment' });
        dropped.add(segment.id);
      }
    }
  }
  return withoutDropped(segments, dropped);
}

/** The segments not dropped, nor nested in a dropped one. */
function withoutDropped(segments: Segment[], dropped: ReadonlySet<string>): Segment[] {
  if (dropped.size === 0) return segments;
  return segments.filter(
    (segment) => !dropped.has(segment.id) && !(segment.parentId !== undefined && dropped.has(segment.parentId)),
  );
}

/** Resolves a path given on the command line and checks it lies inside the articles folder. */
export function resolveArticlePath(
  config: ResolvedConfig,
  given: string,
  cwd: string,
): { absolute: string; relativePath: string } {
  const absolute = path.resolve(cwd, given);
  const relative = path.relative(config.paths.articles, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw inputError(
      'article.outsideWorkspace',
      'articles:outsideWorkspace',
      { file: given, articles: displayPath(config.paths.articles, { cwd, workspaceDir: config.workspaceDir }) },
      { file: given },
    );
  }
  return { absolute, relativePath: relative.split(path.sep).join('/') };
}

/** The source language of an article: its first folder under articles/ (`en/…`), else front matter `lang`. */
export function articleLanguage(relativePath: string, frontMatterLang: unknown, file: string): Lang {
  const folder = relativePath.split('/')[0] ?? '';
  if (relativePath.includes('/') && isSupportedLanguage(folder)) return folder;
  if (typeof frontMatterLang === 'string' && isSupportedLanguage(frontMatterLang)) return frontMatterLang;
  const code = relativePath.includes('/') ? folder : String(frontMatterLang ?? '');
  throw inputError('article.unknownLanguage', 'articles:unknownLanguage', { file, code }, { file });
}

/** The refusal of a folder under articles/ that is not a configured source language (named or found). */
function unknownFolderError(config: ResolvedConfig, folder: string, file: string) {
  const languages = config.sourceLanguages.join(', ');
  const params = { file, folder: `${path.basename(config.paths.articles)}/${folder}`, languages };
  return inputError('article.unknownFolder', 'articles:unknownFolder', params, { file });
}

/**
 * The one rule for an article's source language, the same whether the article was named or found: the
 * folder under articles/ must be a configured source language (never guessed from anything else); a
 * story directly in articles/ declares it with front matter `lang`.
 */
export function sourceLanguageOf(config: ResolvedConfig, relativePath: string, text: string, file: string): Lang {
  if (relativePath.includes('/')) {
    const folder = relativePath.split('/')[0]!;
    if (!(config.sourceLanguages as string[]).includes(folder)) throw unknownFolderError(config, folder, file);
    return folder as Lang;
  }
  const lang = articleLanguage(relativePath, frontMatterLanguage(text, file), file);
  if (!config.sourceLanguages.includes(lang)) {
    const params = { file, code: lang, languages: config.sourceLanguages.join(', ') };
    throw inputError('article.notSourceLanguage', 'articles:notSourceLanguage', params, { file });
  }
  return lang;
}

/** Reads and parses one article of the workspace. */
export function readArticleFile(
  file: string,
  config: ResolvedConfig,
  options: { cwd?: string; maxBlockChars?: number } = {},
): ParsedArticle {
  const { absolute, relativePath } = resolveArticlePath(config, file, options.cwd ?? process.cwd());
  return readArticleAt(absolute, relativePath, config, options.maxBlockChars);
}

/** The bytes of an article, refusing a folder, a missing file and a link that leaves the workspace. */
export function readArticleBytes(absolute: string, config: ResolvedConfig): Buffer {
  refuseSymlinkOutside(config, absolute);
  try {
    if (statSync(absolute).isDirectory())
      throw inputError('article.isDirectory', 'articles:isDirectory', { file: absolute }, { file: absolute });
    return readFileSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw inputError('article.notFound', 'articles:notFound', { file: absolute }, { file: absolute });
    throw error;
  }
}

function readArticleAt(
  absolute: string,
  relativePath: string,
  config: ResolvedConfig,
  maxBlockChars?: number,
): ParsedArticle {
  const text = decodeArticleBytes(readArticleBytes(absolute, config), absolute);
  const lang = sourceLanguageOf(config, relativePath, text, absolute);
  const { frontMatterKeys, limits } = config;
  const input: ParseArticleInput = { path: absolute, relativePath, lang, text, frontMatterKeys, limits };
  if (maxBlockChars !== undefined) input.maxBlockChars = maxBlockChars;
  return parseArticle(input);
}

/** Something under articles/ that is not translated, reported (never skipped silently). */
export type SkippedSource =
  /** a folder that is not a configured source language, with the number of Markdown files in it */
  | { kind: 'unknownFolder'; folder: string; stories: number; languages: string }
  /** a hidden story or folder of stories (name starting with a dot) */
  | { kind: 'hidden'; file: string }
  /** a symbolic link to a folder (not followed: it could loop, or leave the workspace) */
  | { kind: 'linkedFolder'; file: string };

interface ArticleListing {
  files: string[];
  skipped: SkippedSource[];
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : 1);

function countStories(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) count++;
  }
  return count;
}

/** A Markdown file, or a folder with Markdown files in it (`.DS_Store` or `.gitkeep` are not worth a word). */
function holdsStories(entry: Dirent, full: string): boolean {
  if (entry.name.endsWith('.md')) return true;
  return entry.isDirectory() && countStories(full) > 0;
}

/** The articles under the given paths (all source-language folders when none), and what was left out. */
function walkArticles(config: ResolvedConfig, given: readonly string[], cwd: string): ArticleListing {
  const files: string[] = [];
  const skipped: SkippedSource[] = [];
  const isSourceFolder = (name: string): boolean => (config.sourceLanguages as string[]).includes(name);
  const languages = config.sourceLanguages.join(', ');
  const collect = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('.')) {
        if (holdsStories(entry, full)) skipped.push({ kind: 'hidden', file: full });
        continue;
      }
      // a linked story is read like any other (the read refuses a link that leaves the workspace)
      const isLink = entry.isSymbolicLink();
      const isDirectory = isLink ? existsSync(full) && statSync(full).isDirectory() : entry.isDirectory();
      if (isDirectory && isLink) skipped.push({ kind: 'linkedFolder', file: full });
      else if (isDirectory) collect(full);
      else if ((entry.isFile() || isLink) && entry.name.endsWith('.md')) files.push(full);
    }
  };
  if (given.length === 0) {
    const root = config.paths.articles;
    const entries = existsSync(root) ? readdirSync(root, { withFileTypes: true }).sort(byName) : [];
    for (const entry of entries) {
      const full = path.join(root, entry.name);
      if (entry.name.startsWith('.')) {
        if (holdsStories(entry, full)) skipped.push({ kind: 'hidden', file: full });
      } else if ((entry.isDirectory() || entry.isSymbolicLink()) && !isSourceFolder(entry.name)) {
        const stories = statSync(full, { throwIfNoEntry: false })?.isDirectory() ? countStories(full) : 0;
        if (stories > 0) skipped.push({ kind: 'unknownFolder', folder: full, stories, languages });
      }
    }
    for (const lang of config.sourceLanguages) {
      const dir = path.join(root, lang);
      if (existsSync(dir)) collect(dir);
    }
    return { files, skipped };
  }
  for (const item of given) {
    // a path that does not exist is reported as such, wherever it points
    if (!existsSync(path.resolve(cwd, item)))
      throw inputError('article.notFound', 'articles:notFound', { file: item }, { file: item });
    const { absolute, relativePath } = resolveArticlePath(config, item, cwd);
    // the folder rule, once for everything named under a folder that is not a source language
    const folder = relativePath.split('/')[0]!;
    const isDirectory = statSync(absolute).isDirectory();
    if ((relativePath.includes('/') || isDirectory) && folder !== '' && !isSourceFolder(folder)) {
      throw unknownFolderError(config, folder, item);
    }
    if (relativePath.split('/').some((part) => part.startsWith('.'))) {
      throw inputError('article.hidden', 'articles:hidden', { file: item }, { file: item });
    }
    if (isDirectory) collect(absolute);
    else files.push(absolute);
  }
  return { files: [...new Set(files)], skipped };
}

/**
 * The articles to work on, as absolute paths in a stable order: the given files/folders, or every
 * `*.md` under `articles/<source language>/`.
 */
export function listArticles(config: ResolvedConfig, given: readonly string[] = [], cwd = process.cwd()): string[] {
  return walkArticles(config, given, cwd).files;
}

/** What a listing of the same paths leaves out: unknown folders, hidden files, linked folders. */
export function skippedSources(
  config: ResolvedConfig,
  given: readonly string[] = [],
  cwd = process.cwd(),
): SkippedSource[] {
  return walkArticles(config, given, cwd).skipped;
}

/** Reads every article (or the given ones) of the workspace. */
export function readArticles(
  config: ResolvedConfig,
  given: readonly string[] = [],
  cwd = process.cwd(),
): ParsedArticle[] {
  return listArticles(config, given, cwd).map((file) => {
    const relativePath = path.relative(config.paths.articles, file).split(path.sep).join('/');
    return readArticleAt(file, relativePath, config);
  });
}
