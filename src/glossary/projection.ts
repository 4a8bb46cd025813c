/**
 * Matching over segment XML. Segment text carries inline tags (`<g id="1">…</g>`, `<x id="2"/>`) and
 * XML entities (`&amp;`). We match over the *plain projection* of that text and map offsets back:
 *   - paired tags `<g …>`/`</g>` vanish, so `<g id="1">Queen</g> of Tears` reads "Queen of Tears" (as a
 *     reader sees it) and a term may span emphasis;
 *   - a standalone tag `<x …/>` (code, image, line break) becomes U+FFFC, which no term contains and no
 *     word boundary accepts: a term never runs across inline code;
 *   - entities are decoded (`&amp;` → `&`).
 * Offsets of matches are given in the XML text: `start` is where the first matched character's source
 * begins, `end` where the last one's ends. A match inside `<g>…</g>` therefore never includes the tags.
 */

export interface Projection {
  /** the plain text */
  readonly text: string;
  /** per plain index: start offset in the original text; null when the projection is the identity */
  readonly starts: Int32Array | null;
  /** per plain index: end offset (exclusive) in the original text */
  readonly ends: Int32Array | null;
}

export const STANDALONE_MARK = '\uFFFC';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Plain text is its own projection. */
export function identityProjection(text: string): Projection {
  return { text, starts: null, ends: null };
}

/**
 * Projects segment XML to plain text; text without `<` or `&` is returned as is (no copy, no maps). The
 * offset maps are built only when read: most texts match no term, and `mapSpan` finds the offsets of a
 * match's two ends by walking the XML again, without them.
 */
export function projectXml(xml: string): Projection {
  if (xml.indexOf('<') < 0 && xml.indexOf('&') < 0) return identityProjection(xml);
  return new XmlProjection(xml, walkProjection(xml, null));
}

/** Where runs of the plain text come from, told run by run as the XML is walked. */
interface RunSink {
  /** plain [at, at + length) is the XML [from, from + length) as is */
  copied(at: number, length: number, from: number): void;
  /** plain [at, at + length) stands for the XML [from, to) (an entity, a standalone tag) */
  emitted(at: number, length: number, from: number, to: number): void;
}

class XmlProjection implements Projection {
  #maps: { starts: Int32Array; ends: Int32Array } | null = null;

  constructor(
    private readonly xml: string,
    readonly text: string,
  ) {}

  get starts(): Int32Array {
    return this.maps().starts;
  }

  get ends(): Int32Array {
    return this.maps().ends;
  }

  /** The XML offsets of plain [start, end) (null when an index is outside the plain text). */
  span(start: number, end: number): { start: number; end: number } | null {
    if (this.#maps !== null || start < 0 || end - 1 < 0 || end > this.text.length || start >= end) return null;
    const last = end - 1;
    let xmlStart = -1;
    let xmlEnd = -1;
    walkProjection(this.xml, {
      copied(at, length, from) {
        if (start >= at && start < at + length) xmlStart = from + (start - at);
        if (last >= at && last < at + length) xmlEnd = from + (last - at) + 1;
      },
      emitted(at, length, from, to) {
        if (start >= at && start < at + length) xmlStart = from;
        if (last >= at && last < at + length) xmlEnd = to;
      },
    });
    return xmlStart < 0 || xmlEnd < 0 ? null : { start: xmlStart, end: xmlEnd };
  }

  private maps(): { starts: Int32Array; ends: Int32Array } {
    if (this.#maps === null) {
      const starts = new Int32Array(this.xml.length);
      const ends = new Int32Array(this.xml.length);
      walkProjection(this.xml, {
        copied(at, length, from) {
          for (let k = 0; k < length; k++) {
            starts[at + k] = from + k;
            ends[at + k] = from + k + 1;
          }
        },
        emitted(at, length, from, to) {
          for (let k = 0; k < length; k++) {
            starts[at + k] = from;
            ends[at + k] = to;
          }
        },
      });
      this.#maps = { starts, ends };
    }
    return this.#maps;
  }
}

/**
 * Walks `xml` as its plain projection. Without a sink: returns the plain text. With one: tells it where
 * each run of the plain text comes from (and returns '': the text is known already).
 */
function walkProjection(xml: string, sink: RunSink | null): string {
  const parts: string[] = [];
  let n = 0;
  /** copies xml[from, to) as is */
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    if (sink === null) parts.push(xml.slice(from, to));
    else sink.copied(n, to - from, from);
    n += to - from;
  };
  /** emits `chars` standing for xml[from, to) */
  const emit = (chars: string, from: number, to: number): void => {
    if (sink === null) parts.push(chars);
    else sink.emitted(n, chars.length, from, to);
    n += chars.length;
  };
  let runStart = 0;
  let i = 0;
  while (i < xml.length) {
    const code = xml.charCodeAt(i);
    if (code === 0x3c /* < */) {
      const close = xml.indexOf('>', i + 1);
      const next = xml.charCodeAt(i + 1);
      const looksLikeTag =
        close > 0 && ((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || next === 0x2f);
      if (looksLikeTag) {
        copy(runStart, i);
        if (xml.charCodeAt(close - 1) === 0x2f /* / */) emit(STANDALONE_MARK, i, close + 1);
        i = runStart = close + 1;
        continue;
      }
    } else if (code === 0x26 /* & */) {
      const semi = xml.indexOf(';', i + 1);
      if (semi > 0 && semi - i <= 10) {
        const decoded = decodeEntity(xml.slice(i + 1, semi));
        if (decoded !== null) {
          copy(runStart, i);
          emit(decoded, i, semi + 1);
          i = runStart = semi + 1;
          continue;
        }
      }
    }
    i++;
  }
  copy(runStart, xml.length);
  return parts.join('');
}

function decodeEntity(name: string): string | null {
  if (name.startsWith('#x') || name.startsWith('#X')) {
    const code = Number.parseInt(name.slice(2), 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  if (name.startsWith('#')) {
    const code = Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  return NAMED_ENTITIES[name] ?? null;
}

/** Maps a plain span [start, end) to the original text. */
export function mapSpan(projection: Projection, start: number, end: number): { start: number; end: number } {
  if (projection instanceof XmlProjection) {
    const span = projection.span(start, end);
    if (span !== null) return span;
  }
  if (!projection.starts || !projection.ends) return { start, end };
  return { start: projection.starts[start]!, end: projection.ends[end - 1]! };
}
