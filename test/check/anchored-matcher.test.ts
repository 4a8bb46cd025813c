/**
 * The check's matchers skip a text in which none of their forms can occur (glossary-index.ts
 * `anchored`). Skipping must never change a match: these tests compare the anchored matchers with the
 * matchers themselves on the fixture glossary and on glossaries built to defeat the test (apostrophes,
 * separators, digits, the Kelvin sign, forms without Latin letters), over random texts made of the
 * glossary's forms in other cases, with other separators and with look-alike characters.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { anchored, createGlossaryIndex } from '../../src/check/glossary-index.js';
import { ensureCharTables, FOLD } from '../../src/glossary/chars.js';
import { parseTermbaseTexts } from '../../src/glossary/load.js';
import { createTermMatcher, type TermMatcher, type TermMatcherOptions } from '../../src/glossary/matcher.js';
import type { Termbase } from '../../src/glossary/types.js';
import type { Lang } from '../../src/languages.js';
import { propertySettings } from '../properties/settings.js';

const termbaseOf = (yaml: string): Termbase =>
  parseTermbaseTexts([{ file: 'g.yaml', text: `version: 1\nentries:\n${yaml}` }]).termbase;

const fixture = parseTermbaseTexts([
  {
    file: 'glossary.yaml',
    text: readFileSync(
      path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/check/glossary.yaml'),
      'utf8',
    ),
  },
]).termbase;

const awkward = termbaseOf(
  [
    "  - id: a\n    type: term\n    forms: { en: Rock'n'Roll 2, it: Rock’n’roll 2 }",
    '  - id: b\n    type: term\n    forms: { en: K-Pop, it: il K-pop }\n    caseSensitive: { en: true, it: true }',
    '  - id: c\n    type: term\n    forms: { en: Hometown Cha-Cha-Cha, it: Il villaggio }\n    forbidden: { it: [Villaggio Cha] }',
    '  - id: d\n    type: term\n    forms: { en: 5G network, it: rete 5G }',
  ].join('\n'),
);

const sourceOptions: TermMatcherOptions = { forms: ['canonical', 'variant'], markup: 'plain' };
const targetOptions: TermMatcherOptions = {
  forms: ['canonical', 'variant', 'forbidden'],
  separators: 'strict',
  targetSide: true,
  overlaps: 'all',
  markup: 'plain',
};

describe('anchored matchers', () => {
  test('the lemma: a code unit that folds to an ASCII letter or digit lower-cases to the same letter', () => {
    ensureCharTables();
    const folding: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const folded = String.fromCharCode(FOLD[code]!);
      if (!/^[a-z0-9]$/.test(folded)) continue;
      expect(String.fromCharCode(code).toLowerCase()).toBe(folded);
      if (code >= 0x80) folding.push(code.toString(16));
    }
    // outside ASCII only the Kelvin sign
    expect(folding).toEqual(['212a']);
  });

  test('a matcher whose forms have no anchor, or too many, is kept as it is', () => {
    const korean = createTermMatcher(termbaseOf('  - id: k\n    type: term\n    forms: { ko: 김수현, it: Kim }'), 'ko');
    expect(anchored(korean)).toBe(korean);
    const many = termbaseOf(
      Array.from({ length: 40 }, (_, k) => `  - id: t${k}\n    type: term\n    forms: { en: term${k} }`).join('\n'),
    );
    const manyMatcher = createTermMatcher(many, 'en', sourceOptions);
    expect(anchored(manyMatcher)).toBe(manyMatcher);
  });

  test('a text with no anchor is answered without a scan; any other text is scanned', () => {
    let scans = 0;
    const inner = createTermMatcher(awkward, 'en', sourceOptions);
    const counted: TermMatcher = {
      ...inner,
      match: (text, options) => {
        scans++;
        return inner.match(text, options);
      },
    };
    const matcher = anchored(counted);
    expect(matcher.forms).toEqual(["Rock'n'Roll 2", 'K-Pop', 'Hometown Cha-Cha-Cha', '5G network']);
    expect(matcher.match('nothing to see here')).toEqual([]);
    expect(scans).toBe(0);
    expect(matcher.match('a \u212A-POP band').map((found) => found.surface)).toEqual([]);
    expect(matcher.match('a K-Pop band').map((found) => found.surface)).toEqual(['K-Pop']);
    expect(matcher.match('the 5g NETWORK').map((found) => found.surface)).toEqual(['5g NETWORK']);
    expect(scans).toBe(3);
    // segment XML is projected before the scan: always scanned
    expect(matcher.match('<g id="1">K-Pop</g>', { markup: 'xml' }).map((found) => found.surface)).toEqual(['K-Pop']);
    expect(matcher.match('nothing', { markup: 'xml' })).toEqual([]);
    expect(scans).toBe(5);
  });

  test('the index gives the same matches as the matchers themselves (property)', () => {
    const cases: Array<{ termbase: Termbase; lang: Lang; options: TermMatcherOptions }> = [];
    for (const termbase of [fixture, awkward])
      for (const lang of ['en', 'ko', 'it'] as Lang[])
        for (const options of [sourceOptions, targetOptions]) cases.push({ termbase, lang, options });
    const matchers = cases.map(({ termbase, lang, options }) => {
      const index = createGlossaryIndex(termbase);
      const indexed = options === sourceOptions ? index.sourceMatcher(lang) : index.targetMatcher(lang);
      return { indexed, plain: createTermMatcher(termbase, lang, options) };
    });
    const pieces = [
      ...['Queen of Tears', 'queen-of-tears', 'QUEEN OF TEARS', 'Queen  of\u00a0Tears', 'La regina delle lacrime'],
      ...['Kim Soo-hyun', 'KIM SOOHYUN', '\u212Aim Ji-won', 'Kim Jiwon', 'tvN', '눈물의 여왕', '김수현은', 'Moving'],
      ...["Rock'n'Roll 2", 'ROCK’N’ROLL 2', 'rock n roll', '\u212A-pop', 'K-Pop', 'k pop', 'il K-pop', 'dei K-pop'],
      ...['Hometown Cha-Cha-Cha', 'Il villaggio', 'villaggio cha', '5G network', 'rete 5G', '5 G'],
      ...['İ', 'ſ', ' ', '-', ', ', '.', 'e', 'la', '⟦', '⟧', 'é', '2', "'", '’'],
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(matchers.length - 1), (target, which) => {
        const { indexed, plain } = matchers[which]!;
        expect(indexed.match(target)).toEqual(plain.match(target));
      }),
      propertySettings(4000),
    );
  });
});
