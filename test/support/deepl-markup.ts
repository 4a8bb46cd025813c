/**
 * The markup side of the DeepL test server's `tag_handling=xml`: how a text is cut into tags and text,
 * what tag handling v2's strict XML parser refuses, which text `ignore_tags` and `translate="no"`
 * protect, and the seeded "tag movement" that makes the server place tags by meaning as DeepL does.
 *
 * DeepL facts this mirrors (developers.deepl.com, "Translating XML" and "Tag handling v2"):
 * - v2 parses XML strictly: an unclosed or crossed tag, a bare `<` or `&`, an undefined entity gets 400
 *   "Tag handling parsing failed, please check input."; v1 takes anything.
 * - tags are placed by meaning: they move within the sentence, may wrap neighbouring punctuation
 *   (`Press <b>Continue</b> to advance.` → `Drücken Sie <b>„Weiter",</b> um fortzufahren.`), and
 *   placeholders (empty elements) go next to the word they belong to in the translation.
 * - the text of an element named in `ignore_tags`, or carrying `translate="no"`, is returned untouched.
 */
import { createRandom } from './random.js';

export type MarkupToken =
  | { kind: 'text'; text: string }
  | { kind: 'open'; raw: string; name: string; translate: boolean }
  | { kind: 'close'; raw: string; name: string }
  | { kind: 'empty'; raw: string; name: string };

export const TAG_PARSING_FAILED = 'Tag handling parsing failed, please check input.';

const NAME = '[A-Za-z_][\\w.-]*';
const ATTRIBUTE = `\\s+${NAME}(?::${NAME})?\\s*=\\s*(?:"[^"<]*"|'[^'<]*')`;
const OPEN_TAG = new RegExp(`^<(${NAME})((?:${ATTRIBUTE})*)\\s*(/?)>$`);
const CLOSE_TAG = new RegExp(`^</(${NAME})\\s*>$`);
const XML_ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
const TRANSLATE_NO = /\stranslate\s*=\s*(?:"no"|'no')/;

/** Cuts a text into tags and text, leniently (v1): anything between `<` and `>` is a tag. */
export function tokenizeMarkup(text: string): MarkupToken[] {
  return text
    .split(/(<[^>]*>)/)
    .filter((part) => part !== '')
    .map((part): MarkupToken => {
      if (!part.startsWith('<')) return { kind: 'text', text: part };
      const close = /^<\/\s*([^\s>]*)/.exec(part);
      if (close) return { kind: 'close', raw: part, name: close[1]! };
      const name = /^<\s*([^\s/>]*)/.exec(part)![1]!;
      if (part.endsWith('/>')) return { kind: 'empty', raw: part, name };
      return { kind: 'open', raw: part, name, translate: !TRANSLATE_NO.test(part) };
    });
}

/** True when `text` is well-formed XML content as tag handling v2 requires. */
export function isWellFormedXml(text: string): boolean {
  // characters XML 1.0 forbids, even written as character references
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text)) return false;
  // no tag and no entity: one text token, well formed (most texts of a run; the server answers faster)
  if (!text.includes('<') && !text.includes('&')) return true;
  const stack: string[] = [];
  for (const token of tokenizeMarkup(text)) {
    if (token.kind === 'text') {
      if (token.text.includes('<')) return false;
      for (let at = token.text.indexOf('&'); at !== -1; at = token.text.indexOf('&', at + 1)) {
        if (!XML_ENTITY.test(token.text.slice(at))) return false;
      }
    } else if (token.kind === 'close') {
      if (!CLOSE_TAG.test(token.raw) || stack.pop() !== token.name) return false;
    } else {
      const match = OPEN_TAG.exec(token.raw);
      if (!match || hasDuplicateAttribute(match[2]!)) return false;
      if (token.kind === 'open') stack.push(token.name);
    }
  }
  return stack.length === 0;
}

const ATTRIBUTE_NAME = new RegExp(`\\s(${NAME}(?::${NAME})?)\\s*=`, 'g');

function hasDuplicateAttribute(attributes: string): boolean {
  // one '=' at most: one attribute at most (`<g id="1">`, nearly every tag a run sends)
  if (attributes.indexOf('=') === attributes.lastIndexOf('=')) return false;
  const names = [...attributes.matchAll(ATTRIBUTE_NAME)].map((m) => m[1]!);
  return new Set(names).size !== names.length;
}

/**
 * Translates the text runs of a tokenized text, leaving alone every run inside an element named in
 * `ignoreTags` or marked `translate="no"` (and every tag).
 */
export function translateRuns(
  tokens: readonly MarkupToken[],
  ignoreTags: ReadonlySet<string>,
  translate: (run: string) => string,
): MarkupToken[] {
  let protectedDepth = 0;
  const stack: boolean[] = [];
  return tokens.map((token) => {
    if (token.kind === 'open') {
      const protects = ignoreTags.has(token.name) || !token.translate;
      stack.push(protects);
      if (protects) protectedDepth++;
    } else if (token.kind === 'close') {
      if (stack.pop()) protectedDepth--;
    } else if (token.kind === 'text' && protectedDepth === 0) {
      return { kind: 'text', text: translate(token.text) };
    }
    return token;
  });
}

export function renderMarkup(tokens: readonly MarkupToken[]): string {
  return tokens.map((token) => (token.kind === 'text' ? token.text : token.raw)).join('');
}

/** What the movement mode may do to a translation; each kind is tried once per text. */
export type TagMovementKind = 'wrap-punctuation' | 'move' | 'renest' | 'shift-placeholder';

export const ALL_TAG_MOVEMENTS: readonly TagMovementKind[] = [
  'wrap-punctuation',
  'move',
  'renest',
  'shift-placeholder',
];

export interface TagMovementSettings {
  seed: number;
  kinds: readonly TagMovementKind[];
}

/**
 * Moves the tags of a well-formed translation as DeepL's tag placement can, keeping the tag set and the
 * balance. Deterministic: the choices depend on the seed and the text only (not on request order).
 * Tags of protected elements (`ignore_tags`, `translate="no"`) are left where they are.
 */
export function moveTags(
  text: string,
  settings: TagMovementSettings,
  ignoreTags: ReadonlySet<string> = new Set(),
): string {
  let tokens = splitWords(tokenizeMarkup(text));
  if (tokens.some((token) => token.kind === 'open' && (ignoreTags.has(token.name) || !token.translate))) return text;
  const random = createRandom((settings.seed ^ hashText(text)) >>> 0);
  for (const kind of settings.kinds) tokens = MOVES[kind](tokens, random);
  return renderMarkup(tokens);
}

type Move = (tokens: MarkupToken[], random: () => number) => MarkupToken[];

const WORD = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*$/u;
/** punctuation DeepL's placement pulls into a neighbouring element (quotes, commas, stops) */
const PUNCTUATION = /^[,.;:!?"'“”„«»‘’]+$/u;

/** Text tokens cut further into words, spaces and punctuation, so moves can work word by word. */
function splitWords(tokens: readonly MarkupToken[]): MarkupToken[] {
  return tokens.flatMap((token): MarkupToken[] =>
    token.kind === 'text'
      ? token.text
          .split(/(\s+|[,.;:!?"'“”„«»‘’]+)/u)
          .filter((p) => p !== '')
          .map((text) => ({ kind: 'text', text }))
      : [token],
  );
}

const isWord = (token: MarkupToken | undefined): boolean => token?.kind === 'text' && WORD.test(token.text);
const isPunctuation = (token: MarkupToken | undefined): boolean =>
  token?.kind === 'text' && PUNCTUATION.test(token.text);
const isSpace = (token: MarkupToken | undefined): boolean => token?.kind === 'text' && /^\s+$/.test(token.text);

function pick<T>(candidates: readonly T[], random: () => number): T | undefined {
  return candidates.length === 0 ? undefined : candidates[Math.floor(random() * candidates.length)];
}

/** Index of the close tag matching the open tag at `open`. */
function closeOf(tokens: readonly MarkupToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.kind === 'open') depth++;
    else if (tokens[i]!.kind === 'close' && --depth === 0) return i;
  }
  return -1;
}

/** `<b>Weiter</b>,` → `<b>Weiter,</b>`; `„<b>Weiter</b>"` → `<b>„Weiter"</b>`. */
const wrapPunctuation: Move = (tokens, random) => {
  const candidates = tokens.flatMap((token, i) =>
    token.kind === 'close' && (isPunctuation(tokens[i + 1]) || isPunctuationBefore(tokens, i)) ? [i] : [],
  );
  const close = pick(candidates, random);
  if (close === undefined) return tokens;
  const out = [...tokens];
  const open = out.findLastIndex((token, i) => i < close && token.kind === 'open' && closeOf(out, i) === close);
  if (isPunctuation(out[close + 1])) out.splice(close, 2, out[close + 1]!, out[close]!);
  if (open > 0 && isPunctuation(out[open - 1])) out.splice(open - 1, 2, out[open]!, out[open - 1]!);
  return out;
};

function isPunctuationBefore(tokens: readonly MarkupToken[], close: number): boolean {
  const open = tokens.findLastIndex((token, i) => i < close && token.kind === 'open' && closeOf(tokens, i) === close);
  return open > 0 && isPunctuation(tokens[open - 1]);
}

/** An element holding one word moves to the next (or previous) word of the sentence. */
const moveElement: Move = (tokens, random) => {
  const candidates = tokens.flatMap((token, i) =>
    token.kind === 'open' &&
    isWord(tokens[i + 1]) &&
    tokens[i + 2]?.kind === 'close' &&
    (wordAfter(tokens, i + 2) !== -1 || wordBefore(tokens, i) !== -1)
      ? [i]
      : [],
  );
  const open = pick(candidates, random);
  if (open === undefined) return tokens;
  const out = [...tokens];
  const [openTag, word, closeTag] = out.splice(open, 3) as [MarkupToken, MarkupToken, MarkupToken];
  out.splice(open, 0, word);
  const after = wordAfter(out, open);
  const target = after !== -1 ? after : wordBefore(out, open);
  out.splice(target, 1, openTag, out[target]!, closeTag);
  return out;
};

/** The next word after `from` with only spaces between (no tag crossed). */
function wordAfter(tokens: readonly MarkupToken[], from: number): number {
  let i = from + 1;
  while (isSpace(tokens[i])) i++;
  return i > from + 1 && isWord(tokens[i]) ? i : -1;
}

function wordBefore(tokens: readonly MarkupToken[], from: number): number {
  let i = from - 1;
  while (isSpace(tokens[i])) i--;
  return i < from - 1 && isWord(tokens[i]) ? i : -1;
}

/** `<a>x</a> <b>y</b>` → `<a>x <b>y</b></a>`: the first element now holds the second, still balanced. */
const renest: Move = (tokens, random) => {
  const candidates = tokens.flatMap((token, i) => {
    if (token.kind !== 'close') return [];
    let next = i + 1;
    while (tokens[next]?.kind === 'text' && !isWord(tokens[next])) next++;
    return tokens[next]?.kind === 'open' && closeOf(tokens, next) !== -1 ? [i] : [];
  });
  const close = pick(candidates, random);
  if (close === undefined) return tokens;
  const out = [...tokens];
  let next = close + 1;
  while (out[next]?.kind === 'text' && !isWord(out[next])) next++;
  const secondClose = closeOf(out, next);
  const [closeTag] = out.splice(close, 1);
  out.splice(secondClose, 0, closeTag!);
  return out;
};

/** A placeholder (empty element) goes next to the neighbouring word: `Kim<x/> stelle` → `Kim stelle<x/>`. */
const shiftPlaceholder: Move = (tokens, random) => {
  const candidates = tokens.flatMap((token, i) =>
    token.kind === 'empty' && (wordAfter(tokens, i) !== -1 || wordBefore(tokens, i) !== -1) ? [i] : [],
  );
  const at = pick(candidates, random);
  if (at === undefined) return tokens;
  const out = [...tokens];
  const [placeholder] = out.splice(at, 1);
  const after = wordAfter(out, at - 1);
  if (after !== -1) out.splice(after + 1, 0, placeholder!);
  else out.splice(wordBefore(out, at), 0, placeholder!);
  return out;
};

const MOVES: Record<TagMovementKind, Move> = {
  'wrap-punctuation': wrapPunctuation,
  move: moveElement,
  renest,
  'shift-placeholder': shiftPlaceholder,
};

/** FNV-1a of the text, so the movement of a text does not depend on the order requests arrive in. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
