/**
 * sortViolations sorts file by file; it must give exactly what one stable sort of the whole list by
 * (file, line, column, rule) gives, including the order of violations equal in all four keys.
 */
import { describe, expect, test } from '@jest/globals';
import { sortViolations } from '../../src/check/workspace.js';
import { ruleIds, type Violation } from '../../src/check/types.js';

/** the order as one sort of the whole list (what the report used before it sorted file by file) */
function sortedAsOne(violations: Violation[]): Violation[] {
  const ruleOrder = new Map<string, number>(ruleIds.map((id, index) => [id, index]));
  return [...violations].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (ruleOrder.get(a.rule) ?? 99) - (ruleOrder.get(b.rule) ?? 99),
  );
}

/** a small deterministic generator (no Math.random: the same list every run) */
function generator(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

function violationsOf(seed: number, count: number): Violation[] {
  const next = generator(seed);
  // output files of two languages, their source articles (placed there when the output is not to be
  // trusted, so one file can come from two translations), a glossary file, names that sort by code unit
  const files = [
    'output/it/en/story-0002.md',
    'output/ko/en/story-0002.md',
    'articles/en/story-0002.md',
    'output/it/en/story-0001.md',
    'glossary/people.yaml',
    'output/it/en/Story-0003.md',
    'output/it/en/story-0001.md.state.json',
  ];
  const rules = [...ruleIds, 'not-a-rule'];
  return Array.from({ length: count }, (_, index) => ({
    rule: rules[next(rules.length)] as Violation['rule'],
    severity: next(2) === 0 ? 'error' : 'warning',
    file: files[next(files.length)]!,
    line: 1 + next(4),
    column: 1 + next(3),
    segmentId: null,
    // tells apart violations equal in every sort key
    message: `violation ${index}`,
  }));
}

describe('sortViolations', () => {
  test('the order of one stable sort by file, line, column and rule, ties in the order given', () => {
    for (const [seed, count] of [
      [1, 0],
      [2, 1],
      [3, 40],
      [4, 500],
      [5, 3000],
    ] as const) {
      const violations = violationsOf(seed, count);
      const expected = sortedAsOne(violations).map((violation) => violation.message);
      const input = [...violations];
      const sorted = sortViolations(input);
      expect(sorted).toBe(input);
      expect(sorted.map((violation) => violation.message)).toEqual(expected);
    }
  });

  test('ties: equal file, place and rule stay in the order given, whichever translation gave them', () => {
    const at = (file: string, message: string, line = 1): Violation => ({
      rule: 'not-approved',
      severity: 'warning',
      file,
      line,
      column: 1,
      segmentId: null,
      message,
    });
    const sorted = sortViolations([
      at('b.md', 'b first'),
      at('a.md', 'a first', 2),
      at('b.md', 'b second'),
      at('a.md', 'a second'),
      at('a.md', 'a third', 2),
    ]);
    expect(sorted.map((violation) => violation.message)).toEqual([
      'a second',
      'a first',
      'a third',
      'b first',
      'b second',
    ]);
  });
});
