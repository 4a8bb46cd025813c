/**
 * marked's block tokenizer with exact shortcuts. Before every paragraph, marked tries a dozen block
 * regexes; the setext heading one walks the whole paragraph with a lazy quantifier and look-aheads at
 * every character, and the table one scans its first line. Each override first checks a condition every
 * match of its regex needs (the first character after at most three spaces, or a line start), and
 * returns "no match" when it fails; otherwise marked's own tokenizer decides. So the tokens are marked's
 * own (the lexing test compares whole documents with marked's lexer, and fails when a condition is
 * weakened).
 */
import { Tokenizer, type Tokens } from 'marked';
import { isAsciiDigit } from '../text/char-codes.js';
import { simpleListAt, type SimpleList } from './simple-list.js';

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;

/** The index after up to three spaces from `at`. */
function afterIndent(src: string, at: number): number {
  let index = at;
  while (index < at + 3 && src.charCodeAt(index) === SPACE) index++;
  return index;
}

/** The character after up to three leading spaces (what every indentable block starts with). */
const firstAfterIndent = (src: string): number => src.charCodeAt(afterIndent(src, 0));

export class FastBlockTokenizer extends Tokenizer {
  /** blank lines: `^(?:[ \t]*(?:\n|$))+`, non-empty */
  override space(src: string): Tokens.Space | undefined {
    const first = src.charCodeAt(0);
    return first === SPACE || first === TAB || first === NEWLINE ? super.space(src) : undefined;
  }

  /** indented code: four spaces or a tab within the first four characters */
  override code(src: string): Tokens.Code | undefined {
    const first = src.charCodeAt(0);
    return first === SPACE || first === TAB ? super.code(src) : undefined;
  }

  /** fences: `` ` `` or `~` */
  override fences(src: string): Tokens.Code | undefined {
    const first = firstAfterIndent(src);
    return first === 0x60 || first === 0x7e ? super.fences(src) : undefined;
  }

  /** ATX headings: `#` */
  override heading(src: string): Tokens.Heading | undefined {
    return firstAfterIndent(src) === 0x23 ? super.heading(src) : undefined;
  }

  /** thematic breaks: `-`, `_` or `*` */
  override hr(src: string): Tokens.Hr | undefined {
    const first = firstAfterIndent(src);
    return first === 0x2d || first === 0x5f || first === 0x2a ? super.hr(src) : undefined;
  }

  /** block quotes: `>` */
  override blockquote(src: string): Tokens.Blockquote | undefined {
    return firstAfterIndent(src) === 0x3e ? super.blockquote(src) : undefined;
  }

  /** lists: `*`, `+`, `-` or a digit; a plain list (simple-list.ts) without marked's item regexes */
  override list(src: string): Tokens.List | undefined {
    const first = firstAfterIndent(src);
    if (!(first === 0x2a || first === 0x2b || first === 0x2d || isAsciiDigit(first))) return undefined;
    // after a text token (inside a list item) marked first checks whether a list may interrupt it
    const simple = this.lexer.state.lastToken?.type === 'text' ? null : simpleListAt(src);
    return simple === null ? super.list(src) : this.listToken(simple);
  }

  /** marked's token for a plain list: the items' contents lexed by marked, as its list tokenizer does. */
  private listToken(simple: SimpleList): Tokens.List {
    const { bullet, ordered } = simple;
    const list: Tokens.List = {
      type: 'list',
      raw: simple.raw,
      ordered,
      start: ordered ? +bullet.slice(0, -1) : '',
      loose: false,
      items: simple.items.map(({ raw, text }) => ({
        type: 'list_item',
        raw,
        task: false,
        loose: false,
        text,
        tokens: [],
      })),
    };
    for (const item of list.items) {
      this.lexer.state.top = false;
      item.tokens = this.lexer.blockTokens(item.text, []);
      if (!list.loose) {
        const spacers = item.tokens.filter((token) => token.type === 'space');
        list.loose = spacers.length > 0 && spacers.some((token) => this.rules.other.anyLine.test(token.raw));
      }
    }
    if (list.loose) {
      for (const item of list.items) {
        item.loose = true;
        for (const token of item.tokens) if (token.type === 'text') (token as Tokens.Generic).type = 'paragraph';
      }
    }
    return list;
  }

  /** HTML blocks: every kind starts with `<` */
  override html(src: string): Tokens.HTML | undefined {
    return firstAfterIndent(src) === 0x3c ? super.html(src) : undefined;
  }

  /** link reference definitions: `[` */
  override def(src: string): Tokens.Def | undefined {
    return firstAfterIndent(src) === 0x5b ? super.def(src) : undefined;
  }

  /**
   * A GFM table needs its second line to be a delimiter row, which starts (after up to three spaces)
   * with `|`, `:` or `-`; the header line ends at the first newline (`.` never crosses one).
   */
  override table(src: string): Tokens.Table | undefined {
    const newline = src.indexOf('\n');
    if (newline === -1) return undefined;
    const first = src.charCodeAt(afterIndent(src, newline + 1));
    if (first !== 0x7c && first !== 0x3a && first !== 0x2d) return undefined;
    return super.table(src);
  }

  /**
   * A setext heading needs a line starting (after up to three spaces) with `=` or `-` before the
   * paragraph text ends, and that text never runs past a blank line. Lines that hold only spaces or
   * tabs are blank to marked too (it also counts other Unicode spaces, which only ends its text earlier),
   * so stopping at them never misses a match.
   */
  override lheading(src: string): Tokens.Heading | undefined {
    for (let newline = src.indexOf('\n'); newline !== -1; newline = src.indexOf('\n', newline + 1)) {
      const lineStart = newline + 1;
      const first = src.charCodeAt(afterIndent(src, lineStart));
      if (first === 0x3d || first === 0x2d) return super.lheading(src);
      let index = lineStart;
      while (src.charCodeAt(index) === SPACE || src.charCodeAt(index) === TAB) index++;
      if (index >= src.length || src.charCodeAt(index) === NEWLINE) return undefined;
    }
    return undefined;
  }
}
