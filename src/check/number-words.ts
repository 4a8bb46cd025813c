/**
 * Numbers written in words, in Italian and English, read as values: "ventitré" is 23, "duemila" 2000,
 * "due milioni" 2000000, "twenty-three" 23, "two hundred and fifty" 250, "three thousand" 3000.
 *
 * A word that is also an ordinary word (Italian "un", "sei" = "you are", "secondo" = "according to",
 * "prima" = "before", "cento" in "per cento"; English "one", ordinals) is `soft`: it satisfies a number
 * of the source when it is there, but is never itself a number the source must have (nor one an
 * English source requires of its translation).
 */

export interface WordNumber {
  value: number;
  start: number;
  end: number;
  raw: string;
  soft: boolean;
}

const IT_UNITS = ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'];
const IT_TEENS = [
  'dieci',
  'undici',
  'dodici',
  'tredici',
  'quattordici',
  'quindici',
  'sedici',
  'diciassette',
  'diciotto',
  'diciannove',
];
const IT_TENS = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];
const IT_ORDINALS: Array<[number, string]> = [
  [1, 'prim'],
  [2, 'second'],
  [3, 'terz'],
  [4, 'quart'],
  [5, 'quint'],
  [6, 'sest'],
  [7, 'settim'],
  [8, 'ottav'],
  [9, 'non'],
  [10, 'decim'],
];
/** Italian words that are also common words: they satisfy a number but never stand for one */
const IT_SOFT = new Set([
  'un',
  'uno',
  'una',
  'sei',
  'cento',
  'mille',
  'secondo',
  'seconda',
  'secondi',
  'seconde',
  'prima',
  'primo',
  'primi',
  'prime',
  'none',
  'nona',
  'noni',
  'terzi',
  'entrambi',
  'entrambe',
  'ambedue',
]);
const IT_BOTH = new Set(['entrambi', 'entrambe', 'ambedue']);

/** A cardinal below 100 written in Italian ("ventuno", "trentotto", "ventitré"), or null. */
function italianBelow100(word: string): number | null {
  if (word === '') return 0;
  const unit = IT_UNITS.indexOf(word);
  if (unit >= 0) return unit;
  if (word === 'un' || word === 'una') return 1;
  const teen = IT_TEENS.indexOf(word);
  if (teen >= 0) return 10 + teen;
  for (let tens = 2; tens <= 9; tens++) {
    const full = IT_TENS[tens]!;
    // the final vowel of the tens drops before "uno" and "otto": ventuno, trentotto
    for (const stem of [full, full.slice(0, -1)]) {
      if (!word.startsWith(stem)) continue;
      const rest = word.slice(stem.length).replace(/^tré$/, 'tre');
      if (rest === '') return stem === full ? tens * 10 : null;
      const elided = stem !== full;
      if (elided !== (rest.startsWith('u') || rest.startsWith('o'))) continue;
      const units = IT_UNITS.indexOf(rest);
      if (units > 0) return tens * 10 + units;
    }
  }
  return null;
}

/** A cardinal below 1000 written in Italian ("centottanta", "duecentocinque"), or null. */
function italianBelow1000(word: string): number | null {
  const hundreds = /^(due|tre|quattro|cinque|sei|sette|otto|nove)?cent(.*)$/.exec(word);
  if (!hundreds) return italianBelow100(word);
  const times = hundreds[1] === undefined ? 1 : IT_UNITS.indexOf(hundreds[1]);
  const rest = hundreds[2]!;
  // "cento" keeps its o except before "otto"/"ottanta" (centottanta); "centootto" is accepted too
  const below = rest.startsWith('o') ? (italianBelow100(rest.slice(1)) ?? italianBelow100(rest)) : null;
  return below === null ? null : times * 100 + below;
}

/** An Italian cardinal word ("duemilaventiquattro", "mille", "ventimila"), or null. */
export function italianCardinal(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.startsWith('mille')) {
    const rest = italianBelow1000(lower.slice(5));
    return rest === null ? null : 1000 + rest;
  }
  const mila = lower.indexOf('mila');
  if (mila > 0) {
    const thousands = italianBelow1000(lower.slice(0, mila));
    const rest = italianBelow1000(lower.slice(mila + 4));
    return thousands === null || thousands < 2 || rest === null ? null : thousands * 1000 + rest;
  }
  return lower === '' ? null : italianBelow1000(lower);
}

/** An Italian ordinal word ("terza", "undicesimo", "ventesimi"), or null. */
function italianOrdinal(word: string): number | null {
  const lower = word.toLowerCase();
  const ending = /^(.*?)(o|a|i|e)$/.exec(lower);
  if (!ending) return null;
  for (const [value, stem] of IT_ORDINALS) if (ending[1] === stem) return value;
  const esimo = /^(.+)esim[oaie]$/.exec(lower);
  if (!esimo) return null;
  // undicesimo: undici; ventitreesimo: ventitré; the stem lost its final vowel except after é
  for (const vowel of ['i', 'e', 'o', 'a', '']) {
    const value = italianCardinal(esimo[1]! + vowel);
    if (value !== null && value > 10) return value;
  }
  return null;
}

/** what an Italian word reads as, remembered: texts repeat their words, and most words are no number */
const italianWordCache = new Map<string, { cardinal: number | null; ordinal: number | null } | null>();

function readItalianWord(word: string): { cardinal: number | null; ordinal: number | null } | null {
  let read = italianWordCache.get(word);
  if (read === undefined) {
    const cardinal = italianCardinal(word);
    const ordinal = cardinal === null ? italianOrdinal(word) : null;
    read = cardinal === null && ordinal === null ? null : { cardinal, ordinal };
    if (italianWordCache.size >= 100_000) italianWordCache.clear(); // bounded: a vocabulary, not a corpus
    italianWordCache.set(word, read);
  }
  return read;
}

const IT_MULTIPLIERS: Record<string, number> = { milione: 1e6, milioni: 1e6, miliardo: 1e9, miliardi: 1e9 };

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** every English word below 100 ("twelve", "forty", "twenty-three"), built once: a lookup per word */
const ENGLISH_BELOW_100 = new Map<string, number>(EN_UNITS.map((word, value) => [word, value]));
for (let tens = 2; tens <= 9; tens++) {
  ENGLISH_BELOW_100.set(EN_TENS[tens]!, tens * 10);
  for (let unit = 1; unit <= 9; unit++) ENGLISH_BELOW_100.set(`${EN_TENS[tens]}-${EN_UNITS[unit]}`, tens * 10 + unit);
}

function englishBelow100(word: string): number | null {
  return ENGLISH_BELOW_100.get(word) ?? null;
}

// Latin letters only (Italian and English words), without the u flag: the scan runs over every word
const WORD = /[A-Za-z\u00C0-\u024F]+(?:-[A-Za-z\u00C0-\u024F]+)*/g;
const DIGIT = /\p{N}/u;

interface WordToken {
  word: string;
  start: number;
  end: number;
}

/** whether the character at `index` is a digit of any script (\p{N}); ASCII answered without a regex */
function isDigitAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return DIGIT.test(text[index]!);
}

function wordsOf(text: string): WordToken[] {
  const words: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    // a word glued to digits (20mila, 3rd) is read with the digits
    if (isDigitAt(text, match.index - 1) || isDigitAt(text, match.index + match[0].length)) continue;
    words.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** only spaces between two words */
function adjacent(text: string, left: WordToken, right: WordToken): boolean {
  return /^\s+$/.test(text.slice(left.end, right.start));
}

/**
 * Gates: a text with no word that could begin a number word reads none, so the word-by-word scan below
 * is skipped (most segments of a story). Built from the tables above, so they cannot drift apart. A word
 * that reads as a number has only the tables' letters in it once lower-cased (ASCII, and é of ventitré),
 * so its first letters match the gate case-insensitively; the gates never look at more than that.
 */
const WORD_LETTER = 'A-Za-z\\u00C0-\\u024F';
/** at a word start: its first three letters (two for "un"), of every word an Italian number starts with */
const ITALIAN_NUMBER_START = (() => {
  const words = [
    ...IT_UNITS,
    'un',
    'una',
    ...IT_TEENS,
    ...IT_TENS.filter((tens) => tens !== ''),
    'cent',
    'mille',
    ...IT_ORDINALS.map(([, stem]) => stem),
    ...IT_SOFT,
    ...IT_BOTH,
  ];
  // an ordinal in -esimo starts as its cardinal does (which is above ten: five letters or more)
  const starts = [...new Set(words.map((word) => word.slice(0, 3)))].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![${WORD_LETTER}])(?:${starts.join('|')})`, 'i');
})();
/** a whole word that starts an English number: a word below 100 ("twenty-three"), or a scale after "a" */
const ENGLISH_NUMBER_WORD = (() => {
  const words = [...ENGLISH_BELOW_100.keys(), 'hundred', 'thousand', 'million'].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![${WORD_LETTER}])(?:${words.join('|')})(?![${WORD_LETTER}])`, 'i');
})();

/** Italian number words in `text`: cardinals (with milioni/miliardi after them), ordinals, soft words. */
export function italianWordNumbers(text: string): WordNumber[] {
  return ITALIAN_NUMBER_START.test(text) ? scanItalianWordNumbers(text) : [];
}

/** `italianWordNumbers` without its gate: every word read (exported for the test that proves the gate). */
export function scanItalianWordNumbers(text: string): WordNumber[] {
  const found: WordNumber[] = [];
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    const token = words[i]!;
    const read = readItalianWord(token.word);
    let value = read?.cardinal ?? null;
    const ordinal = read?.ordinal ?? null;
    if (value === null && ordinal === null) {
      if (IT_BOTH.has(token.word)) {
        const raw = text.slice(token.start, token.end);
        found.push({ value: 2, start: token.start, end: token.end, raw, soft: true });
      }
      continue;
    }
    let end = token.end;
    const next = words[i + 1];
    const multiplier = next === undefined ? undefined : IT_MULTIPLIERS[next.word];
    if (value !== null && next !== undefined && multiplier !== undefined && adjacent(text, token, next)) {
      value *= multiplier;
      end = next.end;
      i++;
    }
    const soft = end === token.end && IT_SOFT.has(token.word);
    const raw = text.slice(token.start, end);
    found.push({ value: value ?? ordinal!, start: token.start, end, raw, soft: soft || ordinal !== null });
  }
  return found;
}

/** English number words: "twelve", "twenty-three", "two hundred and fifty", "three million". */
export function englishWordNumbers(text: string): WordNumber[] {
  return ENGLISH_NUMBER_WORD.test(text) ? scanEnglishWordNumbers(text) : [];
}

/** `englishWordNumbers` without its gate: every word read (exported for the test that proves the gate). */
export function scanEnglishWordNumbers(text: string): WordNumber[] {
  const found: WordNumber[] = [];
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    const first = englishBelow100(words[i]!.word);
    const startsWithA = words[i]!.word === 'a' && ['hundred', 'thousand', 'million'].includes(words[i + 1]?.word ?? '');
    if (first === null && !startsWithA) continue;
    let total = 0;
    let current = first ?? 1;
    let j = i;
    // extend over "hundred", scales, "and" followed by a number, and further numbers
    while (j + 1 < words.length && adjacent(text, words[j]!, words[j + 1]!)) {
      const next = words[j + 1]!.word;
      if (next === 'hundred' && current > 0 && current < 100) current *= 100;
      else if (EN_SCALES[next] !== undefined) {
        total += current * EN_SCALES[next]!;
        current = 0;
      } else {
        const below = englishBelow100(next === 'and' ? (words[j + 2]?.word ?? '') : next);
        if (below === null || below === 0 || (current % 100 !== 0 && current !== 0)) break;
        if (next === 'and') j++;
        current += below;
      }
      j++;
    }
    const value = total + current;
    const end = words[j]!.end;
    // "one" alone is a pronoun as often as a number ("no one", "one of them")
    const soft = j === i && (words[i]!.word === 'one' || words[i]!.word === 'zero');
    if (startsWithA && j === i) continue;
    found.push({ value, start: words[i]!.start, end, raw: text.slice(words[i]!.start, end), soft });
    i = j;
  }
  return found;
}
