import { describe, expect, test } from '@jest/globals';
import { createPseudoEngine, pseudoTranslate } from '../../src/engines/pseudo.js';

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

  test('the engine translates a batch in order, bills nothing and does not enforce glossaries', async () => {
    const engine = createPseudoEngine();
    const result = await engine.translateBatch({ texts: ['a', 'b c'], sourceLang: 'en', targetLang: 'it' });
    expect(result).toEqual({ texts: ['⟦á~⟧', '⟦b c~⟧'], billedCharacters: 0 });
    expect(engine.name).toBe('pseudo');
    expect(engine.enforcesGlossary('en', 'it')).toBe(false);
  });
});
