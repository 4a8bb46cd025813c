import { describe, expect, test } from '@jest/globals';
import { mayReadAhead, readAheadLimits } from '../../src/translate/read-ahead.js';

describe('read-ahead policy of the streamed run', () => {
  const deepl = readAheadLimits(8, true);
  const local = readAheadLimits(8, false);

  test('limits follow the concurrency', () => {
    expect(deepl).toEqual({ batchesAhead: 32, lowWater: 16, writeBacklog: 16, writeBacklogHard: 128, network: true });
    expect(readAheadLimits(1, false)).toEqual({
      batchesAhead: 8,
      lowWater: 4,
      writeBacklog: 16,
      writeBacklogHard: 128,
      network: false,
    });
  });

  test('reads while the queue is short of batches and the writer keeps up; waits once enough is queued', () => {
    expect(mayReadAhead({ waitingBatches: 31, queueRunning: true, writeBacklog: 15 }, deepl)).toBe(true);
    expect(mayReadAhead({ waitingBatches: 32, queueRunning: true, writeBacklog: 0 }, deepl)).toBe(false);
    // a stopped queue takes nothing: its waiting batches do not hold reading back
    expect(mayReadAhead({ waitingBatches: 40, queueRunning: false, writeBacklog: 0 }, deepl)).toBe(true);
  });

  test('a network queue about to run dry is fed even while the writer is behind, up to the hard limit', () => {
    expect(mayReadAhead({ waitingBatches: 15, queueRunning: true, writeBacklog: 64 }, deepl)).toBe(true);
    expect(mayReadAhead({ waitingBatches: 0, queueRunning: true, writeBacklog: 127 }, deepl)).toBe(true);
    expect(mayReadAhead({ waitingBatches: 0, queueRunning: true, writeBacklog: 128 }, deepl)).toBe(false);
    // not about to run dry: the writer catches up first
    expect(mayReadAhead({ waitingBatches: 16, queueRunning: true, writeBacklog: 64 }, deepl)).toBe(false);
    // stopped: nothing to feed
    expect(mayReadAhead({ waitingBatches: 0, queueRunning: false, writeBacklog: 64 }, deepl)).toBe(false);
  });

  test('a local engine always waits for a writer that is behind', () => {
    expect(mayReadAhead({ waitingBatches: 0, queueRunning: true, writeBacklog: 16 }, local)).toBe(false);
    expect(mayReadAhead({ waitingBatches: 0, queueRunning: true, writeBacklog: 15 }, local)).toBe(true);
  });
});
