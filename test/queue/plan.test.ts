import { describe, expect, test } from '@jest/globals';
import { planBatches } from '../../src/queue/plan.js';
import { job, jobs } from './helpers.js';

const limits = { maxTextsPerRequest: 50, maxBytesPerRequest: 128 * 1024 };

describe('planBatches', () => {
  test('at most 50 texts per request, in input order', () => {
    const plan = planBatches(jobs(120), limits);
    expect(plan.batches.map((batch) => batch.texts.length)).toEqual([50, 50, 20]);
    expect(plan.batches[1]?.texts[0]).toBe('t50');
    expect(plan.requests).toBe(3);
    expect(plan.billedCharacters).toBe(10 * 2 + 90 * 3 + 20 * 4);
  });

  test('at most 128 KiB of form-encoded body per request', () => {
    // 3000 unreserved characters: 3006 bytes as a `&text=` field; (131072 - 1024) / 3006 = 43.3 per request.
    const big = Array.from({ length: 100 }, (_, i) => job(`${'a'.repeat(2996)}${String(i).padStart(4, '0')}`));
    const plan = planBatches(big, limits);
    expect(plan.batches.map((batch) => batch.texts.length)).toEqual([43, 43, 14]);
    expect(plan.batches[0]?.bytes).toBe(1024 + 43 * 3006);
    for (const batch of plan.batches) expect(batch.bytes).toBeLessThanOrEqual(128 * 1024);
  });

  test('identical texts of the same pair and glossary are sent once and counted for every segment', () => {
    const plan = planBatches([job('A'), job('B'), job('A'), job('C'), job('B')], limits);
    expect(plan.batches.map((batch) => batch.texts)).toEqual([['A', 'B', 'C']]);
    expect(plan.batches[0]?.jobCount).toBe(5);
    expect(plan).toMatchObject({ jobs: 5, uniqueTexts: 3, duplicates: 2, requests: 1, billedCharacters: 3 });
  });

  test('batches never mix language pairs or glossaries', () => {
    const input = [
      job('a'),
      job('b', { sourceLang: 'ko' }),
      job('c', { glossaryId: 'g1' }),
      job('d'),
      job('e', { sourceLang: 'ko' }),
    ];
    const plan = planBatches(input, limits);
    expect(plan.batches.map((batch) => [batch.sourceLang, batch.glossaryId ?? null, batch.texts])).toEqual([
      ['en', null, ['a', 'd']],
      ['ko', null, ['b', 'e']],
      ['en', 'g1', ['c']],
    ]);
    expect(plan.batches.map((batch) => batch.index)).toEqual([0, 1, 2]);
  });

  test('the budget takes a prefix of the work and never exceeds maxChars', () => {
    const tenChars = Array.from({ length: 10 }, (_, i) => job(`text ${i}....`));
    const plan = planBatches(tenChars, { ...limits, maxChars: 35 });
    expect(plan.batches.map((batch) => batch.texts)).toEqual([['text 0....', 'text 1....', 'text 2....']]);
    expect(plan.billedCharacters).toBe(30);
    expect(plan.overBudget).toEqual(tenChars.slice(3).map((j) => j.key));
    expect(planBatches(tenChars, { ...limits, maxChars: 0 }).requests).toBe(0);
    expect(planBatches(tenChars, { ...limits, maxChars: null }).requests).toBe(1);
  });

  test('a text larger than one request is left out, not sent', () => {
    const huge = job('x'.repeat(140_000));
    const plan = planBatches([job('ok'), huge], limits);
    expect(plan.tooLarge).toEqual([huge.key]);
    expect(plan.batches.map((batch) => batch.texts)).toEqual([['ok']]);
  });

  test('distinct contexts of a batch are sent once, joined by blank lines', () => {
    const input = [job('s1', { context: 'P1' }), job('s2', { context: 'P1' }), job('s3', { context: 'P2' }), job('s4')];
    const [batch] = planBatches(input, limits).batches;
    expect(batch?.context).toBe('P1\n\nP2');
    expect(batch?.bytes).toBe(1024 + 4 * 8 + '&context='.length + 'P1%0A%0AP2'.length);
  });

  test('a context that does not fit is left out without changing the packing', () => {
    const input = [job('s1', { context: 'c'.repeat(200_000) }), job('s2', { context: 'short' })];
    const plan = planBatches(input, limits);
    expect(plan.requests).toBe(1);
    expect(plan.batches[0]?.context).toBe('short');
  });

  test('the sentences of one paragraph too long to send as context: no batch carries it, each still packs 50', () => {
    const paragraph = 'p'.repeat(200_000);
    const input = Array.from({ length: 120 }, (_, i) => job(`s${i}`, { context: paragraph }));
    const plan = planBatches(input, limits);
    expect(plan.batches.map((batch) => [batch.texts.length, batch.context])).toEqual([
      [50, undefined],
      [50, undefined],
      [20, undefined],
    ]);
  });

  test('contexts alternating between batches are measured for each: a blank one is never sent', () => {
    const input = [
      ...Array.from({ length: 50 }, (_, i) => job(`a${i}`, { context: 'Para A' })),
      ...Array.from({ length: 50 }, (_, i) => job(`b${i}`, { context: '  \n ' })),
      ...Array.from({ length: 50 }, (_, i) => job(`c${i}`, { context: 'Para A' })),
    ];
    const plan = planBatches(input, limits);
    expect(plan.batches.map((batch) => batch.context)).toEqual(['Para A', undefined, 'Para A']);
    expect(plan.batches[2]?.bytes).toBe(plan.batches[0]?.bytes);
  });

  test('rejects bad limits naming the option', () => {
    expect(() => planBatches([], { ...limits, maxTextsPerRequest: 0 })).toThrow(
      'Expected `maxTextsPerRequest` to be an integer >= 1, got `0` (number)',
    );
    expect(() => planBatches([], { ...limits, maxChars: -1 })).toThrow(
      'Expected `maxChars` to be an integer >= 0 or null, got `-1`',
    );
  });
});
