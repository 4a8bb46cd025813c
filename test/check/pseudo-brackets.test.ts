/**
 * The numbers rule's fast path for a pseudo translation that is its source in brackets (`⟦…~~~⟧`,
 * rules/numbers.ts `isSourceInBrackets`): it takes every source number as present without reading the
 * target. That holds when the bracketed text reads the same values as the source, which these tests
 * compare on generated texts full of numbers, dates, months, number words and Korean units, in every
 * language the grammars know, and a rule run that shows the fast path and the full reading agree.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { extractNumbers, valuesPresent } from '../../src/check/numbers.js';
import { isSourceInBrackets } from '../../src/check/rules/numbers.js';
import { withoutMarks } from '../../src/check/without-marks.js';
import { propertySettings } from '../properties/settings.js';

/** pieces that touch every alternative of the grammars and the number words, and their edges */
const PIECES = [
  '24.85%',
  '1,000',
  '1.000',
  '24,85',
  '7 million',
  '2 milioni',
  '20 mila',
  '20mila',
  '2만',
  '1억',
  '2천만',
  '11회',
  '4월 16일',
  '2024. 4. 16.',
  '2024-04-16',
  'April 16th',
  '3 May',
  'Sept. 9',
  '16 aprile',
  'the 16th',
  'maggio',
  'twelve',
  'twenty-three',
  'two hundred and fifty',
  'a thousand',
  'one',
  'ventitré',
  'duemila',
  'sei',
  'terzo',
  '2NE1',
  'v1.2.3',
  'mp3',
  '4K',
  'COVID-19',
  '1°',
  '.',
  ',',
  '-',
  ' ',
  ' ',
  '\n',
  'and',
  'of',
  'Kim',
  '시청률',
  'é',
  '(',
  ')',
  '"',
  '5',
  '12',
  '0.5',
  'x',
  '~',
  '⟦',
  '⟧',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));
const bracketed = (source: string, padding: number): string => `⟦${source}${'~'.repeat(padding)}⟧`;

describe('a source in pseudo brackets', () => {
  test('reads the values of the source, each source number among them, in every language', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 6 }), fc.constantFrom('en', 'ko', 'it'), (source, padding, lang) => {
        const inBrackets = valuesPresent(bracketed(source, padding), lang);
        expect([...inBrackets].sort()).toEqual([...valuesPresent(source, lang)].sort());
        for (const token of extractNumbers(source, lang)) expect(inBrackets.has(token.values[0]!)).toBe(true);
      }),
      propertySettings(2000),
    );
  });

  test('is recognised only as ⟦, the source, tildes and ⟧', () => {
    expect(isSourceInBrackets('Up 24.85%.', '⟦Up 24.85%.~~~⟧')).toBe(true);
    expect(isSourceInBrackets('Up 24.85%.', '⟦Up 24.85%.⟧')).toBe(true);
    expect(isSourceInBrackets('', '⟦⟧')).toBe(true);
    expect(isSourceInBrackets('Up 24.85%.', '⟦Up 24.85%.~~~⟧ ')).toBe(false);
    expect(isSourceInBrackets('Up 24.85%.', ' ⟦Up 24.85%.~~~⟧')).toBe(false);
    expect(isSourceInBrackets('Up 24.85%.', '⟦Up 24.86%.~~~⟧')).toBe(false);
    expect(isSourceInBrackets('Up 24.85%.', '⟦Up 24.85%.~x~⟧')).toBe(false);
    expect(isSourceInBrackets('Up 24.85%.', '⟦Up 24.85%~~~⟧')).toBe(false);
    expect(isSourceInBrackets('Up 24.85%.', 'Up 24.85%.')).toBe(false);
    // a pseudo target read without its accents
    expect(isSourceInBrackets('Up on April 16th', withoutMarks('⟦Úp ón Ápríl 16th~~~~⟧'))).toBe(true);
  });
});
