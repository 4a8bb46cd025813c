/**
 * Human edits of a translated file: a translator may edit `output/<lang>/….md` directly. We know exactly
 * what the file looked like when storyloc wrote it (the article reassembled with the state's targets),
 * so the edits are found by comparing that expected text with the file on disk:
 *
 *  1. the region that differs (common prefix and suffix trimmed) is widened to whole segments; text
 *     outside every segment (Markdown structure, front matter keys, blank lines) must be unchanged;
 *  2. each changed segment's new Markdown is turned back into segment XML: the Markdown of every inline
 *     tag (link, emphasis, code, image) must still be there, in order; what lies between is text;
 *  3. the whole file is rebuilt from the new targets and must equal the file on disk byte for byte.
 *
 * Anything that fails (a paragraph deleted, a link broken, front matter damaged) is a structural break,
 * reported with the line in the edited file; the caller then overwrites nothing.
 */
import { isScalar, parseDocument } from 'yaml';
import { StorylocError, type SourcePosition } from '../errors.js';
import type { Lang } from '../languages.js';
import type { Article, InlineTag, Segment } from '../segments/types.js';
import { escapeXml, renderInlineTag, TagMismatchError, unescapeXml, walkSegmentXml } from '../segments/xml.js';
import { xmlToMarkdown } from '../segments/render.js';
import { reassembleArticle, renderSegment } from './reassemble.js';
import { sentenceStarts } from '../segments/sentences.js';
import { lineColumnAt } from '../text/positions.js';

export interface HumanEdit {
  segmentId: string;
  /** the translator's text as segment XML */
  target: string;
}

/** What broke: the front matter, the structure, the markup of a segment, or the file is empty or not text. */
export type StructureBreak = 'frontMatter' | 'structure' | 'markup' | 'outputEmpty' | 'outputNotText';

export type EditDetection =
  | { status: 'unchanged' }
  | { status: 'edited'; edits: HumanEdit[] }
  | { status: 'broken'; reason: StructureBreak; line: number; column: number; segmentId?: string };

interface Span {
  segment: Segment;
  /** offsets in the expected output */
  start: number;
  end: number;
}

class Broken extends Error {
  constructor(
    readonly reason: StructureBreak,
    readonly offset: number,
    readonly segmentId?: string,
  ) {
    super(reason);
  }
}

/** The expected output and where each top-level segment's text lies in it. */
export function expectedOutput(
  article: Article,
  targets: ReadonlyMap<string, string>,
  targetLang: Lang,
): { text: string; spans: Span[] } {
  const text = reassembleArticle(article, targets, targetLang);
  const byId = new Map(article.segments.map((segment) => [segment.id, segment]));
  const topLevel = article.segments.filter((s) => s.parentId === undefined).sort((a, b) => a.start - b.start);
  // Our own splice without the front-matter `lang` change; the difference to `text` is that one change.
  const raw: Span[] = [];
  let rebuilt = '';
  let cursor = 0;
  for (const segment of topLevel) {
    rebuilt += article.source.slice(cursor, segment.start);
    const rendered = renderSegment(segment, article, targets, byId);
    raw.push({ segment, start: rebuilt.length, end: rebuilt.length + rendered.length });
    rebuilt += rendered;
    cursor = segment.end;
  }
  rebuilt += article.source.slice(cursor);
  let common = 0;
  while (common < rebuilt.length && common < text.length && rebuilt.charCodeAt(common) === text.charCodeAt(common))
    common++;
  const delta = text.length - rebuilt.length;
  const spans = raw.map((span) =>
    span.start >= common && delta !== 0 ? { ...span, start: span.start + delta, end: span.end + delta } : span,
  );
  return { text, spans };
}

/** One piece of a segment's rendered Markdown: text, or the Markdown of a tag part. */
type Piece = { type: 'text' } | { type: 'tag'; xml: string; parts: Array<{ static: string } | { nestedId: string }> };

/** Splits a tag part's Markdown around the nested segments spliced into it (alt text, titles). */
function tagParts(tag: InlineTag, part: 'open' | 'close'): Array<{ static: string } | { nestedId: string }> {
  const markdown = part === 'open' ? tag.open : tag.close;
  const nested = (tag.nested ?? []).filter((item) => item.part === part).sort((a, b) => a.start - b.start);
  const parts: Array<{ static: string } | { nestedId: string }> = [];
  let cursor = 0;
  for (const item of nested) {
    parts.push({ static: markdown.slice(cursor, item.start) }, { nestedId: item.segmentId });
    cursor = item.end;
  }
  parts.push({ static: markdown.slice(cursor) });
  return parts;
}

/** The pieces of `xml` rendered for `segment`, as reassembly's `xmlToMarkdown` renders them. */
function piecesOf(segment: Segment, xml: string): Piece[] | null {
  const pieces: Piece[] = [];
  try {
    walkSegmentXml(segment, xml, {
      text: () => pieces.push({ type: 'text' }),
      tag: (tag, part, id) => {
        const xmlTag = part === 'close' ? '</g>' : renderInlineTag(tag.type === 'g' ? 'open' : 'empty', id);
        pieces.push({ type: 'tag', xml: xmlTag, parts: tagParts(tag, part) });
      },
    });
  } catch (error) {
    if (error instanceof TagMismatchError) return null;
    throw error;
  }
  return pieces;
}

interface Inversion {
  xml: string;
  /** new targets of nested segments (alt text, titles) found inside tags */
  nested: Map<string, string>;
}

/**
 * Turns a segment's edited Markdown (container prefixes already removed) back into XML, using the tag
 * Markdown of its current target as anchors. Throws Broken('markup') when a tag's Markdown is missing.
 */
function invertMarkdown(
  segment: Segment,
  markdown: string,
  targets: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, Segment>,
  offset: number,
): Inversion {
  const current = targets.get(segment.id) ?? segment.text;
  const pieces = piecesOf(segment, current);
  if (!pieces) throw new Broken('markup', offset, segment.id);
  let xml = '';
  const nested = new Map<string, string>();
  let cursor = 0;
  const find = (needle: string): number => {
    if (needle === '') return cursor;
    const at = markdown.indexOf(needle, cursor);
    if (at < 0) throw new Broken('markup', offset + cursor, segment.id);
    return at;
  };
  for (const piece of pieces) {
    if (piece.type === 'text') continue;
    const parts = piece.parts;
    const first = parts[0] as { static: string };
    const at = find(first.static);
    xml += escapeXml(markdown.slice(cursor, at));
    cursor = at + first.static.length;
    for (let i = 1; i < parts.length; i += 2) {
      const nestedPart = parts[i] as { nestedId: string };
      const after = parts[i + 1] as { static: string };
      // The nested text ends where the next static Markdown of the tag begins (`](` after alt text).
      const end = after.static === '' ? markdown.length : markdown.indexOf(after.static, cursor);
      if (end < 0) throw new Broken('markup', offset + cursor, segment.id);
      const nestedSegment = byId.get(nestedPart.nestedId);
      const nestedMarkdown = markdown.slice(cursor, end);
      if (nestedSegment) {
        const rendered = xmlToMarkdown(
          nestedSegment,
          targets.get(nestedSegment.id) ?? nestedSegment.text,
          targets,
          byId,
        );
        if (rendered !== nestedMarkdown) {
          const inner = invertMarkdown(nestedSegment, nestedMarkdown, targets, byId, offset + cursor);
          nested.set(nestedSegment.id, inner.xml);
          for (const [id, text] of inner.nested) nested.set(id, text);
        }
      }
      cursor = end + after.static.length;
    }
    xml += piece.xml;
  }
  xml += escapeXml(markdown.slice(cursor));
  return { xml, nested };
}

/** Removes the container prefixes reassembly puts after each newline; null when one is missing. */
function withoutLinePrefixes(markdown: string, prefixes: readonly string[]): string | null {
  if (prefixes.length === 0 || !markdown.includes('\n')) return markdown;
  let index = 0;
  let out = '';
  let cursor = 0;
  for (let nl = markdown.indexOf('\n'); nl >= 0; nl = markdown.indexOf('\n', nl + 1)) {
    const expected = prefixes[Math.min(index++, prefixes.length - 1)]!;
    out += markdown.slice(cursor, nl + 1);
    // An empty continuation line may have lost the prefix's trailing space in the editor.
    const candidates = [expected, expected.trimEnd()];
    const found = candidates.find((p) => markdown.startsWith(p, nl + 1));
    if (found === undefined) return null;
    cursor = nl + 1 + found.length;
  }
  return out + markdown.slice(cursor);
}

/** The translator's new target for one top-level segment (and its nested segments). */
function invertSegment(
  segment: Segment,
  markdown: string,
  targets: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, Segment>,
  offset: number,
): Inversion {
  if (segment.frontMatterKey !== undefined) {
    let value: unknown;
    try {
      const document = parseDocument(markdown);
      // A comment after the value would be lost when storyloc writes the value back in its own style.
      if (document.errors.length > 0 || document.comment || (isScalar(document.contents) && document.contents.comment))
        throw new Error('comment');
      value = document.toJS();
    } catch {
      throw new Broken('frontMatter', offset, segment.id);
    }
    if (typeof value !== 'string' || value.includes('\n') !== unescapeXml(segment.text).includes('\n')) {
      throw new Broken('frontMatter', offset, segment.id);
    }
    return { xml: escapeXml(value), nested: new Map() };
  }
  const unprefixed = withoutLinePrefixes(markdown, segment.linePrefixes);
  if (unprefixed === null) throw new Broken('structure', offset, segment.id);
  return invertMarkdown(segment, unprefixed, targets, byId, offset);
}

/**
 * Splits the changed region of the file into the new texts of the touched segments: the gap text between
 * two segments (a space, a line break) must be found in the region. A structural gap (with a line break
 * or Markdown) is cut at its first occurrence the segment can take (its tags intact). A space between two
 * sentences occurs many times: there the cut where the target language starts a sentence wins, then one
 * that ends like the old text did, then the one nearest to where the old lengths put it.
 */
function splitRegion(
  region: string,
  expectedParts: readonly string[],
  gaps: readonly string[],
  offset: number,
  accepts: (index: number, markdown: string, offset: number) => boolean,
  targetLang: Lang,
): string[] {
  const parts: string[] = [];
  // Between two sentences of one paragraph the gap is a space, found many times over: a cut where the
  // target language's sentence rules start a sentence is the one the translator meant.
  let sentenceStartSet: Set<number> | null = null;
  const startsSentence = (at: number): boolean =>
    (sentenceStartSet ??= new Set(sentenceStarts(region, targetLang))).has(at);
  // latest[k]: the last place gap k can start with every later gap still found after it, in order. A cut
  // past it leaves no room for the segments that follow (a sentence gap would otherwise happily take a
  // space three paragraphs further on when the translator merged two sentences).
  const latest = new Array<number>(gaps.length).fill(-1);
  let bound = region.length;
  for (let k = gaps.length - 1; k >= 0; k--) {
    const gap = gaps[k]!;
    const at = bound - gap.length < 0 ? -1 : region.lastIndexOf(gap, bound - gap.length);
    if (at < 0) break;
    latest[k] = at;
    bound = at;
  }
  let cursor = 0;
  const expectedTotal =
    expectedParts.reduce((sum, part) => sum + part.length, 0) + gaps.reduce((sum, gap) => sum + gap.length, 0);
  const scale = expectedTotal === 0 ? 1 : region.length / expectedTotal;
  for (let k = 0; k < gaps.length; k++) {
    const gap = gaps[k]!;
    const expected = expectedParts[k]!;
    const aim = cursor + Math.round(expected.length * scale);
    const candidates: number[] = [];
    const last = latest[k]!;
    if (last < 0) {
      // no room for this gap and the ones after it: the structure changed (no candidate → Broken)
    } else if (gap === '') candidates.push(Math.max(cursor, Math.min(aim, last)));
    else
      for (let at = region.indexOf(gap, cursor); at >= 0 && at <= last; at = region.indexOf(gap, at + 1))
        candidates.push(at);
    const lastChar = expected.slice(-1);
    // Structural gaps (a line break, Markdown around an image) cannot occur inside one segment's text:
    // the first one is the cut. A space between two sentences can: rank those cuts.
    const isSentenceGap = /^[ \t]+$/.test(gap);
    const ranked = candidates
      .map((at) => ({
        at,
        sentence: isSentenceGap && startsSentence(at + gap.length),
        sameEnding: at > cursor && region.charAt(at - 1) === lastChar,
        distance: Math.abs(at - aim),
      }))
      .sort((a, b) =>
        isSentenceGap
          ? Number(b.sentence) - Number(a.sentence) ||
            Number(b.sameEnding) - Number(a.sameEnding) ||
            a.distance - b.distance ||
            a.at - b.at
          : a.at - b.at,
      );
    const chosen = ranked.find(({ at }) => accepts(k, region.slice(cursor, at), offset + cursor)) ?? ranked[0];
    if (!chosen) throw new Broken('structure', offset + cursor);
    parts.push(region.slice(cursor, chosen.at));
    cursor = chosen.at + gap.length;
  }
  parts.push(region.slice(cursor));
  return parts;
}

/** The touched segments (spans first…last of the expected output) and the region of the file they became. */
interface ChangedRegion {
  touched: Span[];
  /** where the touched segments start and end in the file on disk */
  start: number;
  end: number;
}

/**
 * The region that differs (common prefix and suffix trimmed), widened to whole segments and narrowed
 * again by unchanged whole segments at either end. Throws Broken when changed text lies outside every
 * segment.
 */
function changedRegion(
  expected: { text: string; spans: Span[] },
  actual: string,
  reasonOutside: (offset: number) => StructureBreak,
): ChangedRegion {
  const { text, spans } = expected;
  let prefix = 0;
  const maxPrefix = Math.min(text.length, actual.length);
  while (prefix < maxPrefix && text.charCodeAt(prefix) === actual.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < maxPrefix - prefix &&
    text.charCodeAt(text.length - 1 - suffix) === actual.charCodeAt(actual.length - 1 - suffix)
  )
    suffix++;
  const changeStart = prefix;
  const changeEnd = text.length - suffix;
  // Segments the change touches (an insertion at a segment's edge belongs to that segment).
  let first = spans.findIndex((span) => span.end >= changeStart);
  let last = -1;
  for (let i = spans.length - 1; i >= 0; i--) {
    if (spans[i]!.start <= changeEnd) {
      last = i;
      break;
    }
  }
  if (first < 0 || last < 0 || first > last || spans[first]!.start > changeStart || spans[last]!.end < changeEnd) {
    throw new Broken(reasonOutside(changeStart), changeStart);
  }
  // Unchanged whole segments at either end of the region (the char trim may stop inside them).
  let end = actual.length - (text.length - spans[last]!.end);
  let start = spans[first]!.start;
  if (end < start) throw new Broken(reasonOutside(changeStart), changeStart);
  while (first < last) {
    const piece = text.slice(spans[first]!.start, spans[first + 1]!.start);
    if (!actual.startsWith(piece, start) || start + piece.length > end) break;
    start += piece.length;
    first++;
  }
  while (last > first) {
    const piece = text.slice(spans[last - 1]!.end, spans[last]!.end);
    if (end - piece.length < start || actual.slice(end - piece.length, end) !== piece) break;
    end -= piece.length;
    last--;
  }
  return { touched: spans.slice(first, last + 1), start, end };
}

/** The new targets of the touched segments, the edits among them, and front-matter values as typed. */
function invertRegion(
  article: Article,
  targets: ReadonlyMap<string, string>,
  targetLang: Lang,
  text: string,
  actual: string,
  region: ChangedRegion,
): { newTargets: Map<string, string>; edits: HumanEdit[]; frontMatterAsTyped: Map<string, string> } {
  const { touched } = region;
  const expectedParts = touched.map((span) => text.slice(span.start, span.end));
  const gaps = touched.slice(1).map((span, k) => text.slice(touched[k]!.end, span.start));
  const byId = new Map(article.segments.map((segment) => [segment.id, segment]));
  const accepts = (k: number, markdown: string, at: number): boolean => {
    if (markdown === expectedParts[k]) return true;
    try {
      invertSegment(touched[k]!.segment, markdown, targets, byId, at);
      return true;
    } catch (error) {
      if (error instanceof Broken) return false;
      throw error;
    }
  };
  const newParts = splitRegion(
    actual.slice(region.start, region.end),
    expectedParts,
    gaps,
    region.start,
    accepts,
    targetLang,
  );
  const newTargets = new Map(targets);
  const edits: HumanEdit[] = [];
  // Front-matter values as the translator typed them (quoted in another style than the source's).
  const frontMatterAsTyped = new Map<string, string>();
  let offset = region.start;
  touched.forEach((span, k) => {
    const markdown = newParts[k]!;
    if (markdown !== expectedParts[k]) {
      if (span.segment.frontMatterKey !== undefined) frontMatterAsTyped.set(span.segment.id, markdown);
      const inversion = invertSegment(span.segment, markdown, targets, byId, offset);
      for (const [id, xml] of [[span.segment.id, inversion.xml] as const, ...inversion.nested]) {
        if ((targets.get(id) ?? byId.get(id)?.text) !== xml) edits.push({ segmentId: id, target: xml });
        newTargets.set(id, xml);
      }
    }
    offset += markdown.length + (gaps[k]?.length ?? 0);
  });
  return { newTargets, edits, frontMatterAsTyped };
}

/**
 * The proof: the file rebuilt from the new targets is the file on disk. A front-matter value is
 * compared as typed: quoting it ('…', "…") or dropping quotes changes the style, not the value; storyloc
 * writes it back in the source's style on the next write. Throws Broken where they differ.
 */
function proveRebuild(
  article: Article,
  newTargets: ReadonlyMap<string, string>,
  targetLang: Lang,
  actual: string,
  frontMatterAsTyped: ReadonlyMap<string, string>,
  reasonOutside: (offset: number) => StructureBreak,
): void {
  const proof = expectedOutput(article, newTargets, targetLang);
  let rebuilt = proof.text;
  for (const span of [...proof.spans].reverse()) {
    const typed = frontMatterAsTyped.get(span.segment.id);
    if (typed !== undefined) rebuilt = rebuilt.slice(0, span.start) + typed + rebuilt.slice(span.end);
  }
  if (rebuilt === actual) return;
  let at = 0;
  while (at < rebuilt.length && at < actual.length && rebuilt.charCodeAt(at) === actual.charCodeAt(at)) at++;
  throw new Broken(reasonOutside(at), at);
}

/**
 * An output that is not a translation at all: empty (truncated, overwritten) or not text (a NUL byte, or
 * bytes that are not UTF-8, read as U+FFFD, where the expected text has none). Named for what it is,
 * before any comparison would call it a changed front matter or structure.
 */
function notTextProblem(expected: string, actual: string): { reason: StructureBreak; offset: number } | null {
  if (actual.trim() === '') return { reason: 'outputEmpty', offset: 0 };
  const nul = actual.indexOf('\u0000');
  const replacement = expected.includes('\ufffd') ? -1 : actual.indexOf('\ufffd');
  if (nul === -1 && replacement === -1) return null;
  // the first of the two is where the file stops being text
  const offset = nul === -1 ? replacement : replacement === -1 ? nul : Math.min(nul, replacement);
  return { reason: 'outputNotText', offset };
}

/**
 * Compares the file on disk (`actual`) with what storyloc wrote from `targets` and returns the
 * translator's edits, or where the structure was broken.
 */
export function detectHumanEdits(
  article: Article,
  targets: ReadonlyMap<string, string>,
  targetLang: Lang,
  actual: string,
): EditDetection {
  const expected = expectedOutput(article, targets, targetLang);
  const text = expected.text;
  if (text === actual) return { status: 'unchanged' };
  const notText = notTextProblem(text, actual);
  if (notText) return { status: 'broken', reason: notText.reason, ...lineColumnAt(actual, notText.offset) };
  const brokenAt = (error: Broken): EditDetection => ({
    status: 'broken',
    reason: error.reason,
    ...lineColumnAt(actual, Math.min(error.offset, actual.length)),
    ...(error.segmentId !== undefined ? { segmentId: error.segmentId } : {}),
  });
  const frontMatterEnd = article.frontMatter ? expected.text.indexOf('\n---', article.frontMatter.start) + 4 : 0;
  const reasonOutside = (offset: number): StructureBreak => (offset < frontMatterEnd ? 'frontMatter' : 'structure');
  try {
    const region = changedRegion(expected, actual, reasonOutside);
    const { newTargets, edits, frontMatterAsTyped } = invertRegion(
      article,
      targets,
      targetLang,
      expected.text,
      actual,
      region,
    );
    proveRebuild(article, newTargets, targetLang, actual, frontMatterAsTyped, reasonOutside);
    return edits.length === 0 ? { status: 'unchanged' } : { status: 'edited', edits };
  } catch (error) {
    if (error instanceof Broken) return brokenAt(error);
    // Reassembly refusing the rebuilt targets (a tag mismatch) means the markup was broken.
    if (error instanceof TagMismatchError) return brokenAt(new Broken('markup', 0, error.segmentId));
    throw error;
  }
}

/** A structural break found in a translated file: reported with file and line, nothing overwritten. */
export interface BrokenEdit {
  reason: StructureBreak | 'noState' | 'unverifiable';
  position: SourcePosition;
  segmentId?: string;
  /** the state file the output belongs to */
  stateFile: string;
}

/** Thrown (exit 2) when translated files were edited in ways that break them; lists every one. */
export class BrokenEditsError extends StorylocError {
  constructor(readonly broken: BrokenEdit[]) {
    const first = broken[0]!;
    super(
      'edit.broken',
      `memory:edit.${first.reason}`,
      { id: first.segmentId ?? '', state: first.stateFile, count: broken.length },
      { position: first.position },
    );
    this.name = 'BrokenEditsError';
  }
}
