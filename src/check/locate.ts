/**
 * Placing a violation in the file it concerns, exactly.
 *
 * A target problem belongs in the output file (`output/it/en/story.md`), but rules see segment XML, and
 * the output is that XML rendered back into the Markdown of the source (tags restored, front-matter
 * values re-quoted, container prefixes after line breaks). Rather than re-implementing that rendering
 * here and hoping it stays identical, the locator asks reassembly itself: it inserts a private-use marker
 * character into the segment's target text at the offset concerned, reassembles the article, and reads
 * where the marker landed. Everything before the marker is byte-identical to the output file (checked
 * once per article: the output must equal the reassembly of the state, else `output-sync` reports it and
 * violations fall back to the segment's line in the source article).
 *
 * When the output is in sync, only the marked segment's top-level splice is rendered again and put where
 * that splice stands in the reassembly (rendered-layout.ts): one reassembly per article with violations,
 * then one segment per violation. Otherwise one reassembly per violation; a clean article costs nothing.
 */
import type { Lang } from '../languages.js';
import type { Article, Segment } from '../segments/types.js';
import { lineColumnAt } from '../text/positions.js';
import type { TargetSpan } from './rule-context.js';
import { createRenderedLayout, type MarkedPosition, type RenderedLayout } from './rendered-layout.js';

/** `reassembleArticle` from src/reassembly (injected so the check can be tested against the real one only) */
export type Reassemble = (article: Article, targets: ReadonlyMap<string, string>, targetLang: Lang) => string;

export interface Placement {
  /** absolute path */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface SegmentLocator {
  place(segmentId: string | null, span?: TargetSpan): Placement;
}

/** The first offset where two texts differ, or -1 when they are equal. */
export function firstDifference(a: string, b: string): number {
  if (a === b) return -1;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return length;
}

/** A marker character that occurs nowhere in the given texts (private use area). */
function pickMarkers(texts: readonly string[]): [string, string] {
  const free: string[] = [];
  for (let code = 0xe000; code <= 0xf8ff && free.length < 2; code++) {
    const char = String.fromCharCode(code);
    if (texts.every((text) => !text.includes(char))) free.push(char);
  }
  return [free[0]!, free[1]!];
}

function insertAt(text: string, offset: number, marker: string): string {
  return text.slice(0, offset) + marker + text.slice(offset);
}

function placementFromMarkers(
  file: string,
  rendered: string,
  startMarker: string,
  endMarker: string,
): Placement | null {
  const start = rendered.indexOf(startMarker);
  if (start < 0) return null;
  const placement: Placement = { file, ...lineColumnAt(rendered, start) };
  const withoutStart = rendered.slice(0, start) + rendered.slice(start + 1);
  const end = withoutStart.indexOf(endMarker);
  if (end >= start) {
    // exclusive end, as SARIF regions count it: the position just after the span
    const endPosition = lineColumnAt(withoutStart, end);
    placement.endLine = endPosition.line;
    placement.endColumn = endPosition.column;
  }
  return placement;
}

function placementOf(file: string, position: MarkedPosition): Placement {
  const placement: Placement = { file, ...position.start };
  if (position.end !== undefined) {
    placement.endLine = position.end.line;
    placement.endColumn = position.end.column;
  }
  return placement;
}

/** Context lengths tried, longest first, when the marked rendering is searched for in an output file that differs. */
const CONTEXTS: ReadonlyArray<[number, number]> = [
  [48, 48],
  [24, 24],
  [12, 12],
  [0, 32],
];

/** the only offset where `needle` occurs in `haystack`, or -1 (none, or more than one) */
function onlyOccurrence(haystack: string, needle: string): number {
  const first = haystack.indexOf(needle);
  return first < 0 || haystack.indexOf(needle, first + 1) >= 0 ? -1 : first;
}

/**
 * Where the marked text stands in an output file that is not the rendering of the targets (edited
 * elsewhere by hand, or written before the source changed): the text around the start marker in the
 * rendering, found once and only once in the file. Null when it is not there (that text was edited).
 */
function placementByContext(
  file: string,
  rendered: string,
  output: string,
  startMarker: string,
  endMarker: string,
): Placement | null {
  const start = rendered.indexOf(startMarker);
  if (start < 0) return null;
  const plain = (text: string): string => text.split(endMarker).join('');
  const spanEnd = rendered.indexOf(endMarker);
  const spanText = spanEnd > start ? rendered.slice(start + 1, spanEnd) : '';
  for (const [before, after] of CONTEXTS) {
    const left = plain(rendered.slice(Math.max(0, start - before), start));
    const right = plain(rendered.slice(start + 1, start + 1 + after));
    if (left.length + right.length < 8) continue;
    const found = onlyOccurrence(output, left + right);
    if (found < 0) continue;
    const at = found + left.length;
    const placement: Placement = { file, ...lineColumnAt(output, at) };
    if (spanText !== '' && output.startsWith(spanText, at)) {
      const end = lineColumnAt(output, at + spanText.length);
      placement.endLine = end.line;
      placement.endColumn = end.column;
    }
    return placement;
  }
  return null;
}

/** The segment's own line/column in the article (when the output cannot be trusted). */
function segmentStart(article: Article, segmentId: string | null): Placement {
  const segment = segmentId === null ? undefined : article.segments.find((candidate) => candidate.id === segmentId);
  return segment
    ? { file: article.path, line: segment.line, column: segment.column }
    : { file: article.path, line: 1, column: 1 };
}

/**
 * Places target problems of a translated article in its output file. `inSync` says whether the output
 * file equals the reassembly of `targets` (the caller compared them); when it does not, the text at
 * fault is looked for in the output file by its context, and only when it is not there (or cannot be
 * rendered) is the violation placed at the segment in the source article.
 */
export function createOutputLocator(input: {
  article: Article;
  targets: ReadonlyMap<string, string>;
  targetLang: Lang;
  outputPath: string;
  outputText: string;
  inSync: boolean;
  reassemble: Reassemble;
  /** `reassembleArticlePieces` of `targets`, when the caller has it (it compared the output with it) */
  rendering?: readonly string[];
}): SegmentLocator {
  const { article, targets, targetLang, outputPath, outputText, inSync, reassemble } = input;
  const segmentsById = new Map<string, Segment>(article.segments.map((segment) => [segment.id, segment]));
  let markers: [string, string] | undefined;
  let layout: RenderedLayout | undefined;
  return {
    place(segmentId, span) {
      const segment = segmentId === null ? undefined : segmentsById.get(segmentId);
      // (an untranslated segment's text out of sync is the source's: it is shown in the source article)
      const outOfSyncSource = !inSync && (outputText === '' || (segment !== undefined && !targets.has(segment.id)));
      if (!segment || outOfSyncSource) return segmentStart(article, segmentId);
      markers ??= pickMarkers([outputText, article.source, ...targets.values()]);
      const [startMarker, endMarker] = markers;
      // an untranslated segment keeps its source text in the output: mark that
      const base = targets.get(segment.id) ?? segment.text;
      const start = Math.min(span?.start ?? 0, base.length);
      let marked = base;
      if (span?.end !== undefined && span.end > start)
        marked = insertAt(marked, Math.min(span.end, base.length), endMarker);
      marked = insertAt(marked, start, startMarker);
      if (inSync) {
        layout ??= createRenderedLayout(article, targets, targetLang, input.rendering);
        const fast = layout.markedPosition(segment.id, marked, startMarker, endMarker);
        if (fast !== null) return placementOf(outputPath, fast);
      }
      const markedTargets = new Map(targets);
      markedTargets.set(segment.id, marked);
      let rendered: string;
      try {
        rendered = reassemble(article, markedTargets, targetLang);
      } catch {
        // targets whose tags do not fit (markup-parity reports them), or a span of a target the output
        // does not show (written as its source text, persist.ts) that falls inside one of its tags
        return segmentStart(article, segmentId);
      }
      if (inSync)
        return placementFromMarkers(outputPath, rendered, startMarker, endMarker) ?? segmentStart(article, segmentId);
      const found = placementByContext(outputPath, rendered, outputText, startMarker, endMarker);
      return found ?? segmentStart(article, segmentId);
    },
  };
}

/**
 * Places problems of a Markdown file checked on its own (target-only mode): the identity reassembly
 * gives the file back byte for byte (the round-trip guarantee), so a marker in a segment lands where
 * that text is in the file.
 */
export function createIdentityLocator(article: Article, reassemble: Reassemble): SegmentLocator {
  const identity = new Map<string, string>(article.segments.map((segment) => [segment.id, segment.text]));
  let markers: [string, string] | undefined;
  return {
    place(segmentId, span) {
      const segment = segmentId === null ? undefined : article.segments.find((candidate) => candidate.id === segmentId);
      if (!segment) return segmentStart(article, segmentId);
      markers ??= pickMarkers([article.source]);
      const [startMarker, endMarker] = markers;
      const start = Math.min(span?.start ?? 0, segment.text.length);
      let marked = segment.text;
      if (span?.end !== undefined && span.end > start)
        marked = insertAt(marked, Math.min(span.end, segment.text.length), endMarker);
      marked = insertAt(marked, start, startMarker);
      const targets = new Map(identity);
      targets.set(segment.id, marked);
      return (
        placementFromMarkers(article.path, reassemble(article, targets, article.lang), startMarker, endMarker) ??
        segmentStart(article, segmentId)
      );
    },
  };
}

/** Places problems of a plain-text file, whose segments are spans of the file itself. */
export function createPlainLocator(
  file: string,
  text: string,
  segmentStarts: ReadonlyMap<string, number>,
): SegmentLocator {
  return {
    place(segmentId, span) {
      const base = segmentId === null ? 0 : (segmentStarts.get(segmentId) ?? 0);
      const placement: Placement = { file, ...lineColumnAt(text, base + (span?.start ?? 0)) };
      if (span?.end !== undefined && span.end > (span.start ?? 0)) {
        const end = lineColumnAt(text, base + span.end);
        placement.endLine = end.line;
        placement.endColumn = end.column;
      }
      return placement;
    },
  };
}
