/**
 * without-marks.ts reads a text a character at a time where that equals normalizing the whole text
 * (NFD, marks out, NFC); these tests compare the two on every pair of characters of the ranges it maps
 * one at a time (a sample of Hangul), on texts it must hand to the whole-text reading (lone marks, jamo,
 * other scripts, astral characters) and on random texts.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { withoutMarks, withoutMarksByNormalizing } from '../../src/check/without-marks.js';
import { propertySettings } from '../properties/settings.js';

const range = (first: number, last: number, step = 1): string[] =>
  Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, k) => String.fromCharCode(first + k * step));

describe('withoutMarks', () => {
  test('a pseudo translation loses its accents; Hangul and the brackets stay', () => {
    const pseudo = '⟦Séásón fínálé 69.31% Kim Soo-hyun과 시청률 ÀÉÎÕÜ ñ ç ø ǖ Ḝ ≠~~~⟧';
    expect(withoutMarks(pseudo)).toBe('⟦Season finale 69.31% Kim Soo-hyun과 시청률 AEIOU n c ø u E =~~~⟧');
    expect(withoutMarks(pseudo)).toBe(withoutMarksByNormalizing(pseudo));
    const plain = 'No accents at all, 12.5%.';
    expect(withoutMarks(plain)).toBe(plain);
  });

  test('every pair of characters it maps one at a time reads as the whole text does', () => {
    const latin = [...range(0x20, 0x24f), ...range(0x1e00, 0x1eff)];
    const symbols = [...range(0x2000, 0x206f), ...range(0x2190, 0x2bff, 7), ...range(0x3000, 0x303f)];
    const others = [...range(0xff00, 0xffef, 3), ...range(0xac00, 0xd7a3, 211), '\u27e6', '\u27e7'];
    const chars = [...latin, ...symbols, ...others];
    let differs = 0;
    for (const a of chars) {
      for (const b of chars) if (withoutMarks(a + b) !== withoutMarksByNormalizing(a + b)) differs++;
    }
    expect(differs).toBe(0);
  });

  test('texts with characters it does not map alone are normalized whole', () => {
    const cases = [
      'e\u0301', // a lone combining mark after a letter
      '\u1100\u1161\u11a8', // conjoining jamo that compose into 각
      '가\u11a8', // a syllable and a trailing jamo: 각
      'Ἀθῆναι', // Greek with breathings and accents
      'Ёлка', // Cyrillic
      'ع\u064e', // Arabic with a vowel mark
      '😀 ok',
      'ﬁ ½', // compatibility forms stay (NFD is canonical only)
    ];
    for (const text of cases) expect([text, withoutMarks(text)]).toEqual([text, withoutMarksByNormalizing(text)]);
    expect(withoutMarks('가\u11a8')).toBe('각');
  });

  test('random texts read as the whole-text normalization (property)', () => {
    const alphabet = [
      ...['a', 'E', 'é', 'Á', 'ñ', 'ǖ', 'Ḝ', 'ø', 'ß', '1', '.', ',', '%', ' ', '~', '⟦', '⟧', '≠', '’', '—'],
      ...['가', '각', '힣', '\u1100', '\u1161', '\u11a8', '\u0301', '\u0308', '\u302a', 'Ё', 'ά', 'ع', '😀', 'ﬁ'],
    ];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(withoutMarks(sample)).toBe(withoutMarksByNormalizing(sample));
      }),
      propertySettings(5000),
    );
  });
});
