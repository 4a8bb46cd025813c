/**
 * What storyloc does with inline tags that machine translation moved. DeepL's tag handling v2 places tags
 * by meaning: an element may wrap another word, re-nest inside its neighbour, take neighbouring
 * punctuation (`Drücken Sie <b>„Weiter",</b> um fortzufahren.`), and a placeholder may sit next to
 * another word. The decision, per case:
 *
 * - accepted: the same tags, balanced, in any order or nesting. Where a tag sits is a translation choice
 *   (reviewers see it in the review diff); reassembly renders any balanced order.
 * - repaired: spaces and punctuation that an element took in at its edges, where the source's element had
 *   none there, go back outside it (`<g>„Weiter",</g>` → `„<g>Weiter</g>",`). A space inside an edge
 *   breaks Markdown emphasis (`** Weiter**` is not bold) and punctuation inside code or a link text is
 *   not what the source marked; outside, the Markdown reads the same as the source did.
 * - marked for review (a segment flag, which `check` reports and which keeps the file from publishing):
 *   tags lost, doubled or unbalanced (`tags.mismatch`); an element left with no word (`tags.empty:N`,
 *   its Markdown would be `****` or `[,](url)`); a link moved inside another link (`tags.link-in-link:N`,
 *   Markdown has no nested links); underscore emphasis moved inside a word (`tags.intraword:N`,
 *   `_` does not work there).
 */
import type { InlineTag } from './types.js';
import { readInlineTag, sameTags, unescapeXml } from './xml.js';

export interface TagPlacement {
  /** the translation, repaired where a repair was possible */
  text: string;
  /** true when the text was changed */
  repaired: boolean;
  /** review flags (empty when the placement is accepted) */
  flags: string[];
}

type Token = { kind: 'text'; text: string } | { kind: 'open' | 'close' | 'empty'; raw: string; id: string };

/**
 * Spaces and punctuation an element may take in at its edges. The text is XML, so an entity is one
 * character: the entities of punctuation (`&amp;` `&quot;` `&apos;`) move whole, and no entity is ever cut
 * (a bare `&` only starts one; a `;` closing one is not punctuation of its own). Cutting one made
 * `&<g id="1">amp</g>;` of `<g id="1">&amp;</g>`: text that is no longer well-formed XML.
 */
const PUNCTUATION_ENTITY = '&(?:amp|quot|apos);';
const ENTITY_BEFORE = '(?<!&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+))';
const EDGE = new RegExp(`^(?:${PUNCTUATION_ENTITY}|(?!&)[\\s\\p{P}])+`, 'u');
const EDGE_END = new RegExp(`(?:${PUNCTUATION_ENTITY}|(?!&)${ENTITY_BEFORE}[\\s\\p{P}])+$`, 'u');

/**
 * Text and tag tokens of a translation; entities stay text here: only the tags are moved. What
 * `tokenizeSegmentXml(xml, { entities: false })` reads, taken straight from the tag reader.
 */
function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  let textStart = 0;
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at + 1)) {
    const tag = readInlineTag(xml, at);
    if (tag === null) continue;
    if (at > textStart) tokens.push({ kind: 'text', text: xml.slice(textStart, at) });
    tokens.push({ kind: tag.kind, raw: xml.slice(at, tag.end), id: tag.kind === 'close' ? '' : tag.id });
    textStart = tag.end;
    at = tag.end - 1;
  }
  if (xml.length > textStart) tokens.push({ kind: 'text', text: xml.slice(textStart) });
  return tokens;
}

type Tags = Readonly<Record<string, InlineTag>>;

const render = (tokens: readonly Token[]): string =>
  tokens.map((token) => (token.kind === 'text' ? token.text : token.raw)).join('');

/** The text between two token positions, tags left out. */
const textBetween = (tokens: readonly Token[], from: number, to: number): string =>
  tokens
    .slice(from, to)
    .map((token) => (token.kind === 'text' ? token.text : ''))
    .join('');

/** Per paired tag id: its inner XML, its parent element's id, and its position. */
interface Element {
  id: string;
  open: number;
  close: number;
  parent: string | null;
}

function elementsOf(tokens: readonly Token[]): Element[] {
  const elements: Element[] = [];
  const stack: Element[] = [];
  tokens.forEach((token, index) => {
    if (token.kind === 'open') {
      const element = { id: token.id, open: index, close: -1, parent: stack.at(-1)?.id ?? null };
      stack.push(element);
      elements.push(element);
    } else if (token.kind === 'close') {
      const element = stack.pop();
      if (element) element.close = index;
    }
  });
  return elements;
}

/** The text inside each element of `xml` (tags dropped), by tag id. */
function innerTexts(xml: string): Map<string, string> {
  const tokens = tokenize(xml);
  const inner = new Map<string, string>();
  for (const element of elementsOf(tokens)) {
    inner.set(element.id, textBetween(tokens, element.open + 1, element.close));
  }
  return inner;
}

/**
 * Moves edge spaces and punctuation out of each element whose source counterpart had none at that edge.
 * One element per pass, until nothing moves (nested elements hand the moved text on to their parent).
 */
function repairEdges(tokens: Token[], source: ReadonlyMap<string, string>): Token[] {
  let repaired = tokens;
  // the bound follows the tokens as moves add some
  for (let pass = 0; pass < 2 * repaired.length + 2; pass++) {
    const moved = moveOneEdge(repaired, source);
    if (!moved) break;
    repaired = moved;
  }
  return repaired;
}

function moveOneEdge(tokens: Token[], source: ReadonlyMap<string, string>): Token[] | null {
  for (const element of elementsOf(tokens)) {
    const sourceInner = source.get(element.id) ?? '';
    const first = tokens[element.open + 1];
    const last = tokens[element.close - 1];
    // never empty an element: that is for review, not repair
    if (!/[^\s\p{P}]/u.test(unescapeXml(textBetween(tokens, element.open + 1, element.close)))) continue;
    if (first?.kind === 'text' && !EDGE.test(sourceInner)) {
      const edge = EDGE.exec(first.text)?.[0];
      if (edge) return shift(tokens, element.open, element.open + 1, edge, 'before');
    }
    if (last?.kind === 'text' && !EDGE_END.test(sourceInner)) {
      const edge = EDGE_END.exec(last.text)?.[0];
      if (edge) return shift(tokens, element.close, element.close - 1, edge, 'after');
    }
  }
  return null;
}

/** Takes `edge` off the text token at `from` and puts it just before/after the tag at `tag`. */
function shift(tokens: readonly Token[], tag: number, from: number, edge: string, side: 'before' | 'after'): Token[] {
  const out = [...tokens];
  const text = (out[from] as { text: string }).text;
  const rest = side === 'before' ? text.slice(edge.length) : text.slice(0, text.length - edge.length);
  out[from] = { kind: 'text', text: rest };
  out.splice(side === 'before' ? tag : tag + 1, 0, { kind: 'text', text: edge });
  return mergeText(out.filter((token) => token.kind !== 'text' || token.text !== ''));
}

function mergeText(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const previous = out.at(-1);
    if (token.kind === 'text' && previous?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', text: previous.text + token.text };
    } else out.push(token);
  }
  return out;
}

/** Flags for what no repair can fix. */
function reviewFlags(tokens: readonly Token[], tags: Tags, source: ReadonlyMap<string, string>): string[] {
  const flags: string[] = [];
  const elements = elementsOf(tokens);
  const markupOf = (id: string): InlineTag | undefined => tags[id];
  for (const element of elements) {
    const inner = tokens.slice(element.open + 1, element.close);
    // no word left inside (`<g>,</g>`, `<g></g>`); an element the source left so too (`[](url)`) is as written
    // entities read as what they stand for: an element holding only `&quot;` has no word
    const wordless = (text: string): boolean => !/[\p{L}\p{N}]/u.test(unescapeXml(text));
    const empty = !inner.some((token) => token.kind === 'empty' || (token.kind === 'text' && !wordless(token.text)));
    if (empty && !wordless(source.get(element.id) ?? '')) flags.push(`tags.empty:${element.id}`);
    if (markupOf(element.id)?.markup === 'link' && hasLinkAncestor(element, elements, tags)) {
      flags.push(`tags.link-in-link:${element.id}`);
    }
    const insideWord = endsInWord(tokens[element.open - 1]) || startsWithWord(tokens[element.close + 1]);
    if (markupOf(element.id)?.open.startsWith('_') && insideWord) flags.push(`tags.intraword:${element.id}`);
  }
  return flags;
}

function hasLinkAncestor(element: Element, elements: readonly Element[], tags: Tags): boolean {
  for (let parent = element.parent; parent !== null; ) {
    if (tags[parent]?.markup === 'link') return true;
    parent = elements.find((candidate) => candidate.id === parent)?.parent ?? null;
  }
  return false;
}

const endsInWord = (token: Token | undefined): boolean => token?.kind === 'text' && /[\p{L}\p{N}]$/u.test(token.text);
const startsWithWord = (token: Token | undefined): boolean =>
  token?.kind === 'text' && /^[\p{L}\p{N}]/u.test(token.text);

/**
 * Settles the tags of a machine translation against its source: accept, repair or flag (see the header).
 * `tags` is the segment's tag table (which Markdown each id stands for).
 */
export function settleTagPlacement(sourceXml: string, targetXml: string, tags: Tags): TagPlacement {
  if (!sameTags(sourceXml, targetXml)) return { text: targetXml, repaired: false, flags: ['tags.mismatch'] };
  if (!targetXml.includes('<')) return { text: targetXml, repaired: false, flags: [] };
  const source = innerTexts(sourceXml);
  const tokens = tokenize(targetXml);
  const repaired = repairEdges(tokens, source);
  // nothing moved: the tokens are the target's own, read once; after a repair the text is read afresh
  if (repaired === tokens) return { text: targetXml, repaired: false, flags: reviewFlags(tokens, tags, source) };
  const text = render(repaired);
  return { text, repaired: text !== targetXml, flags: reviewFlags(tokenize(text), tags, source) };
}
