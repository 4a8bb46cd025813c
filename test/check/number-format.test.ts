/** English number formats in Italian prose, and where a number stands in the markup (number-format.ts). */
import { describe, expect, test } from '@jest/globals';
import {
  englishFormatsInItalian,
  innermostTagText,
  italianSpelling,
  openTagsAt,
  withSign,
} from '../../src/check/number-format.js';
import { extractNumbers } from '../../src/check/numbers.js';

const problems = (text: string, source = '') =>
  englishFormatsInItalian(text, source === '' ? [] : extractNumbers(source, 'en')).map((p) => [
    p.raw,
    p.expected,
    p.start,
  ]);

describe('englishFormatsInItalian', () => {
  test('flags what cannot be Italian, with the Italian spelling', () => {
    expect(problems('al 13.0% e 1,234.5 milioni, 2,500,000 copie, 1.5 milioni')).toEqual([
      ['13.0%', '13,0%', 3],
      ['1,234.5', '1.234,5', 11],
      ['2,500,000', '2.500.000', 28],
      ['1.5', '1,5', 45],
    ]);
  });

  test('leaves Italian spellings, times and ambiguous forms alone', () => {
    expect(
      problems('1.000 fan, 1.500 milioni, alle 20.30, 1,5 milioni, 12,5%, 1,000, v1.2.3, 16.04.2024, 1.000.000%'),
    ).toEqual([]);
  });

  test('a spelling of the source left as it is, when Italian reads it as another number', () => {
    expect(problems('più di 1,000 fan e il 20.7 degli spettatori', 'More than 1,000 fans and 20.7 of viewers')).toEqual(
      [
        ['1,000', '1.000', 7],
        ['20.7', '20,7', 22],
      ],
    );
    expect(italianSpelling('1,234.5')).toBe('1.234,5');
  });
});

describe('markup around numbers', () => {
  const xml = 'Il <g id="1">finale <g id="2">31,2</g></g>% e <g id="3">10,5%</g>';
  test('open tags at an offset and the text of the innermost one', () => {
    expect(openTagsAt(xml, xml.indexOf('31'))).toBe('1/2');
    expect(openTagsAt(xml, xml.indexOf('%'))).toBe('');
    expect(innermostTagText(xml, xml.indexOf('31'))).toBe('31,2');
    expect(innermostTagText(xml, xml.indexOf('10'))).toBe('10,5%');
    expect(innermostTagText(xml, 0)).toBeNull();
  });

  test('a number takes its % sign', () => {
    expect(withSign('al 31,2 % e', 3, 7)).toEqual({ start: 3, end: 9 });
    expect(withSign('al 31,2 e', 3, 7)).toEqual({ start: 3, end: 7 });
  });
});
