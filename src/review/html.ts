/**
 * HTML building blocks for the review page. Every piece of text that comes from an article, a state
 * file, a glossary or a request goes through `escapeHtml` here: segments are untrusted input (a story
 * about web security may well quote `<script>`), and the page must show them as text.
 */
import type { TaggedToken } from './tagged-text.js';
import type { DiffPart } from './word-diff.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** A range of plain text (tags excluded) to highlight, e.g. a glossary term. */
export interface Highlight {
  start: number;
  end: number;
  /** CSS class (`term-ok`, `term-bad`) */
  className: string;
  /** tooltip text (unescaped) */
  title: string;
}

/**
 * Renders diff parts as HTML: removed runs in `<del>`, added runs in `<ins>`, tags as small badges
 * (`‹1›…‹/1›`, `‹x2›`) so reviewers see where markup sits without reading XML. Highlights are given in
 * offsets of the new text's plain projection (glossary `projectXml`: paired tags dropped, a standalone
 * tag one character); removed parts do not advance the offset.
 */
export function renderDiffHtml(parts: DiffPart[], highlights: Highlight[] = []): string {
  const openIds: string[] = [];
  let offset = 0;
  let html = '';
  for (const part of parts) {
    let inner = '';
    for (const token of part.tokens) {
      if (token.type === 'text') {
        if (part.change === 'removed') {
          inner += escapeHtml(token.text);
        } else {
          inner += highlightText(token.text, offset, highlights);
          offset += token.text.length;
        }
      } else {
        inner += renderTagBadge(token, openIds);
        // The glossary's plain projection counts a standalone tag as one character (U+FFFC).
        if (token.type === 'standalone' && part.change !== 'removed') offset += 1;
      }
    }
    if (part.change === 'removed') html += `<del>${inner}</del>`;
    else if (part.change === 'added') html += `<ins>${inner}</ins>`;
    else html += inner;
  }
  return html;
}

/** Renders tagged tokens without a diff (one unchanged part). */
export function renderTokensHtml(tokens: TaggedToken[], highlights: Highlight[] = []): string {
  return renderDiffHtml([{ change: 'same', tokens }], highlights);
}

function renderTagBadge(token: TaggedToken, openIds: string[]): string {
  if (token.type === 'open') {
    openIds.push(token.id);
    return `<span class="tag" title="${escapeHtml(token.raw)}">‹${escapeHtml(token.id)}›</span>`;
  }
  if (token.type === 'close') {
    // In a diff both versions' tags interleave, so the stack can be off; the badge is only a hint.
    const id = openIds.pop() ?? '';
    return `<span class="tag" title="${escapeHtml(token.raw)}">‹/${escapeHtml(id)}›</span>`;
  }
  if (token.type === 'standalone') {
    return `<span class="tag" title="${escapeHtml(token.raw)}">‹x${escapeHtml(token.id)}›</span>`;
  }
  return '';
}

/** Escapes `text` (which starts at plain-text `offset`) and wraps the parts inside highlights in <mark>. */
function highlightText(text: string, offset: number, highlights: Highlight[]): string {
  const end = offset + text.length;
  const relevant = highlights.filter((h) => h.start < end && h.end > offset).sort((a, b) => a.start - b.start);
  let html = '';
  let cursor = offset;
  for (const highlight of relevant) {
    const from = Math.max(highlight.start, cursor);
    const to = Math.min(highlight.end, end);
    if (to <= from) continue; // overlapping highlights: the first one wins
    html += escapeHtml(text.slice(cursor - offset, from - offset));
    const marked = escapeHtml(text.slice(from - offset, to - offset));
    html += `<mark class="${escapeHtml(highlight.className)}" title="${escapeHtml(highlight.title)}">${marked}</mark>`;
    cursor = to;
  }
  html += escapeHtml(text.slice(cursor - offset));
  return html;
}
