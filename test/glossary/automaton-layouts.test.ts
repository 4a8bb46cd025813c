/**
 * The dense automaton (every transition precomputed, glossary/automaton.ts) against the flat one it
 * replaces for small glossaries: the same occurrences, in the same order, on generated patterns and
 * texts (overlapping forms, forms inside forms, case, hyphens, accents, Hangul), and the flat layout
 * taken when the dense table would be too big.
 */
import { describe, expect, test } from '@jest/globals';
import { buildAutomaton } from '../../src/glossary/automaton.js';
import { foldText } from '../../src/glossary/chars.js';
import { createRandom } from '../support/random.js';

/** every report of a scan, in order, as `pattern@end` */
function occurrences(layout: 'dense' | 'flat', patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  buildAutomaton(patterns, layout).scan(text, (pattern, end) => found.push(`${pattern}@${end}`));
  return found;
}

const ALPHABET = ['a', 'b', 'A', 'B', 'c', 'é', 'Á', ' ', '-', '\u2011', '김', '수', '현', '.', 'x'];

function randomText(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)]!;
  return text;
}

describe('dense and flat automata', () => {
  test('report the same occurrences in the same order on generated patterns and texts', () => {
    const random = createRandom(13);
    let reports = 0;
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        foldText(randomText(random, 1 + Math.floor(random() * 5))),
      );
      // a pattern folded to nothing is never given (matcher.ts drops empty forms)
      const given = patterns.filter((pattern) => pattern !== '');
      if (given.length === 0) continue;
      for (let i = 0; i < 5; i++) {
        const text = randomText(random, Math.floor(random() * 120));
        const dense = occurrences('dense', given, text);
        expect(dense).toEqual(occurrences('flat', given, text));
        reports += dense.length;
      }
    }
    // the generated cases do match (a comparison of empty lists proves nothing)
    expect(reports).toBeGreaterThan(1000);
  });

  test('a glossary-like set of forms over text with accents, case and separators', () => {
    const forms = ['Kim Soo-hyun', 'Kim Soo Hyun', 'Kim', 'Queen of Tears', 'Queen', 'tvN', 'tvN Drama', '김수현'];
    const patterns = forms.map(foldText);
    const text = 'KIM SOO‑HYUN met the Queen of Tears cast on tvN Drama; 김수현은 Kím Sóó-hyún kimchi queen';
    const dense = occurrences('dense', patterns, text);
    expect(dense).toEqual(occurrences('flat', patterns, text));
    // accents are not folded (Kím is not Kim), case and separators are; "kim" in "kimchi" is an occurrence
    // (word boundaries are the matcher's business, not the automaton's)
    expect(dense).toEqual(['2@3', '0@12', '1@12', '4@26', '3@35', '5@47', '6@53', '7@58', '2@76', '4@85']);
  });

  test('a set too big for the dense table (many distinct characters × many states) scans as the flat one', () => {
    const random = createRandom(7);
    // 2,000 forms of distinct Hangul syllables: thousands of classes and states
    const patterns = Array.from({ length: 2000 }, () =>
      Array.from({ length: 3 }, () => String.fromCharCode(0xac00 + Math.floor(random() * 2000))).join(''),
    );
    const text = patterns.slice(0, 50).join(' ') + patterns.slice(100, 120).join('');
    const dense = occurrences('dense', patterns, text);
    expect(dense).toEqual(occurrences('flat', patterns, text));
    expect(dense.length).toBeGreaterThanOrEqual(70);
  });
});
