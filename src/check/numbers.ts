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

export interface NumberToken {
  /** canonical values that satisfy this token (first = how it reads literally) */
  values: string[];
  /** the text as written */
  raw: string;
  start: number;
  end: number;
  kind: 'number' | 'date' | 'month';
}

const englishMonths = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const englishMonthShort = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const italianMonths = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

/** month name (lower case) → 1-based month */
function monthIndex(names: string[][]): Map<string, number> {
  const map = new Map<string, number>();
  for (const list of names) list.forEach((name, index) => map.set(name, index + 1));
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

/**
 * One regular expression per language; alternatives in priority order (dates before bare numbers).
 * Groups: date (month, day) | (day, month) | number (+ Korean unit).
 */
const grammars: Record<'en' | 'ko' | 'it', RegExp> = {
  en: new RegExp(
    [
      `(?<![\\p{L}])${EN_MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])(?!,\\d{3})`,
      `${NOT_AFTER}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_MONTH}(?![\\p{L}])`,
      `${NOT_AFTER}(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:st|nd|rd|th)?(?![\\p{L}\\p{N}\\p{M}])`,
    ].join('|'),
    'giu',
  ),
  // Korean: 4월 16일; 2024. 4. 16.; numbers take counters and units written in Hangul (11회, 20%, 1만)
  ko: new RegExp(
    [
      `${KO_NOT_AFTER}(\\d{1,2})월\\s*(\\d{1,2})일`,
      `${KO_NOT_AFTER}(?:\\d{4})\\.\\s*(\\d{1,2})\\.\\s*(\\d{1,2})\\.?(?![\\p{N}])`,
      `${KO_NOT_AFTER}(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(만|억)?(?![A-Za-z\\p{N}])`,
    ].join('|'),
    'gu',
  ),
  it: new RegExp(
    [
      `${NOT_AFTER}(\\d{1,2})(?:°|º)?\\s+${IT_MONTH}(?![\\p{L}])`,
      `${NOT_AFTER}(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)(?:°|º|ª)?(?![\\p{L}\\p{N}\\p{M}])`,
    ].join('|'),
    'giu',
  ),
};

/** "1,000.50" with `,` grouping and `.` decimals → "1000.5"; leading zeros and trailing decimal zeros go */
function canonicalNumber(raw: string, groupSeparator: string, decimalSeparator: string): string {
  const plain = raw.split(groupSeparator).join('');
  const [integerPart = '', decimalPart = ''] = plain.split(decimalSeparator);
  const integer = integerPart.replace(/^0+(?=\d)/, '');
  const decimals = decimalPart.replace(/0+$/, '');
  return decimals === '' ? integer : `${integer}.${decimals}`;
}

function dateValue(month: number, day: number): string {
  return `date:${month}-${day}`;
}

/** Korean large-number units: 1만 = 10,000 ("10.000" or "diecimila"); 20억 = 2 billion ("2 miliardi") */
function koreanUnitValues(value: string, unit: string | undefined): string[] {
  if (unit === undefined) return [value];
  const number = Number(value);
  const scaled = (factor: number): string => canonicalNumber(String(Math.round(number * factor * 1e6) / 1e6), ',', '.');
  if (unit === '만') return [scaled(1e4), value];
  return [scaled(1e8), scaled(100), scaled(0.1)];
}

/** Numbers and dates in `text`, read with the conventions of `lang` (other languages read as English). */
export function extractNumbers(text: string, lang: Lang): NumberToken[] {
  if (!/[0-9]/.test(text)) return []; // most sentences: skip the big expression
  const grammarLang = lang === 'it' || lang === 'ko' ? lang : 'en';
  const grammar = grammars[grammarLang];
  const tokens: NumberToken[] = [];
  grammar.lastIndex = 0;
  for (let match = grammar.exec(text); match !== null; match = grammar.exec(text)) {
    const base = { raw: match[0], start: match.index, end: match.index + match[0].length };
    if (grammarLang === 'en') {
      if (match[1] !== undefined) tokens.push({ ...base, kind: 'date', values: [dateValue(englishMonthNumber.get(match[1].toLowerCase())!, Number(match[2]))] });
      else if (match[3] !== undefined) tokens.push({ ...base, kind: 'date', values: [dateValue(englishMonthNumber.get(match[4]!.toLowerCase())!, Number(match[3]))] });
      else tokens.push({ ...base, kind: 'number', values: [canonicalNumber(match[5]!, ',', '.')] });
    } else if (grammarLang === 'ko') {
      if (match[1] !== undefined) tokens.push({ ...base, kind: 'date', values: [dateValue(Number(match[1]), Number(match[2]))] });
      else if (match[3] !== undefined) {
        // 2024. 4. 16.: the year is a number of its own
        const year = /^\d{4}/.exec(match[0])![0];
        tokens.push({ raw: year, start: base.start, end: base.start + 4, kind: 'number', values: [year] });
        tokens.push({ ...base, kind: 'date', values: [dateValue(Number(match[3]), Number(match[4]))] });
      } else if (match[6] === undefined && text[base.end] === '월' && Number(match[5]) >= 1 && Number(match[5]) <= 12) {
        // 4월 with no day (4월 셋째 주): a month, which Italian writes as a name (aprile)
        tokens.push({ ...base, kind: 'month', values: [`month:${Number(match[5])}`, match[5]!] });
      } else {
        tokens.push({ ...base, kind: 'number', values: koreanUnitValues(canonicalNumber(match[5]!, ',', '.'), match[6]) });
      }
    } else if (match[1] !== undefined) {
      tokens.push({ ...base, kind: 'date', values: [dateValue(italianMonthNumber.get(match[2]!.toLowerCase())!, Number(match[1]))] });
    } else {
      tokens.push({ ...base, kind: 'number', values: [canonicalNumber(match[3]!, '.', ',')] });
    }
  }
  return tokens;
}

/** Italian number words a translator may write for a small number: cardinals and ordinals, 0–20. */
const italianNumberWords: Array<[number, string[]]> = [
  [0, ['zero']],
  [1, ['uno', 'una', 'un', 'primo', 'prima', 'primi', 'prime']],
  [2, ['due', 'secondo', 'seconda', 'secondi', 'seconde', 'entrambi', 'entrambe', 'ambedue']],
  [3, ['tre', 'terzo', 'terza', 'terzi', 'terze']],
  [4, ['quattro', 'quarto', 'quarta', 'quarti', 'quarte']],
  [5, ['cinque', 'quinto', 'quinta', 'quinti', 'quinte']],
  [6, ['sei', 'sesto', 'sesta', 'sesti', 'seste']],
  [7, ['sette', 'settimo', 'settima', 'settimi', 'settime']],
  [8, ['otto', 'ottavo', 'ottava', 'ottavi', 'ottave']],
  [9, ['nove', 'nono', 'nona', 'noni', 'none']],
  [10, ['dieci', 'decimo', 'decima', 'decimi', 'decime']],
  [11, ['undici']],
  [12, ['dodici']],
  [13, ['tredici']],
  [14, ['quattordici']],
  [15, ['quindici']],
  [16, ['sedici']],
  [17, ['diciassette']],
  [18, ['diciotto']],
  [19, ['diciannove']],
  [20, ['venti']],
  [100, ['cento']],
  [1000, ['mille']],
];
const italianWordValue = new Map<string, string>();
for (const [value, words] of italianNumberWords) for (const word of words) italianWordValue.set(word, String(value));
for (let value = 11; value <= 20; value++) {
  const stem = italianNumberWords.find(([v]) => v === value)![1][0]!;
  const ordinalStem = stem.endsWith('e') || stem.endsWith('i') || stem.endsWith('o') ? stem.slice(0, -1) : stem;
  for (const ending of ['esimo', 'esima', 'esimi', 'esime']) italianWordValue.set(ordinalStem + ending, String(value));
}

/** one regular expression for the words that carry a value (faster than looking up every word) */
function wordPattern(words: Iterable<string>): RegExp {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}
const italianWords = wordPattern([...italianWordValue.keys(), ...italianMonths]);
const englishWords = wordPattern(englishMonths);

/**
 * Every canonical value present in a target text: its numbers and dates, the day and month of each date
 * (the source may say "the 16th", or 4월 for a month), month names, and for Italian the number words above.
 */
export function valuesPresent(text: string, lang: Lang): Set<string> {
  const values = new Set<string>();
  for (const token of extractNumbers(text, lang)) {
    values.add(token.values[0]!);
    const date = /^date:(\d+)-(\d+)$/.exec(token.values[0]!);
    if (date) {
      values.add(date[2]!);
      values.add(`month:${date[1]}`);
    }
  }
  const words = lang === 'it' ? italianWords : lang === 'ko' ? null : englishWords;
  if (words !== null) {
    words.lastIndex = 0;
    for (let match = words.exec(text); match !== null; match = words.exec(text)) {
      const word = match[0].toLowerCase();
      const value = lang === 'it' ? italianWordValue.get(word) : undefined;
      if (value !== undefined) values.add(value);
      const month = lang === 'it' ? italianMonthNumber.get(word) : englishMonths.includes(word) ? englishMonthNumber.get(word) : undefined;
      if (month !== undefined) values.add(`month:${month}`);
    }
  }
  return values;
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
  const [integer = '', decimals] = value.split('.');
  const group = lang === 'it' ? '.' : ',';
  const decimal = lang === 'it' ? ',' : '.';
  const minimumToGroup = sourceGrouped ? 4 : 5;
  const grouped = integer.length >= minimumToGroup ? integer.replace(/\B(?=(\d{3})+(?!\d))/g, group) : integer;
  return decimals === undefined ? grouped : `${grouped}${decimal}${decimals}`;
}
