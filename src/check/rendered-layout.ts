/**
 * Placing many markers in one reassembled article without reassembling it once per marker.
 *
 * Reassembly splices each top-level segment's rendering into the source (reassembleArticlePieces: source
 * text between splices, splices at odd indexes), and a segment's rendering depends only on its own
 * target and those of the segments nested in it. So a marker put into one segment changes only the
 * splice of its top-level segment: rendering that one splice again (renderSegment) and adding where the
 * splice starts in the unmarked article gives the marker's offset, line and column in the whole
 * reassembly, exactly what reassembling the whole marked article would give, at the cost of one segment.
 *
 * Nothing here re-implements rendering: the splices come from reassembly itself. The layout is checked
 * per use (the marked splice, markers removed, must be the unmarked splice at that index); when the
 * check fails (a rendering the marker changed, or a splice order this module does not foresee) the
 * caller falls back to reassembling the whole article.
 */
import type { Lang } from '../languages.js';
import type { Article, Segment } from '../segments/types.js';
import { reassembleArticlePieces, renderSegment } from '../reassembly/reassemble.js';
import { computeLineStarts, positionOf, type LineColumn } from '../text/positions.js';

export interface MarkedPosition {
  start: LineColumn;
  /** where the end marker stands once the start marker is taken out; absent when it is not after the start */
  end?: LineColumn;
}

export interface RenderedLayout {
  /**
   * Where `startMarker` (and `endMarker`) land in the reassembly when `segmentId`'s target is `marked`,
   * or null when the fast way cannot vouch for the answer (the caller then reassembles the article).
   */
  markedPosition(segmentId: string, marked: string, startMarker: string, endMarker: string): MarkedPosition | null;
}

/** Index of each top-level segment's splice among the odd pieces, or null when the count is unexpected. */
function spliceIndexes(article: Article, spliceCount: number): Map<string, number> | null {
  const topLevel = article.segments.filter((segment) => segment.parentId === undefined);
  // the front matter's `lang` splice is the only splice that is not a segment's
  let langIndex = -1;
  if (spliceCount === topLevel.length + 1) {
    const frontMatter = article.frontMatter;
    if (!frontMatter) return null;
    const langStart = frontMatter.langRange?.start ?? frontMatter.end;
    // splices are sorted by start, stably, the lang splice listed last
    langIndex = topLevel.filter((segment) => segment.start <= langStart).length;
  } else if (spliceCount !== topLevel.length) return null;
  const indexes = new Map<string, number>();
  topLevel.forEach((segment, index) => {
    indexes.set(segment.id, langIndex >= 0 && index >= langIndex ? index + 1 : index);
  });
  return indexes;
}

/** Line and column of `offset` in `piece`, which starts at `pieceStart` of a text with `lineStarts`. */
function positionInPiece(lineStarts: readonly number[], pieceStart: number, piece: string, offset: number): LineColumn {
  const lastNewline = piece.lastIndexOf('\n', offset - 1);
  const base = positionOf(lineStarts, pieceStart);
  if (offset === 0 || lastNewline < 0) return { line: base.line, column: base.column + offset };
  let newlines = 0;
  for (let at = piece.indexOf('\n'); at >= 0 && at < offset; at = piece.indexOf('\n', at + 1)) newlines++;
  return { line: base.line + newlines, column: offset - lastNewline };
}

/**
 * The layout of `article` reassembled with `targets` (a map the layout may change for the time of one
 * call, and restores). `pieces`: that reassembly's pieces when the caller has them already.
 */
export function createRenderedLayout(
  article: Article,
  targets: ReadonlyMap<string, string>,
  targetLang: Lang,
  pieces: readonly string[] = reassembleArticlePieces(article, targets, targetLang),
): RenderedLayout {
  const byId = new Map<string, Segment>(article.segments.map((segment) => [segment.id, segment]));
  const indexes = spliceIndexes(article, (pieces.length - 1) / 2);
  const pieceStarts: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    pieceStarts.push(offset);
    offset += piece.length;
  }
  let lineStarts: number[] | undefined;
  // one private copy, changed for one segment at a time (rendering is synchronous)
  let working: Map<string, string> | undefined;
  return {
    markedPosition(segmentId, marked, startMarker, endMarker) {
      let top = byId.get(segmentId);
      while (top?.parentId !== undefined) top = byId.get(top.parentId);
      const splice = top === undefined || indexes === null ? undefined : indexes.get(top.id);
      if (top === undefined || splice === undefined) return null;
      const pieceIndex = 2 * splice + 1;
      working ??= new Map(targets);
      const had = working.has(segmentId);
      const previous = working.get(segmentId);
      working.set(segmentId, marked);
      let rendered: string;
      try {
        rendered = renderSegment(top, article, working, byId);
      } catch {
        return null; // the whole reassembly says what a marked target that does not render means
      } finally {
        if (had) working.set(segmentId, previous!);
        else working.delete(segmentId);
      }
      const start = rendered.indexOf(startMarker);
      if (start < 0 || rendered.indexOf(startMarker, start + 1) >= 0) return null;
      const withoutStart = rendered.slice(0, start) + rendered.slice(start + 1);
      const end = withoutStart.indexOf(endMarker);
      const unmarked = end < 0 ? withoutStart : withoutStart.slice(0, end) + withoutStart.slice(end + 1);
      if (unmarked.indexOf(endMarker) >= 0 || unmarked !== pieces[pieceIndex]) return null;
      lineStarts ??= computeLineStarts(pieces.join(''));
      const pieceStart = pieceStarts[pieceIndex]!;
      const position: MarkedPosition = { start: positionInPiece(lineStarts, pieceStart, rendered, start) };
      if (end >= start) position.end = positionInPiece(lineStarts, pieceStart, withoutStart, end);
      return position;
    },
  };
}
