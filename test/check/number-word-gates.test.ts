/**
 * The gates of number-words.ts skip the word-by-word scan of a text in which no word could begin a number
 * word. They must never change an answer: the gated readers equal the full scans on every text, and every
 * number word, however it is spelled (capitals, ordinals, compounds, inside sentences), passes its gate.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  englishWordNumbers,
  italianWordNumbers,
  scanEnglishWordNumbers,
  scanItalianWordNumbers,
} from '../../src/check/number-words.js';
import { propertySettings } from '../properties/settings.js';

const IT_UNITS = ['', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'];
const IT_TEENS = ['dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette'];
const IT_TENS = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];

/** Italian cardinals below 1000 the way they are written (ventuno, trentotto, ventitré, centottanta). */
function italianBelow1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  let below = '';
  if (rest >= 10 && rest < 18) below = IT_TEENS[rest - 10]!;
  else if (rest === 18) below = 'diciotto';
  else if (rest === 19) below = 'diciannove';
  else if (rest >= 20) {
    const unit = rest % 10;
    const tens = IT_TENS[Math.floor(rest / 10)]!;
    below =
      unit === 1 || unit === 8 ? tens.slice(0, -1) + IT_UNITS[unit] : tens + (unit === 3 ? 'tré' : IT_UNITS[unit]);
  } else below = IT_UNITS[rest]!;
  if (hundreds === 0) return below === '' ? 'zero' : below;
  const cento = `${hundreds === 1 ? '' : IT_UNITS[hundreds]}cento`;
  return below.startsWith('o') ? cento.slice(0, -1) + below : cento + below;
}

function italianCardinalWord(n: number): string {
  if (n < 1000) return italianBelow1000(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000 === 0 ? '' : italianBelow1000(n % 1000);
  return (thousands === 1 ? 'mille' : `${italianBelow1000(thousands)}mila`) + rest;
}

const EN_UNITS = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen'.split(
  ' ',
);
const EN_TEENS = ['sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function englishBelow100(n: number): string {
  if (n < 16) return EN_UNITS[n]!;
  if (n < 20) return EN_TEENS[n - 16]!;
  const unit = n % 10;
  return EN_TENS[Math.floor(n / 10)]! + (unit === 0 ? '' : `-${EN_UNITS[unit]}`);
}

/** the same text with the first letter, or every letter, in capitals */
const spellings = (word: string): string[] => [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()];

describe('number-word gates', () => {
  test('every Italian cardinal 0–2,100 and every thousand to 100,000, and their ordinals, passes the gate', () => {
    const numbers = [...Array.from({ length: 2101 }, (_, n) => n), ...Array.from({ length: 100 }, (_, k) => k * 1000)];
    let read = 0;
    for (const n of numbers) {
      const cardinal = italianCardinalWord(n);
      // the ordinal of a cardinal above ten: undicesimo, ventitreesimo, duemillesimo
      const ordinal = n > 10 ? `${cardinal.replace(/tré$/, 'tre').replace(/[aeio]$/, '')}esimo` : cardinal;
      for (const word of [...spellings(cardinal), ...spellings(ordinal)]) {
        for (const text of [word, `Il ${word} giorno, (${word}).`]) {
          const full = scanItalianWordNumbers(text);
          expect([text, italianWordNumbers(text)]).toEqual([text, full]);
          if (full.length > 0) read++;
        }
      }
    }
    // the writer above spells what the reader reads (not a test that passes on empty answers)
    expect(read).toBeGreaterThan(numbers.length * 10);
  });

  test('every English cardinal below 1,000, with scales, passes the gate', () => {
    let read = 0;
    for (let n = 0; n < 1000; n++) {
      const hundreds = Math.floor(n / 100);
      const rest = englishBelow100(n % 100);
      const word = hundreds === 0 ? rest : `${EN_UNITS[hundreds]} hundred${n % 100 === 0 ? '' : ` and ${rest}`}`;
      for (const spelled of spellings(word)) {
        for (const text of [spelled, `They won ${spelled} thousand votes, a million views.`]) {
          const full = scanEnglishWordNumbers(text);
          expect([text, englishWordNumbers(text)]).toEqual([text, full]);
          if (full.length > 0) read++;
        }
      }
    }
    expect(read).toBe(6000);
  });

  test('texts with no number word skip the scan and read nothing, as the scan does', () => {
    const italian = '⟦Séásón fínálé Kim Soo-hyun drámá prémíéré, Good Data Corporation, 시청률 69.31%.⟧';
    expect(italianWordNumbers(italian)).toEqual([]);
    expect(scanItalianWordNumbers(italian)).toEqual([]);
    const english = 'Season finale: Kim Soo-hyun, often a tenant of someone, phoned 2NE1 at 4K.';
    expect(englishWordNumbers(english)).toEqual([]);
    expect(scanEnglishWordNumbers(english)).toEqual([]);
    // words a gate lets through that are no number: the scan decides
    expect(italianWordNumbers('Non centrale, trentino e millennio')).toEqual([]);
    expect(englishWordNumbers('one-time tenfold')).toEqual([]);
  });

  test('gated readers equal the full scans on random texts (property)', () => {
    const pieces = [
      ...['un', 'una', 'uno', 'due', 'tre', 'ventitré', 'VENTITRÉ', 'Trentotto', 'cento', 'mille', 'mila', 'milioni'],
      ...['primo', 'terza', 'undicesimo', 'entrambi', 'sei', 'secondo', 'none', 'dieci', 'centrale', 'İ', 'DİECİ'],
      ...['one', 'Twenty', 'twenty-three', 'a', 'hundred', 'thousand', 'million', 'and', 'often', 'ONE', 'Ninety-Nine'],
      ...[
        'é',
        'á',
        'ñ',
        '-',
        ' ',
        '  ',
        ',',
        '.',
        '3',
        '20',
        '2024',
        '⟦',
        '⟧',
        '김수현',
        'x',
        'Kim',
        'Soo-hyun',
        '\u0307',
      ],
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(italianWordNumbers(sample)).toEqual(scanItalianWordNumbers(sample));
        expect(englishWordNumbers(sample)).toEqual(scanEnglishWordNumbers(sample));
      }),
      propertySettings(3000),
    );
  });
});
