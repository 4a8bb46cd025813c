import { codePointCount } from '../../src/text/char-codes.js';

describe('codePointCount', () => {
  test('counts what iterating the string counts', () => {
    expect(codePointCount('')).toBe(0);
    expect(codePointCount('Kim Soo-hyun')).toBe(12);
    expect(codePointCount('김수현')).toBe(3);
    // 😀 is one surrogate pair: one code point
    expect(codePointCount('a😀b')).toBe(3);
    // lone surrogates count one each, at the start, the middle and the end
    expect(codePointCount('\ud83dx')).toBe(2);
    expect(codePointCount('x\ude00y')).toBe(3);
    expect(codePointCount('x\ud83d')).toBe(2);
    // a low surrogate before a high one is not a pair
    expect(codePointCount('\ude00\ud83d')).toBe(2);
  });

  test('equals [...text].length on seeded random texts of surrogates and letters', () => {
    const alphabet = ['a', 'è', '김', '\ud83d', '\ude00', '\ud83d\ude00'];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = next() % 12;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      expect(codePointCount(text)).toBe([...text].length);
    }
  });
});
