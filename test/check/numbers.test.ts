import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { canonicalNumber, extractNumbers, formatValue, valuesPresent } from '../../src/check/numbers.js';
import { propertySettings } from '../properties/settings.js';

const values = (text: string, lang: 'en' | 'ko' | 'it'): string[][] =>
  extractNumbers(text, lang).map((token) => token.values);

describe('extractNumbers', () => {
  test('English decimals, thousands, ordinals and dates', () => {
    expect(values('Ratings rose to 24.85% from 1,000 viewers on April 16th, 2024.', 'en')).toEqual([
      ['24.85'],
      ['1000'],
      ['date:4-16'],
      ['2024'],
    ]);
    expect(values('Episodes 11 and 12 aired on 3 May and Sept. 9.', 'en')).toEqual([
      ['11'],
      ['12'],
      ['date:5-3'],
      ['date:9-9'],
    ]);
  });

  test('digits inside names and codes are not numbers', () => {
    expect(values('2NE1, B1A4, 4K video, mp3, COVID-19 and v1.2.3 in the 1990s', 'en')).toEqual([['19']]);
  });

  test('Italian reads commas as decimals and dots as thousands, strictly', () => {
    expect(values('il 24,85% di 1.000 spettatori il 16 aprile, 1° maggio', 'it')).toEqual([
      ['24.85'],
      ['1000'],
      ['date:4-16'],
      ['date:5-1'],
    ]);
    // an English format in Italian text: "1,000" is one, "24.85" is not a number
    expect(values('1,000 e 24.85%', 'it')).toEqual([['1'], ['24']]);
    expect(extractNumbers('gli episodi 11 e 12.', 'it').map((token) => [token.raw, token.start])).toEqual([
      ['11', 12],
      ['12', 17],
    ]);
  });

  test('Korean dates, counters and large-number units', () => {
    expect(values('2024년 4월 16일 11회와 12회 시청률 20.5%', 'ko')).toEqual([
      ['2024'],
      ['date:4-16'],
      ['11'],
      ['12'],
      ['20.5'],
    ]);
    expect(values('2024. 4. 16. 방송', 'ko')).toEqual([['2024'], ['date:4-16']]);
    expect(values('시청자 1만 명, 제작비 20억 원', 'ko')).toEqual([['10000'], ['2000000000']]);
  });
});

describe('valuesPresent', () => {
  test('includes the day of a date and Italian number words', () => {
    expect(
      [...valuesPresent('sei settimane, la terza settimana di aprile, il 16 aprile, il ventesimo', 'it')].sort(),
    ).toEqual(['16', '20', '3', '6', 'date:4-16', 'month:4'].sort());
  });
});

describe('formatValue', () => {
  test('writes values the Italian way', () => {
    expect(formatValue('24.85', 'it')).toBe('24,85');
    expect(formatValue('1000', 'it', true)).toBe('1.000');
    expect(formatValue('2024', 'it')).toBe('2024');
    expect(formatValue('1234567.5', 'it')).toBe('1.234.567,5');
    expect(formatValue('date:4-16', 'it')).toBe('16 aprile');
    expect(formatValue('date:4-16', 'en')).toBe('April 16');
  });
});

describe('months', () => {
  test('a Korean month with no day is a month, satisfied by its Italian name', () => {
    expect(extractNumbers('4월 셋째 주', 'ko').map((token) => [token.kind, token.values])).toEqual([
      ['month', ['month:4', '4']],
    ]);
    expect(valuesPresent('la terza settimana di aprile', 'it').has('month:4')).toBe(true);
    expect(valuesPresent('il 16 aprile', 'it').has('month:4')).toBe(true);
    expect(valuesPresent('la terza settimana', 'it').has('month:4')).toBe(false);
  });
});

describe('numbers with scales, units and words (issue 15)', () => {
  test('Korean digit-unit numbers: 만, 억, 조, 천만 and runs of units', () => {
    expect(values('2만 명, 1억 원, 3조 원, 5천만 명, 1조 2000억 원, 2.5만 명', 'ko')).toEqual([
      ['20000'],
      ['100000000'],
      ['3000000000000'],
      ['50000000'],
      ['1200000000000'],
      ['25000'],
    ]);
  });

  test('scale words after digits: million, milioni, mila (glued or not)', () => {
    expect(values('7 million views, 1.5 billion won, 20,000 fans', 'en')).toEqual([
      ['7000000'],
      ['1500000000'],
      ['20000'],
    ]);
    expect(values('7 milioni, 1,5 miliardi, 20 mila, 20mila, un milione', 'it')).toEqual([
      ['7000000'],
      ['1500000000'],
      ['20000'],
      ['20000'],
      ['1000000'],
    ]);
  });

  test('numbers in words are tokens too; soft words are marked', () => {
    expect(
      extractNumbers('otto episodi e sei settimane', 'it').map((t) => [t.raw, t.values[0], t.words, t.soft]),
    ).toEqual([
      ['otto', '8', true, false],
      ['sei', '6', true, true],
    ]);
    expect(extractNumbers('Twelve episodes, one of them', 'en').map((t) => [t.raw, t.values[0], t.soft])).toEqual([
      ['Twelve', '12', false],
      ['one', '1', true],
    ]);
    expect(extractNumbers('열두 편', 'ko')).toEqual([]);
  });

  test('ISO dates in every language: a year and a date', () => {
    for (const lang of ['en', 'it', 'ko'] as const)
      expect(values('il 2024-04-16.', lang)).toEqual([['2024'], ['date:4-16']]);
    expect(values('ranges 2024-2025 and 11-12', 'en')).toEqual([['2024'], ['2025'], ['11'], ['12']]);
  });

  test('values present include words, scaled values and month names', () => {
    expect([...valuesPresent('ventimila fan, due milioni di won, il 16 aprile', 'it')].sort()).toEqual(
      ['16', '2000000', '20000', 'date:4-16', 'month:4'].sort(),
    );
  });

  test('big round values are suggested in milioni and miliardi', () => {
    expect(formatValue('200000000', 'it')).toBe('200 milioni');
    expect(formatValue('1500000', 'it')).toBe('1,5 milioni');
    expect(formatValue('1000000', 'it')).toBe('1 milione');
    expect(formatValue('2000000000', 'it')).toBe('2 miliardi');
    expect(formatValue('1234567', 'it')).toBe('1.234.567');
    expect(formatValue('30000', 'it')).toBe('30.000');
  });
});

describe('canonicalNumber (read without regular expressions)', () => {
  /** how it was written with regular expressions: the reference it must equal */
  function byRegExps(raw: string, groupSeparator: string, decimalSeparator: string): string {
    if (/^[1-9]\d*$/.test(raw)) return raw;
    const plain = raw.split(groupSeparator).join('');
    const [integerPart = '', decimalPart = ''] = plain.split(decimalSeparator);
    const integer = integerPart.replace(/^0+(?=\d)/, '');
    const decimals = decimalPart.replace(/0+$/, '');
    return decimals === '' ? integer : `${integer}.${decimals}`;
  }

  test('separators, leading and trailing zeros', () => {
    expect(canonicalNumber('1,000.50', ',', '.')).toBe('1000.5');
    expect(canonicalNumber('1.000,50', '.', ',')).toBe('1000.5');
    expect(canonicalNumber('007', ',', '.')).toBe('7');
    expect(canonicalNumber('0.5', ',', '.')).toBe('0.5');
    expect(canonicalNumber('000', ',', '.')).toBe('0');
    expect(canonicalNumber('24.850', ',', '.')).toBe('24.85');
    expect(canonicalNumber('3.000', ',', '.')).toBe('3');
    expect(canonicalNumber('1e+24', ',', '.')).toBe('1e+24');
  });

  test('equals the regular-expression reading on any text of digits, separators and zeros (property)', () => {
    const raw = fc
      .array(fc.constantFrom('0', '0', '1', '5', '9', '.', ',', 'e', '+', '-'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(raw, fc.boolean(), (text, english) => {
        const [group, decimal] = english ? [',', '.'] : ['.', ','];
        expect(canonicalNumber(text, group, decimal)).toBe(byRegExps(text, group, decimal));
      }),
      propertySettings(5000),
    );
  });
});
