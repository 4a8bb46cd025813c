/** The answered-keys table (src/translate/answered-keys.ts) answers what a Map of the 53-bit hashes would. */
import { describe, expect, test } from '@jest/globals';
import type { JournalSpan } from '../../src/memory/journal.js';
import { AnsweredKeys } from '../../src/translate/answered-keys.js';
import { createRandom } from '../support/random.js';

const TWO_32 = 4294967296;

describe('AnsweredKeys', () => {
  test('hashes that share their low or their high half stay apart; a later answer replaces an earlier one', () => {
    const table = new AnsweredKeys();
    const first: JournalSpan = { offset: 0, length: 10 };
    const second: JournalSpan = { offset: 10, length: 20 };
    const one = table.addSpan(first);
    const two = table.addSpan(second);
    table.set(5, one);
    table.set(3 * TWO_32 + 5, two);
    table.set(2 ** 53 - 1, one);
    expect(table.get(5)).toBe(first);
    expect(table.get(3 * TWO_32 + 5)).toBe(second);
    expect(table.get(2 ** 53 - 1)).toBe(first);
    expect(table.get(3 * TWO_32 + 6)).toBeUndefined();
    expect(table.get(0)).toBeUndefined();
    table.set(5, two);
    expect(table.get(5)).toBe(second);
  });

  test('seeded random hashes, through many growths: the same answers as a Map', () => {
    const random = createRandom(53);
    const table = new AnsweredKeys();
    const map = new Map<number, JournalSpan>();
    const spans: JournalSpan[] = [];
    const hashes: number[] = [];
    const differing: number[] = [];
    for (let i = 0; i < 20000; i++) {
      if (i % 50 === 0) spans.push({ offset: i, length: 1 });
      const spanNumber = i % 50 === 0 ? table.addSpan(spans.at(-1)!) : spans.length - 1;
      // a few low halves shared by many hashes (collisions in the table's slots), and repeats
      const low = random() < 0.3 ? Math.floor(random() * 8) : Math.floor(random() * TWO_32);
      const hash =
        random() < 0.1 && hashes.length > 0
          ? hashes[Math.floor(random() * hashes.length)]!
          : Math.floor(random() * 2 ** 21) * TWO_32 + low;
      hashes.push(hash);
      table.set(hash, spanNumber);
      map.set(hash, spans[spanNumber]!);
      const probe = Math.floor(random() * 2 ** 21) * TWO_32 + Math.floor(random() * TWO_32);
      if (table.get(probe) !== map.get(probe)) differing.push(probe);
    }
    for (const hash of hashes) if (table.get(hash) !== map.get(hash)) differing.push(hash);
    expect(differing).toEqual([]);
    expect(map.size).toBeGreaterThan(17000);
  });
});
