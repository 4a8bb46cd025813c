/**
 * Backing off from 429 (issue 16, case 5): consecutive 429s grow the whole-queue pause to at least
 * deepl-node's schedule (1 s by the third in a row, then ×1.6); an isolated 429 keeps the short pause.
 * Timed on Jest's fake clock (Date and timers): exact pauses, no wall-clock assertion.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { backoffDelay, rateLimitFloor } from '../../src/queue/backoff.js';
import { runTranslationQueue } from '../../src/queue/run.js';
import type { QueueOutcome } from '../../src/queue/types.js';
import { EngineError } from '../../src/engines/types.js';
import { jobs, queueOptions, ScriptedEngine } from './helpers.js';

/** A 429 as the DeepL engine reports it: deepl-node exposes no Retry-After, so none is given. */
const rateLimited = (): EngineError => new EngineError('rate-limited', 'too many requests', { status: 429 });
const serverError = (): EngineError => new EngineError('server', 'bad gateway', { status: 502 });

const settings = { backoffBaseMs: 100, backoffMaxMs: 30_000 };

describe('backoffDelay with the 429 floor', () => {
  test('from the third 429 in a row: at least 1 s, growing ×1.6; the first two stay short', () => {
    expect([1, 2, 3, 4, 5, 6].map((level) => backoffDelay(level, settings, () => 0, true))).toEqual([
      50, 100, 1000, 1600, 2560, 4096,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((level) => backoffDelay(level, settings, () => 0, false))).toEqual([
      50, 100, 200, 400, 800, 1600,
    ]);
    // the generic part wins once it is longer than the floor
    expect(backoffDelay(8, settings, () => 0.999999, true)).toBe(12800);
    expect(backoffDelay(4, { backoffBaseMs: 100, backoffMaxMs: 300 }, () => 0, true)).toBe(1600);
    expect([0, 2, 3, 12, 30].map(rateLimitFloor)).toEqual([0, 0, 1000, 68719, 120000]);
  });
});

describe('the queue backs off from consecutive 429s like deepl-node (fake clock)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  async function runOnFakeClock(engine: ScriptedEngine, count: number): Promise<QueueOutcome> {
    const running = runTranslationQueue(
      engine,
      jobs(count),
      queueOptions({
        maxTextsPerRequest: 1,
        concurrency: 1,
        maxRetries: 10,
        backoffBaseMs: 100,
        backoffMaxMs: 30_000,
        random: () => 0,
      }),
    );
    let settled = false;
    void running.finally(() => (settled = true));
    while (!settled) await jest.advanceTimersByTimeAsync(10);
    return running;
  }

  const pauses = (engine: ScriptedEngine): number[] =>
    engine.calls.slice(1).map((call, i) => call.startedAt - engine.calls[i]!.endedAt);

  test('five 429s in a row: 50 ms, 100 ms, then 1 s, 1.6 s, 2.56 s before the retries', async () => {
    const engine = new ScriptedEngine((call) => (call < 5 ? { delayMs: 10, error: rateLimited() } : { delayMs: 10 }));
    const outcome = await runOnFakeClock(engine, 1);
    expect(outcome.stopped).toBeNull();
    expect(outcome.summary).toMatchObject({ requests: 6, retries: 5 });
    expect(pauses(engine)).toEqual([50, 100, 1000, 1600, 2560]);
  });

  test('an isolated 429 keeps the short pause; a success in between resets the count', async () => {
    const failing = new Set([0, 2, 3, 5]);
    const engine = new ScriptedEngine((call) =>
      failing.has(call) ? { delayMs: 10, error: rateLimited() } : { delayMs: 10 },
    );
    const outcome = await runOnFakeClock(engine, 3);
    expect(outcome.stopped).toBeNull();
    expect(pauses(engine)).toEqual([50, 0, 50, 100, 0, 50]);
  });

  test('5xx failures keep the generic schedule (the floor is for 429)', async () => {
    const engine = new ScriptedEngine((call) => (call < 4 ? { delayMs: 10, error: serverError() } : { delayMs: 10 }));
    await runOnFakeClock(engine, 1);
    expect(pauses(engine)).toEqual([50, 100, 200, 400]);
  });
});
