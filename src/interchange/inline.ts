/**
 * Inline content of interchange files. Our segment text already is XLIFF 1.2 inline markup
 * (`<g id>`/`<x id/>`, text escaped), so XLIFF export copies it; on import the content a CAT tool wrote
 * back is normalised to exactly our form (entities, `<x></x>`, CDATA) or refused when it holds markup we
 * do not know. TMX has no `<g>`/`<x>`: there the tags travel as TMX `<bpt>`/`<ept>`/`<ph>` carrying our tag
 * as native code, and come back the same way.
 */
import { escapeXml, renderInlineTag, tokenizeSegmentXml, unescapeXml } from '../segments/xml.js';

const escapeAttr = (text: string): string => escapeXml(text).replace(/"/g, '&quot;');
export { escapeAttr };

/** One token of inline content. */
type InlineToken =
  | { type: 'text'; text: string }
  | { type: 'open'; id: string }
  | { type: 'close' }
  | { type: 'standalone'; id: string };

/**
 * Tokenises XML inline content (`<g id>`, `</g>`, `<x id/>`, `<x id></x>`, entities, CDATA).
 * Null when it holds any other element or a malformed tag.
 */
function tokenize(raw: string): InlineToken[] | null {
  const tokens: InlineToken[] = [];
  const pattern =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let last = 0;
  // Raw text holding `<` is markup we did not recognise (an unknown element): refused.
  const pushRaw = (rawText: string): void => {
    if (rawText.includes('<')) throw new Error('stray markup');
    pushText(unescapeXml(rawText));
  };
  const pushText = (text: string): void => {
    if (text === '') return;
    const previous = tokens[tokens.length - 1];
    if (previous?.type === 'text') previous.text += text;
    else tokens.push({ type: 'text', text });
  };
  try {
    for (const match of raw.matchAll(pattern)) {
      pushRaw(raw.slice(last, match.index));
      last = match.index + match[0].length;
      if (match[1] !== undefined) {
        pushText(match[1]);
        continue;
      }
      const [, , closing, name, attrs, selfClosing] = match;
      const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs ?? '');
      const idValue = id ? unescapeXml(id[1] ?? id[2] ?? '') : undefined;
      if (name === 'g') {
        if (closing) tokens.push({ type: 'close' });
        else if (idValue !== undefined && !selfClosing) tokens.push({ type: 'open', id: idValue });
        else return null;
      } else if (name === 'x') {
        if (closing) {
          // `<x id="1"></x>`: the closing half of a standalone tag already pushed.
          if (tokens[tokens.length - 1]?.type !== 'standalone') return null;
        } else if (idValue !== undefined) tokens.push({ type: 'standalone', id: idValue });
        else return null;
      } else {
        return null;
      }
    }
    pushRaw(raw.slice(last));
  } catch {
    return null;
  }
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'open') depth++;
    if (token.type === 'close' && --depth < 0) return null;
  }
  return depth === 0 ? tokens : null;
}

/** Our canonical segment XML for XLIFF inline content, or null when it cannot be represented. */
export function xliffInlineToSegmentXml(raw: string): string | null {
  const tokens = tokenize(raw);
  if (!tokens) return null;
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'text':
          return escapeXml(token.text);
        case 'open':
          return `<g id="${escapeAttr(token.id)}">`;
        case 'close':
          return '</g>';
        default:
          return `<x id="${escapeAttr(token.id)}"/>`;
      }
    })
    .join('');
}

/** Segment XML as TMX 1.4 `<seg>` content: tags become `<bpt>`/`<ept>`/`<ph>` with our tag as native code. */
export function segmentXmlToTmx(xml: string): string {
  const tokens = tokenizeSegmentXml(xml);
  const open: string[] = [];
  let pairIndex = 0;
  let tmx = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text': {
        const text = xml.slice(token.start, token.end);
        // a `<` that is no tag of ours: not representable as TMX inline markup, the whole text is escaped
        if (text.includes('<')) return escapeXml(xml);
        tmx += escapeXml(text);
        break;
      }
      case 'entity':
        tmx += escapeXml(token.text);
        break;
      case 'open': {
        const i = String(++pairIndex);
        open.push(i);
        tmx += `<bpt i="${i}" x="${escapeAttr(token.id)}">${escapeXml(renderInlineTag('open', token.id))}</bpt>`;
        break;
      }
      case 'close': {
        const i = open.pop();
        if (i === undefined || token.name !== 'g') return escapeXml(xml);
        tmx += `<ept i="${i}">${escapeXml('</g>')}</ept>`;
        break;
      }
      default:
        if (token.name !== 'x') return escapeXml(xml);
        tmx += `<ph x="${escapeAttr(token.id)}">${escapeXml(renderInlineTag('empty', token.id))}</ph>`;
    }
  }
  return open.length > 0 ? escapeXml(xml) : tmx;
}

/**
 * TMX `<seg>` content back to segment XML: `<bpt x>`/`<ept>`/`<ph x>` become our tags again; other
 * inline elements (`<hi>`, `<ut>`, `<it>`) are unwrapped to their text. Null on malformed content.
 */
export function tmxToSegmentXml(raw: string): string | null {
  let out = '';
  const pattern = /<(bpt|ept|ph|it|ut)\b([^>]*)>([\s\S]*?)<\/\1>|<(\/?)hi\b[^>]*>/g;
  let last = 0;
  const text = (s: string): string | null => (/[<>]/.test(s) ? null : escapeXml(unescapeXml(s)));
  for (const match of raw.matchAll(pattern)) {
    const before = text(raw.slice(last, match.index));
    if (before === null) return null;
    out += before;
    last = match.index + match[0].length;
    const [, name, attrs] = match;
    if (name === undefined) continue; // <hi>: formatting without content of its own
    const x = /\bx\s*=\s*"([^"]*)"/.exec(attrs ?? '')?.[1];
    if (name === 'bpt') out += `<g id="${escapeAttr(x ?? '')}">`;
    else if (name === 'ept') out += '</g>';
    else if (name === 'ph') out += `<x id="${escapeAttr(x ?? '')}"/>`;
  }
  const rest = text(raw.slice(last));
  if (rest === null) return null;
  return xliffInlineToSegmentXml(out + rest);
}
