/**
 * Parsing source articles: checked UTF-8 text → front matter + Markdown segments (finding, naming and
 * decoding the files is `list.ts`'s). Bad input (broken front matter, an oversized or too deeply nested
 * block) is refused with the file and, where it applies, line and column.
 */
import path from 'node:path';
import { inputError } from '../errors.js';
import type { Lang } from '../languages.js';
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
import { frontMatterValues, langValueRange, readFrontMatter, type FrontMatterBlock } from './front-matter.js';
import type { FrontMatter } from '../segments/types.js';
import { decodeArticleBytes, listArticles, readArticleBytes, resolveArticlePath, sourceLanguageOf } from './list.js';

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

/** Reads and parses one article of the workspace. */
export function readArticleFile(
  file: string,
  config: ResolvedConfig,
  options: { cwd?: string; maxBlockChars?: number } = {},
): ParsedArticle {
  const { absolute, relativePath } = resolveArticlePath(config, file, options.cwd ?? process.cwd());
  return readArticleAt(absolute, relativePath, config, options.maxBlockChars);
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
