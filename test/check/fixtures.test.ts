/**
 * The labelled fixture set (test/fixtures/check): translations with seeded violations and with traps
 * (decimal commas, date formats, numbers in words, Korean units, short forms of names, terms and numbers
 * inside URLs, code spans and image paths, apostrophes, articulated prepositions, sentence-start
 * capitals), checked at once as `storyloc check` would over a workspace, plus Italian files checked
 * with --target-only. Precision and recall over (file, rule, line) must both be exactly 1; `npm run
 * bench` reports the same figures (check_precision, check_recall).
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { score } from '../support/check-fixtures.js';
import { runLabelledFixtures, type LabelledRun } from '../support/check-score.js';

let run: LabelledRun;

beforeAll(() => {
  run = runLabelledFixtures();
});

describe('labelled fixture set', () => {
  test('every case reports exactly its labels', () => {
    for (const item of run.byCase)
      expect({ case: item.name, found: item.found }).toEqual({ case: item.name, found: item.expected });
  });

  test('precision and recall are both 1.0', () => {
    const { cases, expected, found, precision, recall } = run.score;
    process.stdout.write(
      `check fixtures: ${cases} cases, ${expected} labelled violations, ${found} reported; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n`,
    );
    expect(expected).toBeGreaterThanOrEqual(60);
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 });
  });

  test('the score counts repeats and wrong places', () => {
    expect(score(['a numbers 1', 'a numbers 1', 'a quotes 2'], ['a numbers 1', 'a numbers 3'], 1)).toMatchObject({
      truePositives: 1,
      precision: 0.5,
      recall: 1 / 3,
    });
    expect(score([], [], 0)).toMatchObject({ precision: 1, recall: 1 });
  });
});
