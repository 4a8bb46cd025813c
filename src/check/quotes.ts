/**
 * Quotation marks in one block of text (a paragraph, a heading, a list item): balanced and facing the
 * right way. A quotation may run over several sentences, so the unit is the block, never the sentence.
 *
 * What decides the role of a mark is where it stands, as in CommonMark's flanking rules: a mark with a
 * space (or the start) before it and a letter after it opens; a mark with a letter before it and a space,
 * punctuation or the end after it closes. So ”Ho sentito… is a closing mark used to open.
 *
 * ’ is also the apostrophe (l’attore, un’espressione, po’, ’90s): it closes a quotation only when a ‘ is
 * open; otherwise it is taken as an apostrophe and never reported. A pair of straight " is fine.
 */

export type QuoteProblemKind = 'wrongDirection' | 'unclosed' | 'unopened';

export interface QuoteProblem {
  kind: QuoteProblemKind;
  /** offset of the offending mark in the text */
  offset: number;
  /** the mark as written */
  mark: string;
  /** the mark that belongs there (wrong direction) or the mark that would close/open it */
  expected: string;
}

type QuoteFamily = 'double' | 'single' | 'guillemet' | 'straight';

interface OpenQuote {
  family: QuoteFamily;
  offset: number;
  mark: string;
}

const OPENING_PUNCTUATION = new Set(['(', '[', '{', '—', '–', '-', '/', '\u00a0', '“', '‘', '«', '"', '\uFFFC']);
const CLOSING_PUNCTUATION = new Set([
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '…',
  '—',
  '–',
  '-',
  '/',
  '”',
  '’',
  '»',
  '"',
  '\uFFFC',
]);

const closerOf: Record<QuoteFamily, string> = { double: '”', single: '’', guillemet: '»', straight: '"' };

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/u.test(char);
}

function isLetterOrDigit(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char);
}

/** the mark stands where a quotation opens: nothing or a space before, something after */
function inOpeningPosition(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index + 1];
  return !isSpace(after) && (isSpace(before) || OPENING_PUNCTUATION.has(before!));
}

/** the mark stands where a quotation closes: something before, nothing/space/punctuation after */
function inClosingPosition(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index + 1];
  return !isSpace(before) && (isSpace(after) || CLOSING_PUNCTUATION.has(after!));
}

/** Problems with quotation marks in one block, in text order. */
export function findQuoteProblems(text: string): QuoteProblem[] {
  if (!/[“”„«»‘"]/.test(text)) return []; // no quotation mark (’ alone is an apostrophe or closes nothing)
  const problems: QuoteProblem[] = [];
  const open: OpenQuote[] = [];

  const close = (family: QuoteFamily): boolean => closeInnermost(open, family, problems);
  const top = (): OpenQuote | undefined => open[open.length - 1];

  for (let index = 0; index < text.length; index++) {
    const mark = text[index]!;
    switch (mark) {
      case '“':
      case '„': {
        if (inClosingPosition(text, index) && !inOpeningPosition(text, index) && top()?.family === 'double') {
          problems.push({ kind: 'wrongDirection', offset: index, mark, expected: '”' });
          open.pop();
        } else {
          open.push({ family: 'double', offset: index, mark });
        }
        break;
      }
      case '”': {
        if (inOpeningPosition(text, index) && !inClosingPosition(text, index)) {
          problems.push({ kind: 'wrongDirection', offset: index, mark, expected: '“' });
          open.push({ family: 'double', offset: index, mark });
        } else if (!close('double')) {
          problems.push({ kind: 'unopened', offset: index, mark, expected: '“' });
        }
        break;
      }
      case '«': {
        open.push({ family: 'guillemet', offset: index, mark });
        break;
      }
      case '»': {
        if (!close('guillemet')) problems.push({ kind: 'unopened', offset: index, mark, expected: '«' });
        break;
      }
      case '‘': {
        if (inClosingPosition(text, index) && !inOpeningPosition(text, index) && top()?.family === 'single') {
          problems.push({ kind: 'wrongDirection', offset: index, mark, expected: '’' });
          open.pop();
        } else {
          open.push({ family: 'single', offset: index, mark });
        }
        break;
      }
      case '’': {
        // inside a word it is an apostrophe whatever is open (l’altro, d’amore)
        if (isLetterOrDigit(text[index - 1]) && isLetterOrDigit(text[index + 1])) break;
        if (top()?.family === 'single') open.pop();
        break;
      }
      case '"': {
        // an inch mark after a digit (5'10") is not a quotation mark unless one is open
        if (top()?.family === 'straight') open.pop();
        else if (/[0-9]/.test(text[index - 1] ?? '') && !inOpeningPosition(text, index)) break;
        else open.push({ family: 'straight', offset: index, mark });
        break;
      }
      default:
        break;
    }
  }
  for (const unclosed of open) problems.push(unclosedProblem(unclosed));
  return problems.sort((a, b) => a.offset - b.offset);
}

/** Closes the innermost quotation of `family`; marks opened inside it and left open are reported. */
function closeInnermost(open: OpenQuote[], family: QuoteFamily, problems: QuoteProblem[]): boolean {
  let depth = open.length - 1;
  while (depth >= 0 && open[depth]!.family !== family) depth--;
  if (depth < 0) return false;
  for (const unclosed of open.splice(depth + 1)) problems.push(unclosedProblem(unclosed));
  open.pop();
  return true;
}

function unclosedProblem(unclosed: OpenQuote): QuoteProblem {
  return { kind: 'unclosed', offset: unclosed.offset, mark: unclosed.mark, expected: closerOf[unclosed.family] };
}
