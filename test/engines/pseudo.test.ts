import { describe, expect, test } from '@jest/globals';
import { createPseudoEngine, pseudoTranslate } from '../../src/engines/pseudo.js';
import { createRandom } from '../support/random.js';

/** The pseudo translation as first written with regular expressions: the one-pass version must equal it. */
function referencePseudo(text: string): string {
  const protectedParts = /<[^>]*>|⟪[^⟫]*⟫|&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
  const accents: Record<string, string> = {
    a: 'á',
    e: 'é',
    i: 'í',
    o: 'ó',
    u: 'ú',
    A: 'Á',
    E: 'É',
    I: 'Í',
    O: 'Ó',
    U: 'Ú',
  };
  const accent = (plain: string): string => plain.replace(/[aeiouAEIOU]/g, (vowel) => accents[vowel] ?? vowel);
  const leading = /^\s*/.exec(text)?.[0] ?? '';
  const trailing = text.length > leading.length ? (/\s*$/.exec(text)?.[0] ?? '') : '';
  const core = text.slice(leading.length, text.length - trailing.length);
  let out = '';
  let visible = 0;
  let last = 0;
  for (const match of core.matchAll(protectedParts)) {
    const plain = core.slice(last, match.index);
    out += accent(plain);
    visible += [...plain].length;
    if (match[0].startsWith('&')) visible += 1;
    out += match[0];
    last = match.index + match[0].length;
  }
  const tail = core.slice(last);
  out += accent(tail);
  visible += [...tail].length;
  if (visible === 0 || core.replace(protectedParts, '').trim() === '') return text;
  return `${leading}⟦${out}${'~'.repeat(Math.ceil(visible * 0.3))}⟧${trailing}`;
}

/** Pieces that meet every branch: vowels, white space of every kind, markup, entities, surrogates. */
const pieces = [
  'Kim ',
  'aEiOu',
  'xyz',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u3000',
  '\ufeff',
  '\u2028',
  '<g id="1">',
  '</g>',
  '<x id="t1"/>',
  '<',
  '>',
  '⟪T1⟫',
  '⟪',
  '&amp;',
  '&#x1F600;',
  '&',
  '&nbsp;',
  '😀',
  '\ud83d',
  '\ude00',
  '김수현',
  'é',
];

describe('pseudo engine', () => {
  test('accents vowels, brackets the text and lengthens it by about 30%', () => {
    expect(pseudoTranslate('Hello world')).toBe('⟦Hélló wórld~~~~⟧');
    expect(pseudoTranslate('AEIOU')).toBe('⟦ÁÉÍÓÚ~~⟧');
  });

  test('keeps inline tags, glossary placeholders and entities untouched', () => {
    expect(pseudoTranslate('Hello <g id="1">world</g>, <x id="2"/> ok')).toBe(
      '⟦Hélló <g id="1">wórld</g>, <x id="2"/> ók~~~~~⟧',
    );
    expect(pseudoTranslate('See ⟪T1⟫ and <x id="t1"/> now')).toBe('⟦Séé ⟪T1⟫ ánd <x id="t1"/> nów~~~~⟧');
    expect(pseudoTranslate('Tom &amp; Jerry &lt;3 &quot;a&quot; &apos;')).toBe(
      '⟦Tóm &amp; Jérry &lt;3 &quot;á&quot; &apos;~~~~~~⟧',
    );
  });

  test('non-Latin text is bracketed and lengthened', () => {
    expect(pseudoTranslate('김수현은 배우다.')).toBe('⟦김수현은 배우다.~~~⟧');
  });

  test('keeps outer whitespace outside the brackets and leaves texts without prose alone', () => {
    expect(pseudoTranslate(' Hi ')).toBe(' ⟦Hí~⟧ ');
    expect(pseudoTranslate('')).toBe('');
    expect(pseudoTranslate('   ')).toBe('   ');
    expect(pseudoTranslate('<x id="1"/>')).toBe('<x id="1"/>');
  });

  test('seeded random texts: exactly what the regular-expression version gives', () => {
    const random = createRandom(7);
    const differing: string[] = [];
    let bracketed = 0;
    for (let i = 0; i < 20000; i++) {
      let text = '';
      const length = Math.floor(random() * 8);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)]!;
      const expected = referencePseudo(text);
      if (pseudoTranslate(text) !== expected) differing.push(text);
      if (expected !== text) bracketed++;
    }
    expect(differing).toEqual([]);
    // both outcomes (translated, left alone) were met often
    expect(bracketed).toBeGreaterThan(5000);
    expect(bracketed).toBeLessThan(19000);
  });

  test('a paragraph longer than one string-building step: the same as the regular-expression version', () => {
    const random = createRandom(8);
    let text = '';
    while (text.length < 20000) text += pieces[Math.floor(random() * pieces.length)]!;
    const plain = 'Aeiou xyz '.repeat(1500);
    expect(pseudoTranslate(text)).toBe(referencePseudo(text));
    expect(pseudoTranslate(plain)).toBe(referencePseudo(plain));
    expect(pseudoTranslate(plain).length).toBe(plain.length - 1 + 2 + Math.ceil(plain.trimEnd().length * 0.3) + 1);
  });

  test('the engine translates a batch in order, bills nothing and does not enforce glossaries', async () => {
    const engine = createPseudoEngine();
    const result = await engine.translateBatch({ texts: ['a', 'b c'], sourceLang: 'en', targetLang: 'it' });
    expect(result).toEqual({ texts: ['⟦á~⟧', '⟦b c~⟧'], billedCharacters: 0 });
    expect(engine.name).toBe('pseudo');
    expect(engine.enforcesGlossary('en', 'it')).toBe(false);
  });
});
