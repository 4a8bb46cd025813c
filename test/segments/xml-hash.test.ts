import { describe, expect, test } from '@jest/globals';
import { unescapeXml, plainText } from '../../src/segments/xml.js';
import { normalizeForHash } from '../../src/segments/hash.js';

describe('unescapeXml', () => {
  test('decodes named and numeric references', () => {
    expect(unescapeXml('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233; &#xE8; &#x1F600;')).toBe(
      'a & b <c> "d" \'e\' é è 😀',
    );
  });

  test('a numeric reference beyond Unicode (from MT or an edit box) is kept as text, not a crash', () => {
    expect(unescapeXml('a &#x110000; b &#99999999999; c &#65;')).toBe('a &#x110000; b &#99999999999; c A');
    expect(plainText('x &#x110000;<x id="1"/>')).toBe('x &#x110000;');
  });
});

/** What normalizeForHash promises: NFC, then every run of whitespace as one space, trimmed. */
const fullNormalisation = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('normalizeForHash', () => {
  test.each([
    ['narrow no-break space', 'Kim\u202fSoo-hyun'],
    ['line separator', 'line\u2028break'],
    ['paragraph separator', 'one\u2029two'],
    ['zero width no-break space (BOM) pasted mid-text', 'Queen\ufeffof Tears'],
    ['medium mathematical space', 'a\u205fb'],
    ['ogham space mark', 'a\u1680b'],
    ['Greek question mark (NFC: semicolon)', 'Why\u037e'],
    ['angle brackets U+2329/U+232A (NFC: U+3008/U+3009)', '\u2329눈물의 여왕\u232a'],
    ['Devanagari composition exclusion', '\u0915\u093c and \u0958'],
    ['combining mark outside the Latin block (Hangul tone mark)', '가\u302e'],
    ['Hebrew presentation form', '\ufb1d'],
  ])('%s: same as the full normalisation', (_, text) => {
    expect(normalizeForHash(text)).toBe(fullNormalisation(text));
  });

  test('every BMP character, alone and after a base letter, agrees with the full normalisation', () => {
    const mismatches: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}`, `\u1100${ch}`, `e\u0316${ch}`]) {
        if (normalizeForHash(text) !== fullNormalisation(text)) {
          mismatches.push(code.toString(16));
          break;
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
