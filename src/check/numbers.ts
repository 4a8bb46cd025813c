/**
 * Numbers and dates read the way each language writes them, reduced to canonical values so a source and
 * its translation can be compared: 24.85% (en) and 24,85% (it) are both `24.85`; 1,000 (en) and 1.000
 * (it) are both `1000`; April 16th, 4월 16일 and 16 aprile are all `date:4-16`.
 *
 * Read strictly per language: in Italian text "1,000" is one (a decimal comma) and "24.85" is not a
 * number at all, so an English format left in an Italian target is caught, not accepted.
 *
 * Digits glued to letters are part of a name or a code (2NE1, 4K, B1A4, mp3) and are not numbers; an
 * ordinal suffix (16th, 1°) is part of the number.
 */
import type { Lang } from '../languages.js';
import { englishWordNumbers, italianWordNumbers } from './number-words.js';

export interface NumberToken {
  /** canonical values that satisfy this token (first = how it reads literally) */
  values: string[];
  /** the text as written */
  raw: string;
  start: number;
  end: number;
  kind: 'number' | 'date' | 'month';
  /** written in words ("otto", "twelve") */
  words?: boolean;
  /** a word that is also a common word ("sei", "secondo", "one"): it satisfies a number, never requires one */
  soft?: boolean;
}

const englishMonths = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const englishMonthShort = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Italian month names, January first (also used by the bench to write dates). */
export const italianMonths = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

/** month name (lower case) → 1-based month */
function monthIndex(names: string[][]): Map<string, number> {
  const map = new Map<string, number>();
  for (const list of names)
    list.forEach((name, index) => {
      map.set(name, index + 1);
    });
  map.set('sept', 9);
  return map;
}
const englishMonthNumber = monthIndex([englishMonths, englishMonthShort]);
const italianMonthNumber = monthIndex([italianMonths]);

const EN_MONTH = `(${[...englishMonths, ...englishMonthShort, 'sept'].join('|')})`;
const IT_MONTH = `(${italianMonths.join('|')})`;
// a number may not continue a word, nor continue another number (v1.2.3)
const NOT_AFTER = '(?<![\\p{L}\\p{N}\\p{M}.,])';
// Korean glues counters and dates to words (2024년4월, 시즌2): only Latin letters and digits forbid a start
const KO_NOT_AFTER = '(?<![A-Za-z\\p{N}.,])';

// 2024-04-16 in any language: a year and a date
const ISO_DATE =
  '(?<![\\p{L}\\p{N}.,\\-])(?<iso>(?<isoYear>\\d{4})-(?<isoMonth>0?[1-9]|1[0-2])-' +
  '(?<isoDay>0?[1-9]|[12]\\d|3[01]))(?![\\p{N}\\-])';
// a number may not run into a word or another number
const NOT_BEFORE = '(?![\\p{L}\\p{N}\\p{M}])';
const EN_SCALE = 'thousand|million|billion|trillion';
const IT_SCALE = 'milion[ei]|miliard[oi]';
const EN_NUMBER = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const IT_NUMBER = '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?';

/**
 * One regular expression per language; alternatives in priority order (dates before bare numbers).
 * A number may carry a scale word (7 million, 2 milioni, 20 mila, 20mila) or a Korean unit (2만, 1억).
 */
const grammars: Record<'en' | 'ko' | 'it', RegExp> = {
  en: new RegExp(
    [
      ISO_DATE,
      `(?<![\\p{L}])(?<mdMonth>${EN_MONTH})\\.?\\s+(?<mdDay>\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])(?!,\\d{3})`,
      `${NOT_AFTER}(?<dmDay>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<dmMonth>${EN_MONTH})(?![\\p{L}])`,
      `${NOT_AFTER}(?<number>${EN_NUMBER})(?:(?:st|nd|rd|th)|\\s+(?<scale>${EN_SCALE}))?${NOT_BEFORE}`,
    ].join('|'),
    'giu',
  ),
  // Korean: 4월 16일; 2024. 4. 16.; numbers take counters and units written in Hangul (11회, 20%, 1만)
  ko: new RegExp(
    [
      ISO_DATE,
      `${KO_NOT_AFTER}(?<mdMonth>\\d{1,2})월\\s*(?<mdDay>\\d{1,2})일`,
      `${KO_NOT_AFTER}(?<dotYear>\\d{4})\\.\\s*(?<dotMonth>\\d{1,2})\\.\\s*(?<dotDay>\\d{1,2})\\.?(?![\\p{N}])`,
      `${KO_NOT_AFTER}(?<number>${EN_NUMBER})\\s*(?<unit>(?:천|백)?(?:조|억|만)|천)?(?![A-Za-z\\p{N}])`,
    ].join('|'),
    'gu',
  ),
  it: new RegExp(
    [
      ISO_DATE,
      `${NOT_AFTER}(?<dmDay>\\d{1,2})(?:°|º)?\\s+(?<dmMonth>${IT_MONTH})(?![\\p{L}])`,
      `${NOT_AFTER}(?<number>${IT_NUMBER})(?:°|º|ª|\\s*(?<scale>mila)|\\s+(?<bigScale>${IT_SCALE}))?${NOT_BEFORE}`,
    ].join('|'),
    'giu',
  ),
};

const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  mila: 1e3,
  milione: 1e6,
  milioni: 1e6,
  miliardo: 1e9,
  miliardi: 1e9,
  백: 1e2,
  천: 1e3,
  만: 1e4,
  억: 1e8,
  조: 1e12,
};

/** the factor of a scale word or Korean unit (천만 = 1,000 × 10,000) */
function scaleOf(word: string): number {
  const lower = word.toLowerCase();
  if (SCALES[lower] !== undefined) return SCALES[lower];
  return [...lower].reduce((product, char) => product * (SCALES[char] ?? 1), 1);
}

/** "1,000.50" with `,` grouping and `.` decimals → "1000.5"; leading zeros and trailing decimal zeros go */
export function canonicalNumber(raw: string, groupSeparator: string, decimalSeparator: string): string {
  if (/^[1-9]\d*$/.test(raw)) return raw; // most numbers: plain digits
  const plain = raw.includes(groupSeparator) ? raw.split(groupSeparator).join('') : raw;
  // the text before the first decimal separator, and the text between it and the next one
  const point = plain.indexOf(decimalSeparator);
  const nextPoint = point < 0 ? -1 : plain.indexOf(decimalSeparator, point + 1);
  const integerPart = point < 0 ? plain : plain.slice(0, point);
  const decimalPart = point < 0 ? '' : plain.slice(point + 1, nextPoint < 0 ? plain.length : nextPoint);
  // leading zeros go, but one stays before anything that is not a digit (0.5, 0)
  let zeros = 0;
  while (integerPart.charCodeAt(zeros) === 0x30) zeros++;
  if (zeros > 0 && !isAsciiDigit(integerPart.charCodeAt(zeros))) zeros--;
  const integer = zeros === 0 ? integerPart : integerPart.slice(zeros);
  let decimalEnd = decimalPart.length;
  while (decimalEnd > 0 && decimalPart.charCodeAt(decimalEnd - 1) === 0x30) decimalEnd--;
  return decimalEnd === 0 ? integer : `${integer}.${decimalPart.slice(0, decimalEnd)}`;
}

/** 0–9 (what `\d` means in these grammars); NaN (past the end) is no digit */
function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** a canonical value times a scale (7 million, 1.5 milioni, 2만), exact for the decimals news use */
function scaledValue(value: string, scale: number): string {
  return canonicalNumber(String(Math.round(Number(value) * scale * 1e6) / 1e6), ',', '.');
}

function dateValue(month: number, day: number): string {
  return `date:${month}-${day}`;
}

const GROUP_NAMES = [
  'iso',
  'isoYear',
  'isoMonth',
  'isoDay',
  'dotYear',
  'dotMonth',
  'dotDay',
  'mdMonth',
  'mdDay',
  'dmMonth',
  'dmDay',
  'number',
  'scale',
  'bigScale',
  'unit',
] as const;
/** the index of each named group in a grammar's matches; 0 (the whole match) stands for a group it lacks */
type GroupIndexes = Record<(typeof GROUP_NAMES)[number], number>;

/**
 * The index of each named group of a grammar (read from its source once): reading `match.groups` builds
 * an object per match, which costs more than the match itself on a big workspace.
 */
function groupIndexes(grammar: RegExp): GroupIndexes {
  const indexes = Object.fromEntries(GROUP_NAMES.map((name) => [name, 0])) as GroupIndexes;
  let count = 0;
  const source = grammar.source;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
      continue;
    }
    if (source[i] !== '(') continue;
    if (source[i + 1] !== '?') count++;
    else {
      const named = /^\(\?<([A-Za-z]+)>/.exec(source.slice(i));
      if (named) indexes[named[1] as (typeof GROUP_NAMES)[number]] = ++count;
    }
  }
  return indexes;
}
const grammarGroups = {
  en: groupIndexes(grammars.en),
  ko: groupIndexes(grammars.ko),
  it: groupIndexes(grammars.it),
};

/** a named group of a match (undefined when it took no part, or when the grammar has no such group) */
function groupOf(match: RegExpExecArray, index: number): string | undefined {
  return index === 0 ? undefined : match[index];
}

/** the year of a full date (2024-04-16, 2024. 4. 16.) and the date itself */
function yearAndDate(match: RegExpExecArray, year: string, month: number, day: number): NumberToken[] {
  const raw = match[0];
  const yearStart = match.index + raw.search(/\d{4}/);
  return [
    { raw: year, start: yearStart, end: yearStart + year.length, kind: 'number', values: [year] },
    { raw, start: match.index, end: match.index + raw.length, kind: 'date', values: [dateValue(month, day)] },
  ];
}

/** the tokens of one match of a language's grammar */
function tokensOfMatch(match: RegExpExecArray, grammarLang: 'en' | 'ko' | 'it', text: string): NumberToken[] {
  const at = grammarGroups[grammarLang];
  const raw = match[0];
  const start = match.index;
  const end = start + raw.length;
  const iso = groupOf(match, at.iso);
  if (iso !== undefined) {
    return yearAndDate(match, groupOf(match, at.isoYear)!, Number(match[at.isoMonth]), Number(match[at.isoDay]));
  }
  const dotYear = groupOf(match, at.dotYear);
  // 2024. 4. 16.
  if (dotYear !== undefined) return yearAndDate(match, dotYear, Number(match[at.dotMonth]), Number(match[at.dotDay]));
  const mdMonth = groupOf(match, at.mdMonth);
  const dmMonth = mdMonth === undefined ? groupOf(match, at.dmMonth) : undefined;
  if (mdMonth !== undefined || dmMonth !== undefined) {
    const month = (mdMonth ?? dmMonth)!;
    const day = mdMonth !== undefined ? groupOf(match, at.mdDay)! : groupOf(match, at.dmDay)!;
    const months = grammarLang === 'it' ? italianMonthNumber : englishMonthNumber;
    const monthNumber = grammarLang === 'ko' ? Number(month) : months.get(month.toLowerCase())!;
    return [{ raw, start, end, kind: 'date', values: [dateValue(monthNumber, Number(day))] }];
  }
  const number = groupOf(match, at.number)!;
  const value = grammarLang === 'it' ? canonicalNumber(number, '.', ',') : canonicalNumber(number, ',', '.');
  const scale = groupOf(match, at.scale) ?? groupOf(match, at.bigScale) ?? groupOf(match, at.unit);
  if (scale !== undefined) return [{ raw, start, end, kind: 'number', values: [scaledValue(value, scaleOf(scale))] }];
  if (grammarLang === 'ko' && text[end] === '월' && Number(number) >= 1 && Number(number) <= 12) {
    // 4월 with no day (4월 셋째 주): a month, which Italian writes as a name (aprile)
    return [{ raw, start, end, kind: 'month', values: [`month:${Number(number)}`, number] }];
  }
  return [{ raw, start, end, kind: 'number', values: [value] }];
}

/** Korean writes big numbers as a run of units: 1조 2000억, 2억 5천만 (summed into one token). */
function mergeKoreanUnits(tokens: NumberToken[], text: string): NumberToken[] {
  const merged: NumberToken[] = [];
  for (const token of tokens) {
    const previous = merged[merged.length - 1];
    const unitOf = (t: NumberToken): number => SCALES[t.raw.trim().slice(-1)] ?? 0;
    if (
      previous !== undefined &&
      previous.kind === 'number' &&
      token.kind === 'number' &&
      unitOf(previous) > 0 &&
      unitOf(token) > 0 &&
      unitOf(token) < unitOf(previous) &&
      /^\s*$/.test(text.slice(previous.end, token.start))
    ) {
      const sum = Number(previous.values[0]) + Number(token.values[0]);
      const values = [canonicalNumber(String(sum), ',', '.')];
      merged[merged.length - 1] = { ...previous, raw: text.slice(previous.start, token.end), end: token.end, values };
    } else merged.push(token);
  }
  return merged;
}

/** Numbers and dates written in words (Italian and English), as tokens; never over a digit token. */
function wordTokens(text: string, lang: 'en' | 'it', digits: readonly NumberToken[]): NumberToken[] {
  const words = lang === 'it' ? italianWordNumbers(text) : englishWordNumbers(text);
  return words
    .filter((word) => !digits.some((token) => token.start < word.end && word.start < token.end))
    .map((word) => {
      const values = [String(word.value)];
      const token: NumberToken = { raw: word.raw, start: word.start, end: word.end, kind: 'number', values };
      return { ...token, words: true, soft: word.soft };
    });
}

/**
 * Numbers and dates in `text`, read with the conventions of `lang` (other languages read as English):
 * digits, and for Italian and English numbers written in words (tokens with `words`; `soft` ones are
 * common words too, see number-words.ts).
 */
export function extractNumbers(text: string, lang: Lang): NumberToken[] {
  const grammarLang = lang === 'it' || lang === 'ko' ? lang : 'en';
  let tokens: NumberToken[] = [];
  if (/[0-9]/.test(text)) {
    const grammar = grammars[grammarLang];
    grammar.lastIndex = 0;
    for (let match = grammar.exec(text); match !== null; match = grammar.exec(text)) {
      tokens.push(...tokensOfMatch(match, grammarLang, text));
    }
    if (grammarLang === 'ko') tokens = mergeKoreanUnits(tokens, text);
  }
  if (grammarLang === 'ko') return tokens;
  const words = wordTokens(text, grammarLang, tokens);
  return words.length === 0 ? tokens : [...tokens, ...words].sort((a, b) => a.start - b.start);
}

const italianMonthWords = new RegExp(`(?<![\\p{L}\\p{N}])${IT_MONTH}(?![\\p{L}\\p{N}])`, 'giu');
const englishMonthWords = new RegExp(`(?<![\\p{L}\\p{N}])(${englishMonths.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * Every canonical value present in a target text: its numbers and dates (digits and words, soft words
 * included), the day and month of each date (the source may say "the 16th", or 4월 for a month), and
 * month names.
 */
export function valuesPresent(
  text: string,
  lang: Lang,
  tokens: readonly NumberToken[] = extractNumbers(text, lang),
): Set<string> {
  const values = new Set<string>();
  for (const token of tokens) {
    values.add(token.values[0]!);
    const date = /^date:(\d+)-(\d+)$/.exec(token.values[0]!);
    if (date) {
      values.add(date[2]!);
      values.add(`month:${date[1]}`);
    }
  }
  const months = lang === 'it' ? italianMonthWords : lang === 'ko' ? null : englishMonthWords;
  if (months !== null) {
    months.lastIndex = 0;
    for (let match = months.exec(text); match !== null; match = months.exec(text)) {
      const month = (lang === 'it' ? italianMonthNumber : englishMonthNumber).get(match[0].toLowerCase());
      if (month !== undefined) values.add(`month:${month}`);
    }
  }
  return values;
}

/** 200000000 → "200 milioni", 1500000 → "1,5 milioni", 2e9 → "2 miliardi"; null below a million or when not round */
function italianScaleWords(value: string): string | null {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 1e6 || !/^\d+$/.test(value)) return null;
  const [scale, singular, plural] = number >= 1e9 ? [1e9, 'miliardo', 'miliardi'] : [1e6, 'milione', 'milioni'];
  const count = number / scale;
  if (Math.round(count * 100) !== count * 100) return null;
  return `${formatValue(String(count), 'it')} ${count === 1 ? singular : plural}`;
}

/**
 * A canonical value written the way `lang` writes it (for suggestions): 24.85 → "24,85", 1000 → "1.000".
 * Four-digit integers are grouped only when the source grouped them (1,000 → 1.000, but 2024 → 2024).
 */
export function formatValue(value: string, lang: Lang, sourceGrouped = false): string {
  const date = /^date:(\d+)-(\d+)$/.exec(value);
  if (date) {
    const month = Number(date[1]);
    const day = Number(date[2]);
    if (lang === 'it') return `${day} ${italianMonths[month - 1]}`;
    if (lang === 'ko') return `${month}월 ${day}일`;
    const name = englishMonths[month - 1]!;
    return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${day}`;
  }
  const big = lang === 'it' ? italianScaleWords(value) : null;
  if (big !== null) return big;
  const [integer = '', decimals] = value.split('.');
  const group = lang === 'it' ? '.' : ',';
  const decimal = lang === 'it' ? ',' : '.';
  const minimumToGroup = sourceGrouped ? 4 : 5;
  const grouped = integer.length >= minimumToGroup ? integer.replace(/\B(?=(\d{3})+(?!\d))/g, group) : integer;
  return decimals === undefined ? grouped : `${grouped}${decimal}${decimals}`;
}
