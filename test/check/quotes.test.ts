import { describe, expect, test } from '@jest/globals';
import { findQuoteProblems } from '../../src/check/quotes.js';

describe('findQuoteProblems', () => {
  test('balanced curly quotes, guillemets, straight pairs and apostrophes are fine', () => {
    expect(findQuoteProblems('dicendo: “Non abbiate paura” e “Non abbiate paura”.')).toEqual([]);
    expect(
      findQuoteProblems(
        'L’attore, con un’espressione addolorata, disse «‘sì’» e "no". Un po’ di storia d’amore, gli anni ’90.',
      ),
    ).toEqual([]);
    expect(findQuoteProblems('“Prima frase. Seconda frase.” Fine.')).toEqual([]);
  });

  test('a closing mark used to open a quotation (seed line 17)', () => {
    const text =
      'commenti come “Provano davvero dei sentimenti l’uno per l’altro?” e ”Ho sentito che recitare porta a una storia d’amore”. fino';
    expect(findQuoteProblems(text)).toEqual([
      { kind: 'wrongDirection', offset: text.indexOf('”Ho'), mark: '”', expected: '“' },
    ]);
  });

  test('two quotations opened and one closed (seed line 21)', () => {
    const text = '“Il dramma “Queen of Tears” segue la storia. L’episodio più recente (l’episodio 12).';
    expect(findQuoteProblems(text)).toEqual([{ kind: 'unclosed', offset: 0, mark: '“', expected: '”' }]);
  });

  test('closing marks without opening ones, reversed marks, odd straight quotes', () => {
    expect(findQuoteProblems('Disse ciao» e basta')).toEqual([
      { kind: 'unopened', offset: 10, mark: '»', expected: '«' },
    ]);
    expect(findQuoteProblems('Disse ciao” e basta')).toEqual([
      { kind: 'unopened', offset: 10, mark: '”', expected: '“' },
    ]);
    expect(findQuoteProblems('Disse “ciao“ e basta')).toEqual([
      { kind: 'wrongDirection', offset: 11, mark: '“', expected: '”' },
    ]);
    expect(findQuoteProblems('Un "esempio e basta')).toEqual([
      { kind: 'unclosed', offset: 3, mark: '"', expected: '"' },
    ]);
    expect(findQuoteProblems('«uno “due» tre')).toEqual([{ kind: 'unclosed', offset: 5, mark: '“', expected: '”' }]);
  });

  test('an inch mark after a digit is not a quotation mark', () => {
    expect(findQuoteProblems('alto 5\'10" circa')).toEqual([]);
  });
});
