/**
 * Markdown body → segments. marked's lexer gives the block and inline tokens with their exact source
 * (`raw`); offsets are recovered by aligning each container's content with its raw text (align.ts),
 * so every segment knows the exact file span it replaces.
 *
 * Translatable: headings, paragraphs, list items, blockquotes, table cells, image alt text, link and
 * image titles. Never: code (fenced/indented), inline code, raw HTML, URLs, link reference definitions.
 */
import { Lexer, type Token, type Tokens, type MarkedOptions } from 'marked';
import type { Lang } from '../languages.js';
import { alignStripped, identityMap, type OffsetMap } from './align.js';
import { buildInlineContent, InlineAlignmentError, type InlineContent, type NestedSpan } from './inline.js';
import {
  continuationLines,
  isBlankCode,
  nestedWithin,
  pieceIndexAt,
  textWithoutIndentation,
  trimToText,
  type ContinuationLine,
} from './piece-index.js';
import { sentenceStarts } from './sentences.js';
import { lexSimpleInline } from './simple-inline.js';
import { FastBlockTokenizer } from './block-tokenizer.js';
import { escapeXml } from './xml.js';
import { positionOf } from '../text/positions.js';
import { foldedWhitespaceClass } from '../text/char-codes.js';
import { contentHash } from './hash.js';
import type { InlineTag, Segment, SegmentKind } from './types.js';

const lexerOptions: MarkedOptions = { gfm: true, breaks: false, pedantic: false };

export interface SegmentationWarning {
  /** file offset of the block left untranslated */
  offset: number;
  reason: string;
}

export interface SegmentationContext {
  file: string;
  lang: Lang;
  lineStarts: number[];
  segments: Segment[];
  warnings: SegmentationWarning[];
  /** occurrences of a base id seen more than once (the second is 2), for the duplicate suffix of ids */
  seen: Map<string, number>;
  /** kinds (one bit each) already given the plain id for a 12-digit hash */
  seenKinds: Map<string, number>;
  /** blocks longer than this many characters are refused (0: no limit) */
  maxBlockChars: number;
  onOversizedBlock: (offset: number, length: number) => void;
}

const idPrefix: Record<SegmentKind, string> = {
  title: 'title',
  frontMatter: 'fm',
  heading: 'h',
  paragraph: 'p',
  listItem: 'li',
  blockquote: 'bq',
  tableCell: 'td',
  imageAlt: 'alt',
  imageTitle: 'imgtitle',
  linkTitle: 'linktitle',
};

const kindBits = Object.fromEntries(Object.keys(idPrefix).map((kind, index) => [kind, 1 << index])) as Record<
  SegmentKind,
  number
>;

/**
 * `kind-hash12`, with `-2`, `-3`… for repeats of the same kind and text in one article. The common
 * first occurrence is found by the 12 hex digits alone (a short flat key, with one bit per kind);
 * only repeats are counted by their full base id.
 */
export function stableId(ctx: SegmentationContext, kind: SegmentKind, sourceHash: string): string {
  const short = sourceHash.slice(0, 12);
  const base = `${idPrefix[kind]}-${short}`;
  const kinds = ctx.seenKinds.get(short) ?? 0;
  const bit = kindBits[kind];
  if ((kinds & bit) === 0) {
    ctx.seenKinds.set(short, kinds | bit);
    return base;
  }
  const count = (ctx.seen.get(base) ?? 1) + 1;
  ctx.seen.set(base, count);
  return `${base}-${count}`;
}

/** one instance for every lexer: lexing is synchronous and a new Lexer re-attaches it to itself */
const blockTokenizer = new FastBlockTokenizer();

/**
 * marked's lexer with one shortcut: inline lexing (about two thirds of its time) goes through
 * lexSimpleInline, which returns marked's exact tokens for text without markup and for plain prose
 * with emphasis and links, and defers everything else to marked.
 */
export function lexMarkdown(body: string): Token[] {
  const lexer = new Lexer({ ...lexerOptions, tokenizer: blockTokenizer });
  const tokens = lexer.blockTokens(body, []);
  for (const { src, tokens: inline } of lexer.inlineQueue) {
    const simple = lexSimpleInline(src);
    if (simple === null) lexer.inlineTokens(src, inline);
    else for (const token of simple) inline.push(token);
  }
  lexer.inlineQueue = [];
  return tokens;
}

/** Segments the Markdown `body`, which starts at `bodyOffset` in the file text `file`. */
export function segmentMarkdown(ctx: SegmentationContext, fileText: string, body: string, bodyOffset: number): void {
  const tokens = lexMarkdown(body);
  walkBlocks(ctx, fileText, tokens, body, identityMap(bodyOffset), '', null);
}

const rawOf = (tokens: readonly Token[] | undefined): string => {
  let text = '';
  if (tokens) for (const token of tokens) text += token.raw;
  return text;
};

/**
 * Where `raw` (a block token's raw text) starts in `source`, at or after `cursor`; -1 when it is not there.
 * marked's block raws concatenate to the source (FIELD-NOTES). Comparing first and last characters
 * guards the common case without a pass over the text (comparing whole raws cost a tenth of the
 * parse); a search recovers anything else, and keepExactSegments checks every segment's bytes.
 */
function locateBlock(source: string, raw: string, cursor: number): number {
  const lastChar = cursor + raw.length - 1;
  return raw.length > 0 &&
    source.charCodeAt(cursor) === raw.charCodeAt(0) &&
    source.charCodeAt(lastChar) === raw.charCodeAt(raw.length - 1)
    ? cursor
    : source.indexOf(raw, cursor);
}

function walkBlocks(
  ctx: SegmentationContext,
  fileText: string,
  tokens: readonly Token[],
  source: string,
  map: OffsetMap,
  structure: string,
  container: 'blockquote' | 'listItem' | null,
): void {
  let cursor = 0;
  for (const token of tokens) {
    const start = locateBlock(source, token.raw, cursor);
    if (start === -1) {
      ctx.warnings.push({ offset: map.toFile(cursor), reason: `cannot locate ${token.type}` });
      continue;
    }
    cursor = start + token.raw.length;
    switch (token.type) {
      case 'paragraph':
      case 'text': {
        const kind: SegmentKind = container ?? 'paragraph';
        inlineBlock(
          ctx,
          fileText,
          token as Tokens.Paragraph,
          source,
          start,
          map,
          kind,
          `${structure}${structure ? '>' : ''}${token.type === 'text' ? 'text' : 'paragraph'}`,
        );
        break;
      }
      case 'heading':
        inlineBlock(
          ctx,
          fileText,
          token as Tokens.Heading,
          source,
          start,
          map,
          'heading',
          `${structure}${structure ? '>' : ''}heading`,
        );
        break;
      case 'blockquote':
        blockquoteBlock(ctx, fileText, token as Tokens.Blockquote, source, start, map, structure);
        break;
      case 'list':
        listBlock(ctx, fileText, token as Tokens.List, source, start, map, structure);
        break;
      case 'table':
        tableBlock(
          ctx,
          fileText,
          token as Tokens.Table,
          source,
          start,
          map,
          `${structure}${structure ? '>' : ''}table`,
        );
        break;
      default:
        // code, html, def, hr, space: never translated
        break;
    }
  }
}

/** A blockquote at `start` of `source`: its children are walked as blocks of the text without the `>` marks. */
function blockquoteBlock(
  ctx: SegmentationContext,
  fileText: string,
  token: Tokens.Blockquote,
  source: string,
  start: number,
  map: OffsetMap,
  structure: string,
): void {
  const children = token.tokens;
  const inner = rawOf(children);
  const childMap = alignStripped(inner, source, start, map, start + token.raw.length);
  if (!childMap) ctx.warnings.push({ offset: map.toFile(start), reason: 'cannot align blockquote' });
  else
    walkBlocks(ctx, fileText, children, inner, childMap, `${structure}${structure ? '>' : ''}blockquote`, 'blockquote');
}

/** A list at `start` of `source`: each item's children are walked as blocks of the item without its marker. */
function listBlock(
  ctx: SegmentationContext,
  fileText: string,
  token: Tokens.List,
  source: string,
  start: number,
  map: OffsetMap,
  structure: string,
): void {
  let itemCursor = start;
  for (const item of token.items) {
    const itemStart = source.indexOf(item.raw, itemCursor);
    if (itemStart === -1) {
      ctx.warnings.push({ offset: map.toFile(itemCursor), reason: 'cannot locate list item' });
      continue;
    }
    itemCursor = itemStart + item.raw.length;
    const inner = rawOf(item.tokens);
    // the item's content starts after its marker (`- `, `1. `): search from there
    const markerLength = /^\s*(?:[-+*]|\d{1,9}[.)])[ \t]*/.exec(item.raw)?.[0].length ?? 0;
    const childMap = alignStripped(
      inner,
      source,
      itemStart + Math.min(markerLength, item.raw.length),
      map,
      itemStart + item.raw.length,
    );
    if (!childMap) ctx.warnings.push({ offset: map.toFile(itemStart), reason: 'cannot align list item' });
    else
      walkBlocks(
        ctx,
        fileText,
        item.tokens,
        inner,
        childMap,
        `${structure}${structure ? '>' : ''}listItem`,
        'listItem',
      );
  }
}

function inlineBlock(
  ctx: SegmentationContext,
  fileText: string,
  token: Tokens.Paragraph | Tokens.Heading | Tokens.Text,
  source: string,
  start: number,
  map: OffsetMap,
  kind: SegmentKind,
  structure: string,
): void {
  const tokens = token.tokens ?? [];
  // The inline source is the concatenation of the inline raws; marked's `text` usually is exactly
  // that, which saves building the string again (lengths and the characters at every token boundary
  // are compared to be sure; buildInlineContent checks each token's first character again).
  let length = 0;
  const text = token.text;
  let same = text.length > 0;
  for (const inlineToken of tokens) {
    const raw = inlineToken.raw;
    if (
      same &&
      raw.length > 0 &&
      (text.charCodeAt(length) !== raw.charCodeAt(0) ||
        text.charCodeAt(length + raw.length - 1) !== raw.charCodeAt(raw.length - 1))
    )
      same = false;
    length += raw.length;
  }
  const inline = same && text.length === length ? text : rawOf(tokens);
  if (inline.length === 0) return;
  const inlineMap = alignStripped(inline, source, start, map, start + token.raw.length);
  if (!inlineMap) {
    ctx.warnings.push({ offset: map.toFile(start), reason: `cannot align ${token.type}` });
    return;
  }
  if (ctx.maxBlockChars > 0 && inline.length > ctx.maxBlockChars) {
    ctx.onOversizedBlock(inlineMap.toFile(0), inline.length);
  }
  let content: InlineContent;
  try {
    content = buildInlineContent(inline, tokens);
  } catch (error) {
    if (!(error instanceof InlineAlignmentError)) throw error;
    ctx.warnings.push({ offset: inlineMap.toFile(0), reason: error.message });
    return;
  }
  emitSentences(ctx, fileText, content, inlineMap, kind, structure);
}

/** Splits one table row line into cell spans (offsets in `line`), honouring `\|` escapes. */
export function splitTableRow(line: string): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = [];
  let position = 0;
  while (position < line.length && (line[position] === ' ' || line[position] === '\t')) position++;
  if (line[position] === '|') position++;
  let cellStart = position;
  for (let i = position; i <= line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '|' || i === line.length) {
      let s = cellStart;
      let e = i;
      while (s < e && /\s/.test(line[s]!)) s++;
      while (e > s && /\s/.test(line[e - 1]!)) e--;
      if (!(i === line.length && s === e && ch !== '|')) cells.push({ start: s, end: e });
      cellStart = i + 1;
    }
  }
  return cells;
}

function tableBlock(
  ctx: SegmentationContext,
  fileText: string,
  token: Tokens.Table,
  source: string,
  start: number,
  map: OffsetMap,
  structure: string,
): void {
  const rows: Tokens.TableCell[][] = [token.header, ...token.rows];
  let lineStart = start;
  const tableEnd = start + token.raw.length;
  let rowIndex = 0;
  let lineNumber = 0;
  while (lineStart < tableEnd && rowIndex < rows.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > tableEnd) lineEnd = tableEnd;
    const line = source.slice(lineStart, lineEnd);
    if (lineNumber !== 1) {
      // line 1 is the delimiter row
      const spans = splitTableRow(line);
      const cells = rows[rowIndex]!;
      for (let c = 0; c < cells.length && c < spans.length; c++) {
        const span = spans[c]!;
        const cellRaw = line.slice(span.start, span.end);
        if (cellRaw.length === 0) continue;
        const cell = cells[c]!;
        const tokens = rawOf(cell.tokens) === cellRaw ? cell.tokens : Lexer.lexInline(cellRaw, lexerOptions);
        const cellStart = lineStart + span.start;
        const cellMap: OffsetMap = { toFile: (offset) => map.toFile(cellStart + offset) };
        let content: InlineContent;
        try {
          content = buildInlineContent(cellRaw, tokens);
        } catch (error) {
          if (!(error instanceof InlineAlignmentError)) throw error;
          ctx.warnings.push({ offset: cellMap.toFile(0), reason: error.message });
          continue;
        }
        emitSentences(ctx, fileText, content, cellMap, 'tableCell', `${structure}>cell`);
      }
      rowIndex++;
    }
    lineNumber++;
    lineStart = lineEnd + 1;
  }
}

const letterOrDigit = /[\p{L}\p{N}]/u;
const OBJECT = '\uFFFC';

/**
 * `&`, `<`, `>` (escaped in segment text) or whitespace other than single spaces (folded by the content
 * hash and in the context). One scan per block: most news paragraphs hold none, and then no segment of
 * the block needs its own scans.
 */
const rareCharacters = new RegExp(`[&<>\\n${foldedWhitespaceClass}]|  `);
const oddWhitespace = new RegExp(`[${foldedWhitespaceClass}]|  `);

/** What every segment of one block shares. */
interface BlockFacts {
  kind: SegmentKind;
  structure: string;
  /** the block's plain text, whitespace folded: context for MT and review */
  context: string;
  /** inside a blockquote or list: lines have container prefixes */
  inContainer: boolean;
  /** the block's source may hold `&`, `<` or `>` */
  mayNeedEscapes: boolean;
  /** the block's source may hold whitespace other than single spaces and newlines */
  mayHoldOddWhitespace: boolean;
}

/** Cuts a block's inline content into sentences and emits one segment per sentence. */
/**
 * Plain projection of a block's inline content: text as is, standalone markup as one object character, paired
 * markup as nothing; with each piece's start in the plain text and the paired-markup depth before it.
 */
function plainProjection(content: InlineContent): {
  plain: string;
  plainStarts: number[];
  depthBefore: number[];
  single: boolean;
} {
  const { source, pieces } = content;
  const single = pieces.length === 1 && pieces[0]!.type === 'text';
  if (single)
    return { plain: source.slice(pieces[0]!.start, pieces[0]!.end), plainStarts: [0], depthBefore: [0], single };
  const plainParts: string[] = [];
  let plainLength = 0;
  const plainStarts: number[] = [];
  const depthBefore: number[] = [];
  let depth = 0;
  for (const piece of pieces) {
    plainStarts.push(plainLength);
    depthBefore.push(depth);
    if (piece.type === 'text') {
      const part = source.slice(piece.start, piece.end);
      plainParts.push(part);
      plainLength += part.length;
    } else if (piece.type === 'x') {
      plainParts.push(OBJECT);
      plainLength++;
    } else if (piece.type === 'open') depth++;
    else depth--;
  }
  const plain = plainParts.length === 1 ? plainParts[0]! : plainParts.join('');
  return { plain, plainStarts, depthBefore, single };
}

function emitSentences(
  ctx: SegmentationContext,
  fileText: string,
  content: InlineContent,
  map: OffsetMap,
  kind: SegmentKind,
  structure: string,
): void {
  const { source, pieces } = content;
  const { plain, plainStarts, depthBefore, single } = plainProjection(content);
  const rare = rareCharacters.test(source);
  const mayHoldOddWhitespace = rare && oddWhitespace.test(source);
  let context = plain.includes(OBJECT) ? plain.replaceAll(OBJECT, ' ') : plain;
  // Without rare characters in the source, the plain text holds no whitespace but spaces; removing
  // markup (or an image's object character) can still put two spaces side by side.
  const needsFold = rare ? context.includes('\n') || /\s\s|[\t\n\r]/.test(context) : !single && context.includes('  ');
  if (needsFold || context.startsWith(' ') || context.endsWith(' ')) {
    // with only spaces and newlines as whitespace (a wrapped paragraph, a quote), newlines become
    // spaces; only if that leaves two spaces together is the general fold needed
    const spaced = mayHoldOddWhitespace ? null : context.replaceAll('\n', ' ');
    context = spaced !== null && !spaced.includes('  ') ? spaced.trim() : context.replace(/\s+/g, ' ').trim();
  }
  const block: BlockFacts = {
    kind,
    structure,
    context,
    inContainer: structure.includes('blockquote') || structure.includes('listItem'),
    mayNeedEscapes: rare && /[&<>]/.test(source),
    mayHoldOddWhitespace,
  };

  // Sentence starts, in source offsets, never inside paired markup.
  const cuts: number[] = [0];
  let pieceIndex = 0;
  for (const plainStart of sentenceStarts(plain, ctx.lang)) {
    // the last piece whose plain range starts at or before the boundary, preferring a text piece
    while (pieceIndex + 1 < pieces.length && plainStarts[pieceIndex + 1]! <= plainStart) pieceIndex++;
    let index = pieceIndex;
    let piece = pieces[index]!;
    if (piece.type !== 'text') continue;
    let cut = piece.start + (plainStart - plainStarts[index]!);
    if (cut === piece.start) {
      // move back over opening markup right before the sentence (`**Next** sentence`)
      while (index > 0 && pieces[index - 1]!.type === 'open') {
        index--;
        piece = pieces[index]!;
        cut = piece.start;
      }
    }
    if (depthBefore[index]! > 0) continue;
    cuts.push(cut);
  }
  cuts.push(source.length);

  for (let i = 0; i + 1 < cuts.length; i++) {
    emitSegment(ctx, fileText, content, map, block, cuts[i]!, cuts[i + 1]!);
  }
}

/** The container prefix of a line (`> `, `- ` as `  `): what a new line inside the segment needs. */
function containerPrefixAt(
  fileText: string,
  lineStarts: readonly number[],
  line: number,
  contentStart: number,
): string {
  const lineStart = lineStarts[line - 1] ?? 0;
  if (contentStart <= lineStart) return '';
  const prefix = fileText.slice(lineStart, contentStart);
  // only list markers change (to spaces of their width); a quote prefix such as `> ` is kept as is
  return /[-+*\d]/.test(prefix) ? prefix.replace(listMarker, (marker) => ' '.repeat(marker.length)) : prefix;
}
const listMarker = /[-+*]|\d{1,9}[.)]/g;

/** A segment's XML built from its pieces, with the tags it holds renumbered from 1. */
interface SegmentXml {
  text: string;
  hasLetterOrDigit: boolean;
  tags: Record<string, InlineTag>;
  /** the segment's own tag numbers (1…) by block tag number; null when it holds no tag */
  localIds: Map<number, number> | null;
  /** where each tag part of this segment starts (`open:3`, `x:4`), for its nested spans */
  tagPartStarts: Map<string, number> | null;
}

function segmentXmlOf(
  content: InlineContent,
  block: BlockFacts,
  start: number,
  end: number,
  indented: readonly ContinuationLine[],
): SegmentXml {
  const { source, pieces } = content;
  const xml: SegmentXml = {
    text: '',
    hasLetterOrDigit: false,
    tags: {},
    localIds: null,
    tagPartStarts: content.nested.length > 0 ? new Map() : null,
  };
  for (let i = pieceIndexAt(pieces, start); i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.start >= end) break;
    if (piece.type === 'text') {
      const from = Math.max(piece.start, start);
      const to = Math.min(piece.end, end);
      const chunk = indented.length === 0 ? source.slice(from, to) : textWithoutIndentation(source, indented, from, to);
      xml.text += block.mayNeedEscapes ? escapeXml(chunk) : chunk;
      if (!xml.hasLetterOrDigit) xml.hasLetterOrDigit = letterOrDigit.test(chunk);
      continue;
    }
    xml.localIds ??= new Map<number, number>();
    let local = xml.localIds.get(piece.tag);
    if (local === undefined) {
      local = xml.localIds.size + 1;
      xml.localIds.set(piece.tag, local);
      xml.tags[String(local)] = { ...content.tags[piece.tag - 1]! };
    }
    xml.tagPartStarts?.set(`${piece.type}:${piece.tag}`, piece.start);
    if (piece.type === 'open') xml.text += `<g id="${local}">`;
    else if (piece.type === 'close') xml.text += '</g>';
    else xml.text += `<x id="${local}"/>`;
  }
  return xml;
}

/** The body segment of [start, end): its id, where it lies in the file, its line prefixes. */
function pushBodySegment(
  ctx: SegmentationContext,
  fileText: string,
  content: InlineContent,
  map: OffsetMap,
  block: BlockFacts,
  range: { start: number; end: number; newlines: readonly ContinuationLine[] },
  xml: SegmentXml,
): string {
  const { start, end, newlines } = range;
  // without odd whitespace in the block and newlines in the segment, the text is already folded
  const sourceHash = contentHash(xml.text, !block.mayHoldOddWhitespace && newlines.length === 0);
  const fileStart = map.toFile(start);
  const position = positionOf(ctx.lineStarts, fileStart);
  const linePrefixes =
    newlines.length === 0
      ? []
      : newlines.map(({ at, lead }) => fileText.slice(map.toFile(at) + 1, map.toFile(at + 1 + lead)));
  const id = stableId(ctx, block.kind, sourceHash);
  const segment: Segment = {
    id,
    kind: block.kind,
    structure: block.structure,
    text: xml.text,
    sourceHash,
    line: position.line,
    column: position.column,
    start: fileStart,
    end: map.toFile(end - 1) + 1,
    linePrefixes,
    tags: xml.tags,
    context: block.context,
  };
  // the inner line the segment starts on begins after the last newline before it (blocks are small;
  // a huge single-line block has no newline to search for, so this stays linear there too)
  if (block.inContainer) {
    let innerLineStart = content.lastNewlineBefore(start) + 1;
    while (innerLineStart < start && isBlankCode(content.source.charCodeAt(innerLineStart))) innerLineStart++;
    const continuationPrefix = containerPrefixAt(fileText, ctx.lineStarts, position.line, map.toFile(innerLineStart));
    if (continuationPrefix) segment.continuationPrefix = continuationPrefix;
  }
  ctx.segments.push(segment);
  return id;
}

/** The nested segments (alt text, titles) of [start, end), linked to their tag in the parent segment. */
function pushNestedSegments(
  ctx: SegmentationContext,
  content: InlineContent,
  map: OffsetMap,
  block: BlockFacts,
  nested: readonly NestedSpan[],
  parent: { id: string; xml: SegmentXml } | null,
): void {
  for (const span of nested) {
    const nestedText = escapeXml(content.source.slice(span.start, span.end));
    const sourceHash = contentHash(nestedText);
    const fileStart = map.toFile(span.start);
    const position = positionOf(ctx.lineStarts, fileStart);
    const id = stableId(ctx, span.kind, sourceHash);
    const segment: Segment = {
      id,
      kind: span.kind,
      structure: `${block.structure}>${span.kind}`,
      text: nestedText,
      sourceHash,
      line: position.line,
      column: position.column,
      start: fileStart,
      end: map.toFile(span.end - 1) + 1,
      linePrefixes: [],
      tags: {},
      context: block.context,
    };
    if (parent !== null) {
      segment.parentId = parent.id;
      const tag = parent.xml.tags[String(parent.xml.localIds!.get(span.tag)!)]!;
      const tagPieceStart = parent.xml.tagPartStarts!.get(
        `${span.part === 'open' ? (tag.type === 'x' ? 'x' : 'open') : 'close'}:${span.tag}`,
      )!;
      (tag.nested ??= []).push({
        segmentId: id,
        part: span.part,
        start: span.start - tagPieceStart,
        end: span.end - tagPieceStart,
      });
    }
    ctx.segments.push(segment);
  }
}

/** Emits the segment of [from, to) of a block (trimmed of plain whitespace) and its nested segments. */
function emitSegment(
  ctx: SegmentationContext,
  fileText: string,
  content: InlineContent,
  map: OffsetMap,
  block: BlockFacts,
  from: number,
  to: number,
): void {
  const trimmed = trimToText(content, from, to);
  if (trimmed === null) return;
  const { start, end } = trimmed;
  // The indentation at the start of each continuation line belongs to the layout, not the text: it goes
  // with the container prefix (`> `, list indentation) that reassembly puts back after each newline.
  const newlines = continuationLines(content, start, end);
  const indented = newlines.length === 0 ? newlines : newlines.filter(({ lead }) => lead > 0);
  const xml = segmentXmlOf(content, block, start, end, indented);
  const nestedHere = nestedWithin(content.nested, start, end);
  const parentId = xml.hasLetterOrDigit
    ? pushBodySegment(ctx, fileText, content, map, block, { start, end, newlines }, xml)
    : undefined;
  pushNestedSegments(ctx, content, map, block, nestedHere, parentId === undefined ? null : { id: parentId, xml });
}
