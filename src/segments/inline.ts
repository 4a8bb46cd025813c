/**
 * Inline Markdown (marked's inline tokens) → a flat list of pieces over the block's inline source:
 * plain text, and the opening/closing/standalone parts of inline markup, each with its exact source
 * text. Sentences are cut between pieces or inside text pieces, never inside markup.
 */
import type { Token, Tokens } from 'marked';
import type { InlineTag } from './types.js';

export type Piece =
  | { type: 'text'; start: number; end: number }
  | { type: 'open' | 'close' | 'x'; tag: number; start: number; end: number };

/** A translatable span inside a tag's Markdown: image alt text, link or image title. */
export interface NestedSpan {
  kind: 'imageAlt' | 'imageTitle' | 'linkTitle';
  tag: number;
  part: 'open' | 'close';
  /** offsets in the inline source */
  start: number;
  end: number;
}

export interface InlineContent {
  /** the inline Markdown source of the block (container prefixes stripped) */
  source: string;
  pieces: Piece[];
  /** tags numbered 1… in order of appearance in the block */
  tags: InlineTag[];
  nested: NestedSpan[];
  /** offset of the last newline of `source` before `offset`, or -1 (binary search over the newlines) */
  lastNewlineBefore(offset: number): number;
  /** offset of the first newline of `source` at or after `offset`, or -1 */
  newlineAtOrAfter(offset: number): number;
}

export class InlineAlignmentError extends Error {}

const rawOf = (tokens: readonly Token[] | undefined): string => {
  let text = '';
  if (tokens) for (const token of tokens) text += token.raw;
  return text;
};

/** Builds pieces for `tokens`, whose raw strings must concatenate to `source`. */
export function buildInlineContent(source: string, tokens: readonly Token[]): InlineContent {
  let newlines: number[] | null = null;
  // newline offsets, found once per block: per-segment searches would make a huge block quadratic
  const firstNewlineAtOrAfter = (offset: number): number => {
    if (newlines === null) {
      newlines = [];
      for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) newlines.push(at);
    }
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const content: InlineContent = {
    source,
    pieces: [],
    tags: [],
    nested: [],
    lastNewlineBefore(offset: number): number {
      const index = firstNewlineAtOrAfter(offset);
      return index === 0 ? -1 : newlines![index - 1]!;
    },
    newlineAtOrAfter(offset: number): number {
      const index = firstNewlineAtOrAfter(offset);
      return index < newlines!.length ? newlines![index]! : -1;
    },
  };
  const end = walk(content, tokens, 0);
  if (end !== source.length)
    throw new InlineAlignmentError(`inline tokens cover ${end} of ${source.length} characters`);
  return content;
}

function addTag(content: InlineContent, tag: InlineTag): number {
  content.tags.push(tag);
  return content.tags.length; // 1-based id
}

function walk(content: InlineContent, tokens: readonly Token[], start: number): number {
  let cursor = start;
  const { source, pieces } = content;
  for (const token of tokens) {
    const raw = token.raw;
    // raws are slices of the source: checking the first character per token and the total length at
    // the end (buildInlineContent) catches a misalignment without comparing every string twice
    if (raw.length > 0 && source.charCodeAt(cursor) !== raw.charCodeAt(0))
      throw new InlineAlignmentError(`token ${token.type} not at ${cursor}`);
    const tokenEnd = cursor + raw.length;
    switch (token.type) {
      case 'text':
      case 'escape': {
        const children = (token as Tokens.Text).tokens;
        if (children && children.length > 0 && rawOf(children) === raw) {
          walk(content, children, cursor);
        } else {
          const last = pieces[pieces.length - 1];
          if (last && last.type === 'text' && last.end === cursor) last.end = tokenEnd;
          else pieces.push({ type: 'text', start: cursor, end: tokenEnd });
        }
        break;
      }
      case 'strong':
      case 'em':
      case 'del':
      case 'link': {
        const children = (token as Tokens.Strong).tokens ?? [];
        const inner = rawOf(children);
        const isBracketLink = token.type !== 'link' || raw.startsWith('[');
        const openLength = token.type === 'link' ? 1 : (raw.length - inner.length) / 2;
        if (
          !isBracketLink ||
          inner.length === 0 ||
          !Number.isInteger(openLength) ||
          !raw.startsWith(inner, openLength)
        ) {
          // autolinks and empty links carry nothing to translate: one standalone tag
          standalone(content, token, cursor);
          break;
        }
        const open = raw.slice(0, openLength);
        const close = raw.slice(openLength + inner.length);
        const markup =
          token.type === 'em'
            ? 'emphasis'
            : token.type === 'link'
              ? 'link'
              : token.type === 'del'
                ? 'delete'
                : 'strong';
        const tag: InlineTag = { type: 'g', markup, open, close };
        if (token.type === 'link') tag.url = (token as Tokens.Link).href;
        const id = addTag(content, tag);
        pieces.push({ type: 'open', tag: id, start: cursor, end: cursor + openLength });
        walk(content, children, cursor + openLength);
        const closeStart = cursor + openLength + inner.length;
        if (token.type === 'link') addTitle(content, token as Tokens.Link, id, 'close', close, closeStart, 'linkTitle');
        pieces.push({ type: 'close', tag: id, start: closeStart, end: tokenEnd });
        break;
      }
      default:
        standalone(content, token, cursor);
    }
    cursor = tokenEnd;
  }
  return cursor;
}

const standaloneMarkup: Record<string, InlineTag['markup']> = {
  codespan: 'code',
  br: 'break',
  html: 'html',
  image: 'image',
  link: 'autolink',
};

function standalone(content: InlineContent, token: Token, cursor: number): void {
  const raw = token.raw;
  const tag: InlineTag = { type: 'x', markup: standaloneMarkup[token.type] ?? 'html', open: raw, close: '' };
  if (token.type === 'image' || token.type === 'link') tag.url = (token as Tokens.Image).href;
  const id = addTag(content, tag);
  content.pieces.push({ type: 'x', tag: id, start: cursor, end: cursor + raw.length });
  if (token.type === 'image') {
    const image = token as Tokens.Image;
    if (image.text && raw.startsWith(image.text, 2) && /\p{L}/u.test(image.text)) {
      content.nested.push({
        kind: 'imageAlt',
        tag: id,
        part: 'open',
        start: cursor + 2,
        end: cursor + 2 + image.text.length,
      });
    }
    addTitle(content, image, id, 'open', raw, cursor, 'imageTitle');
  }
}

/** A link or image title is translatable; find it inside the closing Markdown (`](url "title")`). */
function addTitle(
  content: InlineContent,
  token: Tokens.Link | Tokens.Image,
  tag: number,
  part: 'open' | 'close',
  markdown: string,
  markdownStart: number,
  kind: 'linkTitle' | 'imageTitle',
): void {
  const title = token.title;
  if (!title || !/\p{L}/u.test(title)) return;
  const at = markdown.lastIndexOf(title);
  if (at <= 0) return;
  const before = markdown[at - 1];
  const after = markdown[at + title.length];
  const quoted =
    (before === '"' && after === '"') || (before === "'" && after === "'") || (before === '(' && after === ')');
  if (!quoted) return;
  content.nested.push({ kind, tag, part, start: markdownStart + at, end: markdownStart + at + title.length });
}
