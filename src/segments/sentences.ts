/**
 * Sentence boundaries for en, ko and it: Intl.Segmenter decides, a small rule layer corrects it.
 *
 * Why windows: Intl.Segmenter iteration is quadratic on one large string (FIELD-NOTES: 0.03 MB/s on
 * 300 KB), and a sentence break can only follow terminal punctuation plus whitespace. So we find those
 * candidate positions with one linear regex pass and ask the segmenter about each candidate inside a
 * small window around it: linear in the paragraph size, and the segmenter stays the judge.
 */
import type { Lang } from '../languages.js';
import { isAsciiDigit, isAsciiLower, isAsciiUpper, isJsWhitespace } from '../text/char-codes.js';

/** terminal punctuation, then closing quotes/brackets, then whitespace */
const candidatePattern = /[.!?…。？！]+["'”’»)\]]*\s+/gu;

/** Abbreviations after which a capitalised word does not start a sentence (lower-cased, with the dot). */
const titleAbbreviations: Record<string, ReadonlySet<string>> = {
  en: new Set([
    'mr.',
    'mrs.',
    'ms.',
    'dr.',
    'prof.',
    'st.',
    'jr.',
    'sr.',
    'mt.',
    'gen.',
    'sen.',
    'rep.',
    'gov.',
    'lt.',
    'col.',
    'capt.',
    'vs.',
    'e.g.',
    'i.e.',
    'u.s.',
    'u.k.',
    'u.n.',
    'approx.',
    'ca.',
    'inc.',
    'corp.',
    'co.',
    'ltd.',
    'vol.',
    'ep.',
    'fig.',
  ]),
  it: new Set([
    'sig.',
    'sigg.',
    'sig.ra',
    'sig.na',
    'dott.',
    'dott.ssa',
    'prof.',
    'prof.ssa',
    'avv.',
    'ing.',
    'arch.',
    'on.',
    'sen.',
    'gen.',
    'mons.',
    'p.es.',
    'es.',
    'ecc.',
    'pag.',
    'vol.',
    'ep.',
    'ca.',
    'cfr.',
    'vs.',
  ]),
  ko: new Set(),
};
/** Abbreviations that only bind a following number (No. 1, nr. 3, n. 5, AP-style dates: Jan. 5). */
const numberAbbreviations = new Set([
  'no.',
  'nos.',
  'nr.',
  'n.',
  'num.',
  'art.',
  'p.',
  'pp.',
  'jan.',
  'feb.',
  'mar.',
  'apr.',
  'jun.',
  'jul.',
  'aug.',
  'sep.',
  'sept.',
  'oct.',
  'nov.',
  'dec.',
]);

/** blocks up to this size are given to the segmenter whole (it is fast on small strings) */
const wholeBlockLimit = 2048;
const windowBefore = 48;
const windowAfter = 48;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: Lang): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

const lowercaseStart = /^\p{Ll}/u;
const uppercaseStart = /^[\p{Lu}\p{Lt}]/u;
const digitStart = /^\p{N}/u;

// The same tests on the first character of `text.slice(at)`: ASCII answered by code, the rest by the
// Unicode regexes (a candidate is tested several times per sentence, and most next characters are ASCII).
function startsLowercase(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 0x80 ? code >= 0x61 && code <= 0x7a : lowercaseStart.test(text.slice(at, at + 2));
}
function startsUppercase(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : uppercaseStart.test(text.slice(at, at + 2));
}
function startsWithDigit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 0x80 ? code >= 0x30 && code <= 0x39 : digitStart.test(text.slice(at, at + 2));
}
function startsHangul(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f);
}

/** The last whitespace-separated word before `end` (lower-cased), e.g. `mr.` or `u.s.` */
const isSpaceCode = (code: number): boolean =>
  code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x3000;

function lastWord(text: string, end: number): string {
  let start = end;
  const limit = Math.max(0, end - 40); // longer "words" are never abbreviations
  while (start > limit && !isSpaceCode(text.charCodeAt(start - 1))) start--;
  // strip opening quotes/brackets the word may carry
  while (start < end && openingMarks.includes(text[start]!)) start++;
  return text.slice(start, end);
}

/**
 * Offsets in `text` where a new sentence starts (excluding 0). `text` is the plain projection of a
 * block (inline markup removed; images and code as U+FFFC).
 */
export function sentenceStarts(text: string, lang: Lang, options: { askSegmenterAlways?: boolean } = {}): number[] {
  const starts: number[] = [];
  // Small blocks (nearly all paragraphs) are segmented whole, once; large ones window by window.
  let segmenterBreaks: Set<number> | null = null;
  const breaksOf = (): Set<number> => {
    if (segmenterBreaks === null) {
      segmenterBreaks = new Set();
      for (const piece of segmenterFor(lang).segment(text)) segmenterBreaks.add(piece.index);
    }
    return segmenterBreaks;
  };
  const isSmall = text.length <= wholeBlockLimit;
  candidatePattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = candidatePattern.exec(text)) !== null) {
    const boundary = match.index + match[0].length;
    if (boundary >= text.length) break;
    // the match ends with its whitespace run (`\s+`); nothing before it is whitespace
    let punctuationEnd = boundary;
    while (isJsWhitespace(text.charCodeAt(punctuationEnd - 1))) punctuationEnd--;
    if (
      !isBoundary(
        text,
        match.index,
        punctuationEnd,
        boundary,
        lang,
        isSmall ? breaksOf : null,
        options.askSegmenterAlways,
      )
    )
      continue;
    starts.push(boundary);
  }
  return starts;
}

const openingMarks = '“‘«"\'([';

/**
 * The case UAX #29 always breaks (SB11: terminal `.`/`!`/`?`, closing marks, spaces, then an upper-case
 * letter or Hangul, optionally after an opening mark), once the exception rules have had their say.
 * Asking Intl.Segmenter there would only confirm it (a test checks the agreement on the bench corpus),
 * so it is asked about every other candidate only: it is the most expensive step of segmentation.
 */
function clearlyStartsSentence(text: string, boundary: number): boolean {
  let index = boundary;
  if (openingMarks.includes(text[index] ?? '')) index++;
  return startsUppercase(text, index) || startsHangul(text, index);
}

const isHangulSyllable = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3;
/** ASCII characters UAX #29 SB8 passes over: digits, spaces, closing/opening marks, SContinue, symbols */
const isPassedOver = (code: number): boolean =>
  (code >= 0x20 && code <= 0x40 && code !== 0x21 && code !== 0x2e && code !== 0x3f) ||
  (code >= 0x5b && code <= 0x60) ||
  (code >= 0x7b && code <= 0x7e);

/** `?` and `!` only: UAX #29 STerm, after which SB8 (lower case ahead) never joins */
const onlyQuestionOrExclamation = /^[?!]+$/;

/**
 * UAX #29 after a full stop and spaces, when a digit follows ("… behind. 81.15% of viewers"): rule SB8
 * joins the two when the first letter ahead is lower-case ("No. 3 in the ranking" stays one sentence);
 * otherwise SB11 breaks. Decided here only when the scan meets an ASCII letter, a Hangul syllable or an
 * ASCII terminator over ASCII digits, spaces and symbols; anything else (`null`) goes to the segmenter.
 * After `?` or `!` (STerm) a digit always starts a sentence: SB8 needs a full stop, and SB8a joins only
 * before a comma-like character or another terminator, never a digit. This was the only case of the
 * bench corpus left to the segmenter, whose first use in a process (loading ICU's break rules) cost more
 * than all its calls. A test checks the agreement with Intl.Segmenter.
 */
export function breaksBeforeNumber(text: string, punctuation: string, boundary: number): boolean | null {
  if (onlyQuestionOrExclamation.test(punctuation)) return isAsciiDigit(text.charCodeAt(boundary)) ? true : null;
  if (punctuation !== '.') return null;
  for (let index = boundary; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isAsciiLower(code)) return false;
    if (isAsciiUpper(code) || isHangulSyllable(code) || code === 0x21 || code === 0x2e || code === 0x3f) return true;
    if (!isPassedOver(code)) return null;
  }
  return null;
}

function isBoundary(
  text: string,
  punctuationStart: number,
  punctuationEnd: number,
  boundary: number,
  lang: Lang,
  wholeBlockBreaks: (() => Set<number>) | null,
  askSegmenterAlways = false,
): boolean {
  const punctuation = text.slice(punctuationStart, punctuationEnd);
  const endsWithEllipsis = punctuation.includes('…') || punctuation.startsWith('...');
  const digitBefore = punctuationStart > 0 && isAsciiDigit(text.charCodeAt(punctuationStart - 1));
  const digitNext = startsWithDigit(text, boundary);

  // Exception rules first: they hold whatever the segmenter says.
  if (lang !== 'ko' && startsLowercase(text, boundary)) return false; // "vs. them", "ecc. e poi"
  if (digitBefore && digitNext && punctuation === '.') return false; // Korean dates 2024. 3. 15.
  if (
    digitBefore &&
    /\d{4}\.\s+\d{1,2}\.\s+\d{1,2}$/.test(text.slice(Math.max(0, punctuationStart - 16), punctuationStart))
  )
    return false; // 2024. 4. 16. (a date, not a sentence end)
  // abbreviations and initials end with their own full stop (`Mr.`, `U.S.`, `J.`), not with `?` or `!`
  if (text.charCodeAt(punctuationEnd - 1) === 0x2e) {
    const originalWord = lastWord(text, punctuationEnd);
    // every listed abbreviation is at most 8 characters long (`dott.ssa`)
    if (originalWord.length <= 8) {
      const word = originalWord.toLowerCase();
      if (digitNext && numberAbbreviations.has(word)) return false; // No. 1
      if ((titleAbbreviations[lang] ?? titleAbbreviations.en!).has(word)) return false; // Mr. Kim, sig. Rossi
      if (lang === 'ko' && titleAbbreviations.en!.has(word)) return false; // English names in Korean text
    }
    // both initial patterns need a full stop other than the last (`U.S.`) or a one-letter word (`J.`)
    const innerStop = originalWord.indexOf('.');
    if (originalWord.length <= 3 && /^\p{Lu}\.$/u.test(originalWord)) return false; // initials: J. K. Rowling
    // U.S., U.K. (multi-letter initialisms)
    if (innerStop < originalWord.length - 1 && /^(\p{L}\.){2,}$/u.test(originalWord.toLowerCase())) return false;
  }
  if (endsWithEllipsis)
    return (
      startsUppercase(text, boundary) ||
      startsHangul(text, boundary) ||
      text.startsWith('“', boundary) ||
      text.startsWith('"', boundary)
    );
  if (!askSegmenterAlways && clearlyStartsSentence(text, boundary)) return true;
  if (!askSegmenterAlways && digitNext) {
    const decided = breaksBeforeNumber(text, punctuation, boundary);
    if (decided !== null) return decided;
  }

  // Otherwise the segmenter decides: on the whole block when small, else on a window around the candidate.
  if (wholeBlockBreaks) return wholeBlockBreaks().has(boundary);
  const windowStart = Math.max(0, punctuationStart - windowBefore);
  const windowEnd = Math.min(text.length, boundary + windowAfter);
  const window = text.slice(windowStart, windowEnd);
  const target = boundary - windowStart;
  for (const piece of segmenterFor(lang).segment(window)) {
    if (piece.index === target) return true;
    if (piece.index > target) return false;
  }
  return false;
}
