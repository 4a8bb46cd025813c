/**
 * The JSON and SARIF reports written in pieces join to exactly what `JSON.stringify(value, null, 2)`
 * prints: no item, one, and more than one piece's worth, at the top level and nested in an array.
 */
import { describe, expect, test } from '@jest/globals';
import { prettyJsonPieces } from '../../src/check/reporters/json-chunks.js';

const item = (index: number) => ({ rule: 'not-approved', line: index, nested: { list: [index, 'a\nb'] }, empty: {} });

describe('prettyJsonPieces', () => {
  test.each([0, 1, 500, 501, 1203])('%i items at the top level and nested in runs[0]', (count) => {
    const items = Array.from({ length: count }, (_, index) => index);
    const top = { schemaVersion: 1, files: ['a.md'], violations: [] as unknown[] };
    expect([...prettyJsonPieces(top, ['violations'], items, item)].join('')).toBe(
      JSON.stringify({ ...top, violations: items.map(item) }, null, 2),
    );
    const nested = { version: '2.1.0', runs: [{ tool: { name: 'x' }, results: [] as unknown[] }] };
    const full = { ...nested, runs: [{ ...nested.runs[0]!, results: items.map(item) }] };
    expect([...prettyJsonPieces(nested, ['runs', 0, 'results'], items, item)].join('')).toBe(
      JSON.stringify(full, null, 2),
    );
  });

  test('more than one piece for more than 500 items', () => {
    const items = Array.from({ length: 1001 }, (_, index) => index);
    expect([...prettyJsonPieces({ violations: [] }, ['violations'], items, item)].length).toBe(5);
  });
});
