/** Numbers written in words, Italian and English, and the words that only look like numbers. */
import { describe, expect, test } from '@jest/globals';
import { englishWordNumbers, italianCardinal, italianWordNumbers } from '../../src/check/number-words.js';

const read = (found: ReturnType<typeof italianWordNumbers>): Array<[string, number, boolean]> =>
  found.map((w) => [w.raw, w.value, w.soft]);

describe('Italian number words', () => {
  test('cardinals 0–100, hundreds, thousands', () => {
    const cases: Array<[string, number]> = [
      ['zero', 0],
      ['otto', 8],
      ['undici', 11],
      ['diciannove', 19],
      ['venti', 20],
      ['ventuno', 21],
      ['ventitré', 23],
      ['ventotto', 28],
      ['trentatré', 33],
      ['novantanove', 99],
      ['cento', 100],
      ['centouno', 101],
      ['centottanta', 180],
      ['duecentocinquanta', 250],
      ['mille', 1000],
      ['milleduecento', 1200],
      ['duemila', 2000],
      ['ventimila', 20000],
      ['centomila', 100000],
      ['duemilaventiquattro', 2024],
    ];
    for (const [word, value] of cases) expect([word, italianCardinal(word)]).toEqual([word, value]);
    for (const word of [
      'centrale',
      'millennio',
      'milanese',
      'quarantena',
      'settantenne',
      'trentino',
      'ventilatore',
      'novella',
    ])
      expect([word, italianCardinal(word)]).toEqual([word, null]);
  });

  test('multipliers, ordinals and soft words in a sentence', () => {
    expect(
      read(
        italianWordNumbers(
          'Due milioni di spettatori, otto episodi, la terza settimana, il ventesimo giorno, un milione.',
        ),
      ),
    ).toEqual([
      ['Due milioni', 2000000, false],
      ['otto', 8, false],
      ['terza', 3, true],
      ['ventesimo', 20, true],
      ['un milione', 1000000, false],
    ]);
    expect(read(italianWordNumbers('Secondo i dati, sei tu il primo: entrambi al 20 per cento.'))).toEqual([
      ['Secondo', 2, true],
      ['sei', 6, true],
      ['primo', 1, true],
      ['entrambi', 2, true],
      ['cento', 100, true],
    ]);
    expect(read(italianWordNumbers('20mila fan, 3 milioni'))).toEqual([]);
  });
});

describe('English number words', () => {
  test('cardinals, compounds and scales; "one" alone is soft', () => {
    expect(
      read(
        englishWordNumbers(
          'Twelve episodes, twenty-three weeks, two hundred and fifty fans, three million views, a hundred days.',
        ),
      ),
    ).toEqual([
      ['Twelve', 12, false],
      ['twenty-three', 23, false],
      ['two hundred and fifty', 250, false],
      ['three million', 3000000, false],
      ['a hundred', 100, false],
    ]);
    expect(read(englishWordNumbers('No one knew; one of them; often a tenant.'))).toEqual([
      ['one', 1, true],
      ['one', 1, true],
    ]);
  });
});
