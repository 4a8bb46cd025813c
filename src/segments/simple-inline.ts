/**
 * A fast inline lexer for the prose most news paragraphs are: plain text with `*emphasis*`,
 * `**strong**` and `[links](https://…)`. For every input it accepts it returns exactly the tokens
 * marked's inline lexer returns (type, raw, text, href, title, children: a property test holds this on
 * the bench corpus, the fixtures and thousands of generated inputs); for anything else it returns null
 * and the caller asks marked.
 *
 * Why: marked's inline lexer tries a dozen regexes at every token and builds text by concatenation; on
 * news prose that is most of its time, and parsing is the spine of every command (issue 2: 20 MB/s).
 * The accepted forms are deliberately narrow, so that CommonMark's delimiter and flanking rules give one
 * answer only: anything unusual (underscores, code, HTML, entities, escapes, images, nested markup,
 * emphasis touching punctuation on the inside) goes to marked.
 */
import type { Token, Tokens } from 'marked';
import { isAsciiLetterOrDigit } from '../text/char-codes.js';

/**
 * Every character or sequence that can start inline Markdown: emphasis, code, links, images, HTML,
 * entities, escapes, hard breaks, and GFM autolinks (`www.`, `http:`, `mailto:`, emails). Text without
 * any is one text token; this lexer handles `*`, `[`, a colon before a space and a `!` before anything
 * but `[`, and leaves everything else to marked. One regex scan per block: this is the hot path.
 */
const markupCharacters = '\\\\`*_~[\\]!<>&@:';
const markupStart = new RegExp(`[${markupCharacters}]|  \\n|www\\.`, 'g');
/** the same set plus any newline, for the spans inside emphasis and link labels (its own lastIndex) */
const markupInside = new RegExp(`[${markupCharacters}\\n]|www\\.`, 'g');
const BANG = 0x21;

const STAR = 0x2a;
const OPEN_BRACKET = 0x5b;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const COLON = 0x3a;
const SPACE = 0x20;
const NEWLINE = 0x0a;

const wordCharacter = /[\p{L}\p{N}]/u;
function isWordCode(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return isAsciiLetterOrDigit(code);
  return wordCharacter.test(text[index]!);
}

const isBlank = (code: number): boolean => code === SPACE || code === NEWLINE;

/**
 * What may follow a closing `*`/`**`: the end, a space, a newline, common punctuation, or a letter or
 * digit (a Korean particle: `*눈물의 여왕*은`; a `*` run between letters still closes).
 */
function closesCleanly(text: string, index: number): boolean {
  if (index >= text.length) return true;
  if (isWordCode(text, index)) return true;
  switch (text.charCodeAt(index)) {
    case SPACE:
    case NEWLINE:
    case 0x2e: // .
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x3f: // ?
    case 0x21: // !
    case 0x29: // )
    case 0x22: // "
    case 0x27: // '
    case 0x2019: // ’
    case 0x201d: // ”
      return true;
    case COLON:
      return index + 1 >= text.length || isBlank(text.charCodeAt(index + 1));
    default:
      return false;
  }
}

/** A link destination this lexer accepts: a plain URL with no spaces, brackets or escapes. */
const isUrlCode = (code: number): boolean =>
  isAsciiLetterOrDigit(code) ||
  code === 0x2d ||
  code === 0x2e ||
  code === 0x2f ||
  code === COLON ||
  code === 0x3f ||
  code === 0x23 ||
  code === 0x3d ||
  code === 0x25 ||
  code === 0x2b ||
  code === 0x2c;

/**
 * Whether `text[from, until)` is plain text for this lexer: one line, and no markup but a colon before a
 * space (`said: yes`; `http:` and `mailto:` are autolinks) and a `!` not before `[` (an image).
 */
function isPlainSpan(text: string, from: number, until: number): boolean {
  // scan the span only (a search from `from` to the end of a 5 MB paragraph per emphasis was quadratic);
  // the harmless-colon check still looks one character past the span, in `text`
  const span = text.slice(from, until);
  markupInside.lastIndex = 0;
  for (let match = markupInside.exec(span); match !== null; match = markupInside.exec(span)) {
    if (span.charCodeAt(match.index) === NEWLINE || !isHarmless(text, from + match.index)) return false;
  }
  return true;
}

/** A colon before a space, a newline or the end, or a `!` not before `[`: plain text to marked. */
function isHarmless(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === COLON) return at + 1 >= text.length || isBlank(text.charCodeAt(at + 1));
  return code === BANG && text.charCodeAt(at + 1) !== OPEN_BRACKET;
}

const textToken = (raw: string): Tokens.Text => ({ type: 'text', raw, text: raw, escaped: false });

/** `*inner*` or `**inner**` at `at`; the token and its end, or null. */
function emphasisAt(text: string, at: number): { token: Tokens.Em | Tokens.Strong; end: number } | null {
  // the opener follows a space, a newline or the start, so it can only open (left-flanking only)
  if (at > 0 && !isBlank(text.charCodeAt(at - 1))) return null;
  const width = text.charCodeAt(at + 1) === STAR ? 2 : 1;
  const innerStart = at + width;
  if (!isWordCode(text, innerStart)) return null;
  const closer = text.indexOf(width === 2 ? '**' : '*', innerStart);
  if (closer === -1) return null;
  // the inner text is plain, on one line, and ends with a letter or digit (so the closer only closes)
  if (!isPlainSpan(text, innerStart, closer) || !isWordCode(text, closer - 1)) return null;
  const end = closer + width;
  if (!closesCleanly(text, end)) return null;
  const inner = text.slice(innerStart, closer);
  const raw = text.slice(at, end);
  const token = { type: width === 2 ? 'strong' : 'em', raw, text: inner, tokens: [textToken(inner)] } as
    | Tokens.Em
    | Tokens.Strong;
  return { token, end };
}

/** `[label](url)` at `at`; the token and its end, or null. */
function linkAt(text: string, at: number): { token: Tokens.Link; end: number } | null {
  const labelStart = at + 1;
  const labelEnd = text.indexOf(']', labelStart);
  if (labelEnd <= labelStart || !isPlainSpan(text, labelStart, labelEnd)) return null;
  if (text.charCodeAt(labelEnd + 1) !== OPEN_PAREN) return null;
  const urlStart = labelEnd + 2;
  let urlEnd = urlStart;
  while (urlEnd < text.length && isUrlCode(text.charCodeAt(urlEnd))) urlEnd++;
  if (urlEnd === urlStart || text.charCodeAt(urlEnd) !== CLOSE_PAREN) return null;
  const label = text.slice(labelStart, labelEnd);
  const end = urlEnd + 1;
  const token: Tokens.Link = {
    type: 'link',
    raw: text.slice(at, end),
    href: text.slice(urlStart, urlEnd),
    title: null,
    text: label,
    tokens: [textToken(label)],
  };
  return { token, end };
}

/** marked's inline tokens for `text`, or null when the text is outside the subset this lexer handles. */
export function lexSimpleInline(text: string): Token[] | null {
  markupStart.lastIndex = 0;
  let match = markupStart.exec(text);
  if (match === null) return text.length > 0 ? [textToken(text)] : [];
  const tokens: Token[] = [];
  let textStart = 0;
  while (match !== null) {
    const at = match.index;
    const code = text.charCodeAt(at);
    if (code !== STAR && code !== OPEN_BRACKET) {
      if (!isHarmless(text, at)) return null;
      match = markupStart.exec(text);
      continue;
    }
    const found = code === STAR ? emphasisAt(text, at) : linkAt(text, at);
    if (found === null) return null;
    if (at > textStart) tokens.push(textToken(text.slice(textStart, at)));
    tokens.push(found.token);
    textStart = found.end;
    markupStart.lastIndex = found.end;
    match = markupStart.exec(text);
  }
  if (textStart < text.length) tokens.push(textToken(text.slice(textStart)));
  return tokens;
}
