/**
 * How numbers are written in an Italian text, apart from which numbers they are: an English decimal
 * point or thousands comma left in Italian prose (13.0% → 13,0%; 1,234.5 → 1.234,5), and a number
 * that left the markup the source put around it (**31.2%** → **31,2**%).
 *
 * English formats are flagged only where they cannot be Italian: "1.000" is a thousand in Italian,
 * "20.30" a time, "1,5" a decimal; so a decimal point counts only before % or a scale word (milioni,
 * mila), or where the source wrote that very spelling, and thousands commas only with more than one
 * group or with decimals after them.
 */
import type { NumberToken } from './numbers.js';

export interface FormatProblem {
  start: number;
  end: number;
  /** the text as written (with its % sign) */
  raw: string;
  /** the Italian spelling */
  expected: string;
}

const NOT_AFTER = '(?<![\\p{L}\\p{N}.,])';
const NOT_BEFORE_MORE = '(?![\\p{N}]|[.,]\\p{N})';
const BEFORE_SCALE = '(?=\\s?(?:mila|milion[ei]|miliard[oi])(?![\\p{L}]))';
const ENGLISH_FORMATS = new RegExp(
  [
    // 1,234.5 and 1,234,567: English grouping, unambiguous
    `${NOT_AFTER}\\d{1,3}(?:,\\d{3})+\\.\\d+${NOT_BEFORE_MORE}(?:\\s?%)?`,
    `${NOT_AFTER}\\d{1,3}(?:,\\d{3}){2,}${NOT_BEFORE_MORE}(?:\\s?%)?`,
    // 13.0% and 1.5 milioni: a decimal point where Italian needs a comma
    `${NOT_AFTER}\\d+\\.(?!\\d{3}(?!\\d))\\d+${NOT_BEFORE_MORE}(?:\\s?%|${BEFORE_SCALE})`,
  ].join('|'),
  'gu',
);

/** 1,234.5 → 1.234,5: the separators swapped */
export function italianSpelling(raw: string): string {
  return raw.replace(/[.,]/g, (separator) => (separator === '.' ? ',' : '.'));
}

function isBoundary(char: string | undefined): boolean {
  return char === undefined || !/[\p{L}\p{N}]/u.test(char);
}

/**
 * English number formats in an Italian text. `sourceNumbers` (a source written the English way) adds the
 * spellings of the source found unchanged in the target, when Italian would read them as another number.
 */
export function englishFormatsInItalian(
  text: string,
  sourceNumbers: readonly NumberToken[] = [],
  readItalian?: (raw: string) => string | undefined,
): FormatProblem[] {
  const problems: FormatProblem[] = [];
  if (!/\d[.,]\d/.test(text)) return problems;
  ENGLISH_FORMATS.lastIndex = 0;
  for (let match = ENGLISH_FORMATS.exec(text); match !== null; match = ENGLISH_FORMATS.exec(text)) {
    const end = match.index + match[0].length;
    problems.push({ start: match.index, end, raw: match[0], expected: italianSpelling(match[0]) });
  }
  for (const token of sourceNumbers) {
    if (token.kind !== 'number' || token.words || !/\d[.,]\d/.test(token.raw)) continue;
    const literal = /^[\d.,]+/.exec(token.raw)![0];
    // the same spelling reads as the same number in Italian (rare: "1.000" in a Korean source)
    if (readItalian !== undefined && readItalian(literal) === token.values[0]) continue;
    for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
      const after = at + literal.length;
      const continues = /[.,]\d/.test(text.slice(after, after + 2));
      const standsAlone = isBoundary(text[at - 1]) && isBoundary(text[after]) && !continues;
      if (!standsAlone) continue;
      if (problems.some((problem) => problem.start < at + literal.length && at < problem.end)) continue;
      problems.push({ start: at, end: at + literal.length, raw: literal, expected: italianSpelling(literal) });
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}

const G_TAG = /<g id="([^"<>]*)">|<\/g>/g;

/** the ids of the `<g>` tags open at `offset` of segment XML, outermost first, joined by "/" */
export function openTagsAt(xml: string, offset: number): string {
  const open: string[] = [];
  G_TAG.lastIndex = 0;
  for (let match = G_TAG.exec(xml); match !== null && match.index < offset; match = G_TAG.exec(xml)) {
    if (match[1] !== undefined) open.push(match[1]);
    else open.pop();
  }
  return open.join('/');
}

/** the plain text inside the innermost `<g>` open at `offset`, or null when none is */
export function innermostTagText(xml: string, offset: number): string | null {
  const opened: number[] = [];
  G_TAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  for (match = G_TAG.exec(xml); match !== null && match.index < offset; match = G_TAG.exec(xml)) {
    if (match[1] !== undefined) opened.push(match.index + match[0].length);
    else opened.pop();
  }
  const contentStart = opened[opened.length - 1];
  if (contentStart === undefined) return null;
  // find the close of that tag: depth counting from its content
  let depth = 0;
  G_TAG.lastIndex = contentStart;
  for (match = G_TAG.exec(xml); match !== null; match = G_TAG.exec(xml)) {
    if (match[1] !== undefined) depth++;
    else if (depth-- === 0) return xml.slice(contentStart, match.index).replace(/<[^>]*>/g, '');
  }
  return null;
}

/** a number with the % or ‰ sign that follows it (the sign belongs inside the same markup) */
export function withSign(text: string, start: number, end: number): { start: number; end: number } {
  const sign = /^[\u00a0\u202f ]?[%‰]/.exec(text.slice(end, end + 2));
  return { start, end: sign ? end + sign[0].length : end };
}
