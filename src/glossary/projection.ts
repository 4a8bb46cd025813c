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
 * offset maps are built only when first read: most texts match no term, and then only the text is needed.
 */
export function projectXml(xml: string): Projection {
  if (xml.indexOf('<') < 0 && xml.indexOf('&') < 0) return identityProjection(xml);
  const text = walkProjection(xml, null);
  let maps: OffsetMaps | null = null;
  const mapsOf = (): OffsetMaps => {
    if (maps === null) {
      maps = { starts: new Int32Array(xml.length), ends: new Int32Array(xml.length) };
      walkProjection(xml, maps);
    }
    return maps;
  };
  return {
    text,
    get starts() {
      return mapsOf().starts;
    },
    get ends() {
      return mapsOf().ends;
    },
  };
}

interface OffsetMaps {
  starts: Int32Array;
  ends: Int32Array;
}

/** The plain text of `xml`; with `maps`, each plain index's offsets in the XML are written there too. */
function walkProjection(xml: string, maps: OffsetMaps | null): string {
  const parts: string[] = [];
  let n = 0;
  /** copies xml[from, to) as is */
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(xml.slice(from, to));
    if (maps === null) return;
    for (let k = from; k < to; k++, n++) {
      maps.starts[n] = k;
      maps.ends[n] = k + 1;
    }
  };
  /** emits `chars` standing for xml[from, to) */
  const emit = (chars: string, from: number, to: number): void => {
    parts.push(chars);
    if (maps === null) return;
    for (let k = 0; k < chars.length; k++, n++) {
      maps.starts[n] = from;
      maps.ends[n] = to;
    }
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
  if (!projection.starts || !projection.ends) return { start, end };
  return { start: projection.starts[start]!, end: projection.ends[end - 1]! };
}
