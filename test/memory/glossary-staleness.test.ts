import { describe, expect, test } from '@jest/globals';
import { applyGlossaryChanges } from '../../src/memory/glossary-staleness.js';
import { record } from './factories.js';

const now = '2024-05-01T10:00:00.000Z';

describe('applyGlossaryChanges', () => {
  const records = [
    record('Queen of Tears airs.', {
      glossary: { queen: 'q1' },
      target: 'Va in onda La regina delle lacrime.',
      state: 'approved',
    }),
    record('Kim Soo-hyun smiles.', { glossary: { kim: 'k1' }, target: 'Kim Soo-hyun sorride.' }),
    record('The weather is fine.', { target: 'Il tempo è bello.' }),
  ];
  const usage = (entries: Record<string, Record<string, string>>) => (r: { source: string }) => entries[r.source] ?? {};

  test('exactly the records translated with the changed entry become stale', () => {
    const result = applyGlossaryChanges(
      records,
      usage({ 'Queen of Tears airs.': { queen: 'q2' }, 'Kim Soo-hyun smiles.': { kim: 'k1' } }),
      now,
    );
    expect(result.stale).toEqual([records[0]!.id]);
    expect(result.records[0]).toEqual({
      ...records[0],
      target: null,
      state: 'stale',
      engine: null,
      glossary: { queen: 'q2' },
      previousTarget: 'Va in onda La regina delle lacrime.',
      approvedTarget: 'Va in onda La regina delle lacrime.',
      changedBy: 'storyloc',
      changedAt: now,
    });
    expect(result.records[1]).toBe(records[1]);
    expect(result.records[2]).toBe(records[2]);
  });

  test('a removed entry and a new entry matching the source both make the record stale', () => {
    const result = applyGlossaryChanges(
      records,
      usage({ 'Queen of Tears airs.': { queen: 'q1' }, 'The weather is fine.': { weather: 'w1' } }),
      now,
    );
    expect(result.stale).toEqual([records[1]!.id, records[2]!.id]);
  });

  test('records without a target just take the current usage', () => {
    const pending = [record('Kim Soo-hyun smiles.', { target: null, state: 'untranslated', glossary: {} })];
    const result = applyGlossaryChanges(pending, () => ({ kim: 'k2' }), now);
    expect(result.stale).toEqual([]);
    expect(result.records[0]).toEqual({ ...pending[0], glossary: { kim: 'k2' } });
  });
});
