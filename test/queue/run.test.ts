import { describe, expect, jest, test } from '@jest/globals';
import { createNoneEngine } from '../../src/engines/none.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import { EngineError } from '../../src/engines/types.js';
import { runTranslationQueue } from '../../src/queue/run.js';
import type { BatchResult, QueueProgress } from '../../src/queue/types.js';
import { job, jobs, queueOptions, ScriptedEngine, translated } from './helpers.js';

const rateLimited = (retryAfterMs?: number): EngineError =>
  new EngineError(
    'rate-limited',
    'too many requests',
    retryAfterMs === undefined ? { status: 429 } : { status: 429, retryAfterMs },
  );
const serverError = (): EngineError => new EngineError('server', 'bad gateway', { status: 502 });
const quota = (): EngineError => new EngineError('quota', 'quota exceeded', { status: 456 });

describe('runTranslationQueue: results', () => {
  test('translates every job, sends duplicates once and fans the result out', async () => {
    const engine = new ScriptedEngine();
    const input = [job('A'), job('B'), job('A'), ...jobs(60)];
    const outcome = await runTranslationQueue(engine, input, queueOptions());
    expect(outcome.stopped).toBeNull();
    expect(outcome.untranslatedKeys).toEqual([]);
    expect(outcome.translations.get(job('A').key)).toBe('IT(A)');
    expect(outcome.translations.size).toBe(62);
    expect(engine.calls.map((call) => call.texts.length).sort()).toEqual([12, 50]);
    expect(outcome.summary).toMatchObject({
      requests: 2,
      retries: 0,
      sentTexts: 62,
      batches: 2,
      billedCharacters: 2 + 10 * 2 + 50 * 3,
    });
  });

  test('awaits onBatchDone after every batch and reports progress', async () => {
    const done: BatchResult[] = [];
    const events: QueueProgress[] = [];
    const outcome = await runTranslationQueue(new ScriptedEngine(), [...jobs(120), job('t0')], {
      ...queueOptions({ concurrency: 1 }),
      onBatchDone: async (result) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        done.push(result);
      },
      onProgress: (event) => events.push(event),
    });
    expect(done.map((result) => result.batch.index)).toEqual([0, 1, 2]);
    expect(done[2]?.translations).toEqual(Array.from({ length: 20 }, (_, i) => translated(`t${100 + i}`)));
    expect(events.map((event) => [event.type, event.segmentsDone, event.segmentsTotal])).toEqual([
      ['start', 0, 121],
      ['batch', 51, 121],
      ['batch', 101, 121],
      ['batch', 121, 121],
      ['end', 121, 121],
    ]);
    expect(events[3]?.charactersDone).toBe(outcome.plan.billedCharacters);
  });

  test('the pseudo engine runs through the queue', async () => {
    const outcome = await runTranslationQueue(createPseudoEngine(), [job('Hello')], queueOptions());
    expect([...outcome.translations.values()]).toEqual(['⟦Hélló~~⟧']);
  });

  test('the none engine sends nothing and leaves every job untranslated', async () => {
    const input = [job('A'), job('B'), job('A')];
    const outcome = await runTranslationQueue(createNoneEngine(), input, queueOptions());
    expect(outcome.stopped).toBeNull();
    expect(outcome.summary.requests).toBe(0);
    expect(outcome.untranslatedKeys).toEqual([job('A').key, job('B').key]);
  });
});

/**
 * Runs the queue on jest's fake clock (Date.now and timers): pauses and rates are then exact, whatever the
 * machine's load. (Real request rates are measured by `npm run bench`.)
 */
async function onFakeClockTimed<T>(run: () => Promise<T>): Promise<{ result: T; elapsedMs: number }> {
  const start = 1_000_000;
  jest.useFakeTimers({ now: start });
  try {
    const pending = run();
    await jest.runAllTimersAsync();
    const result = await pending;
    return { result, elapsedMs: Date.now() - start };
  } finally {
    jest.useRealTimers();
  }
}

async function onFakeClock<T>(run: () => Promise<T>): Promise<T> {
  return (await onFakeClockTimed(run)).result;
}

describe('runTranslationQueue: rate limit and backoff', () => {
  test('requests per second: a burst of the bucket, then one request per 1/rate', async () => {
    const engine = new ScriptedEngine();
    // 10/s: 9 requests at once (one token below the server's burst), then one every 100 ms.
    await onFakeClock(() =>
      runTranslationQueue(
        engine,
        jobs(12),
        queueOptions({ maxTextsPerRequest: 1, requestsPerSecond: 10, concurrency: 12 }),
      ),
    );
    const t0 = engine.calls[0]!.startedAt;
    expect(engine.calls.map((call) => call.startedAt - t0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 200, 300]);
  });

  test('a 429 pauses the whole queue: no batch starts while backing off, and the failed batch goes first', async () => {
    const engine = new ScriptedEngine((call) =>
      call === 0 ? { delayMs: 30, error: rateLimited(250) } : { delayMs: 30 },
    );
    const outcome = await onFakeClock(() =>
      runTranslationQueue(engine, jobs(8), queueOptions({ maxTextsPerRequest: 1, concurrency: 2 })),
    );
    expect(outcome.stopped).toBeNull();
    expect(outcome.summary).toMatchObject({ requests: 9, retries: 1 });
    const failedAt = engine.calls[0]!.endedAt;
    const startedDuringPause = engine.calls.filter(
      (call) => call.startedAt > failedAt && call.startedAt < failedAt + 250,
    );
    expect(startedDuringPause).toEqual([]);
    // Retry-After honoured: the retry of t0 is the first request after the pause, 250 ms after the failure.
    const after = engine.calls.filter((call) => call.startedAt >= failedAt + 250);
    expect(after[0]?.texts).toEqual(['t0']);
    expect(after[0]!.startedAt - failedAt).toBe(250);
    expect(outcome.translations.get(job('t0').key)).toBe('IT(t0)');
  });

  test('consecutive failures back off exponentially with jitter, and retries are bounded', async () => {
    const engine = new ScriptedEngine(() => ({ error: serverError() }));
    const outcome = await onFakeClock(() =>
      runTranslationQueue(
        engine,
        jobs(3),
        queueOptions({ maxTextsPerRequest: 1, concurrency: 1, maxRetries: 3, backoffBaseMs: 40 }),
      ),
    );
    expect(outcome.stopped).toBe('failed');
    expect(outcome.failure).toEqual({ kind: 'server', message: 'bad gateway', status: 502 });
    // One batch, 1 attempt + 3 retries; the others were never sent.
    expect(engine.calls.map((call) => call.texts)).toEqual([['t0'], ['t0'], ['t0'], ['t0']]);
    expect(outcome.summary).toMatchObject({ requests: 4, retries: 3, batches: 0 });
    // random() = 0.5: pauses of 30, 60, 120 ms (base 40 doubling, 3/4 of the ceiling).
    expect(engine.calls.slice(1).map((call, i) => call.startedAt - engine.calls[i]!.endedAt)).toEqual([30, 60, 120]);
    expect(outcome.untranslatedKeys).toEqual(jobs(3).map((j) => j.key));
  });

  test('failures of requests already in flight count as one burst: the level does not climb per request', async () => {
    // Four requests fail together, then everything succeeds.
    const engine = new ScriptedEngine((call) => (call < 4 ? { delayMs: 20, error: rateLimited() } : {}));
    const events: QueueProgress[] = [];
    const outcome = await runTranslationQueue(engine, jobs(4), {
      ...queueOptions({ maxTextsPerRequest: 1, concurrency: 4, backoffBaseMs: 100 }),
      onProgress: (event) => events.push(event),
    });
    expect(outcome.stopped).toBeNull();
    expect(outcome.summary.retries).toBe(4);
    expect(events.filter((event) => event.type === 'backoff').map((event) => event.backoffMs)).toEqual([
      75, 75, 75, 75,
    ]);
  });

  test('network failures are retried like server errors', async () => {
    const engine = new ScriptedEngine((call) =>
      call < 2 ? { error: new EngineError('network', 'socket hang up') } : {},
    );
    const outcome = await runTranslationQueue(engine, jobs(1), queueOptions());
    expect(outcome.stopped).toBeNull();
    expect(outcome.summary).toMatchObject({ requests: 3, retries: 2 });
  });
});

describe('runTranslationQueue: stopping', () => {
  test('456 quota: stops sending, lets in-flight batches finish and keeps every finished result', async () => {
    // Batch 0 is slow and in flight when batch 1 hits the quota.
    const engine = new ScriptedEngine((call) =>
      call === 0 ? { delayMs: 80 } : call === 1 ? { delayMs: 10, error: quota() } : {},
    );
    const persisted: number[] = [];
    const outcome = await runTranslationQueue(engine, jobs(150), {
      ...queueOptions({ concurrency: 2 }),
      onBatchDone: (result) => {
        persisted.push(result.batch.index);
      },
    });
    expect(outcome.stopped).toBe('quota');
    expect(outcome.failure).toEqual({ kind: 'quota', message: 'quota exceeded', status: 456 });
    expect(engine.calls).toHaveLength(2);
    expect(persisted).toEqual([0]);
    expect(outcome.translations.size).toBe(50);
    expect(outcome.untranslatedKeys).toEqual(
      jobs(150)
        .slice(50)
        .map((j) => j.key),
    );
    expect(outcome.summary.retries).toBe(0);
  });

  test('403 auth stops with outcome auth', async () => {
    const engine = new ScriptedEngine(() => ({ error: new EngineError('auth', 'key refused', { status: 403 }) }));
    const outcome = await runTranslationQueue(engine, jobs(120), queueOptions({ concurrency: 1 }));
    expect(outcome.stopped).toBe('auth');
    expect(engine.calls).toHaveLength(1);
    expect(outcome.untranslatedKeys).toHaveLength(120);
  });

  test('the budget is never exceeded: batches that would pass it are not sent', async () => {
    const engine = new ScriptedEngine();
    const input = jobs(120); // t0..t9: 2 chars, t10..t99: 3, t100..: 4
    const outcome = await runTranslationQueue(engine, input, queueOptions({ maxChars: 200 }));
    const sentCharacters = engine.calls.flatMap((call) => call.texts).reduce((sum, text) => sum + [...text].length, 0);
    expect(outcome.stopped).toBe('budget');
    // 10 × 2 + 60 × 3 = 200: t0..t69 fit exactly.
    expect(sentCharacters).toBe(200);
    expect(outcome.summary.billedCharacters).toBe(200);
    expect(outcome.translations.size).toBe(70);
    expect(outcome.untranslatedKeys[0]).toBe(job('t70').key);
  });

  test('the budget also holds when the engine bills more than estimated', async () => {
    const engine = new ScriptedEngine(() => ({ billFactor: 2 }));
    const outcome = await runTranslationQueue(engine, jobs(150), queueOptions({ concurrency: 1, maxChars: 400 }));
    expect(outcome.stopped).toBe('budget');
    // Batch 0 (20 + 40 × 3 = 140 estimated) was billed 280; batch 1 (150) would pass 400.
    expect(engine.calls).toHaveLength(1);
    expect(outcome.summary.billedCharacters).toBe(280);
  });

  test('Ctrl-C: stops taking work, keeps what finished', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine(() => ({ delayMs: 5 }));
    const outcome = await runTranslationQueue(engine, jobs(200), {
      ...queueOptions({ concurrency: 1 }),
      signal: controller.signal,
      onBatchDone: (result) => {
        if (result.batch.index === 1) controller.abort();
      },
    });
    expect(outcome.stopped).toBe('interrupted');
    expect(engine.calls).toHaveLength(2);
    expect(outcome.translations.size).toBe(100);
  });

  test('Ctrl-C during a request: the paid request is awaited and kept, never retried, and nothing else is sent', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine(() => ({ delayMs: 150 }));
    setTimeout(() => controller.abort(), 30);
    const persisted: number[] = [];
    const outcome = await runTranslationQueue(engine, jobs(150), {
      ...queueOptions({ concurrency: 2 }),
      signal: controller.signal,
      onBatchDone: (result) => {
        persisted.push(result.batch.index);
      },
    });
    expect(outcome.stopped).toBe('interrupted');
    // Batches 0 and 1 were in flight: both finish, are persisted and counted; batch 2 is never sent.
    expect(engine.calls.map((call) => [call.texts[0], call.outcome])).toEqual([
      ['t0', 'ok'],
      ['t50', 'ok'],
    ]);
    expect(engine.calls.every((call) => call.request.signal === undefined)).toBe(true);
    expect(persisted.sort()).toEqual([0, 1]);
    expect(outcome.translations.size).toBe(100);
    expect(outcome.untranslatedKeys).toEqual(
      jobs(150)
        .slice(100)
        .map((j) => j.key),
    );
    expect(outcome.summary).toMatchObject({ requests: 2, batches: 2, retries: 0 });
  });

  test('Ctrl-C while a request fails: the failure is not retried', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine(() => ({ delayMs: 60, error: serverError() }));
    setTimeout(() => controller.abort(), 20);
    const outcome = await runTranslationQueue(engine, jobs(3), {
      ...queueOptions({ maxTextsPerRequest: 1, concurrency: 1 }),
      signal: controller.signal,
    });
    expect(outcome.stopped).toBe('interrupted');
    expect(outcome.failure).toBeNull();
    expect(engine.calls).toHaveLength(1);
    expect(outcome.summary).toMatchObject({ requests: 1, retries: 0, batches: 0 });
  });

  test('Ctrl-C during a backoff pause ends the run at once', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine(() => ({ error: rateLimited(5000) }));
    // on the fake clock: the run ends when Ctrl-C comes (30 ms), not when the 5 s pause would have
    const { result: outcome, elapsedMs } = await onFakeClockTimed(() => {
      setTimeout(() => controller.abort(), 30);
      return runTranslationQueue(engine, jobs(3), { ...queueOptions(), signal: controller.signal });
    });
    expect(elapsedMs).toBe(30);
    expect(outcome.stopped).toBe('interrupted');
  });

  test('an already aborted signal sends nothing', async () => {
    const engine = new ScriptedEngine();
    const outcome = await runTranslationQueue(engine, jobs(3), { ...queueOptions(), signal: AbortSignal.abort() });
    expect(outcome.stopped).toBe('interrupted');
    expect(engine.calls).toHaveLength(0);
  });

  test('an engine returning the wrong number of texts stops the run as failed', async () => {
    const engine = new ScriptedEngine();
    engine.translateBatch = async () => ({ texts: ['only one'], billedCharacters: 0 });
    const outcome = await runTranslationQueue(engine, jobs(2), queueOptions());
    expect(outcome.stopped).toBe('failed');
    expect(outcome.failure?.message).toBe('engine pseudo returned 1 texts for 2');
    expect(outcome.translations.size).toBe(0);
  });

  test('a non-engine error is rethrown after in-flight batches are persisted', async () => {
    const bug = new TypeError('boom');
    const engine = new ScriptedEngine((call) => (call === 0 ? { delayMs: 40 } : { error: bug }));
    const persisted: number[] = [];
    await expect(
      runTranslationQueue(engine, jobs(150), {
        ...queueOptions({ concurrency: 2 }),
        onBatchDone: (result) => {
          persisted.push(result.batch.index);
        },
      }),
    ).rejects.toBe(bug);
    expect(persisted).toEqual([0]);
    expect(engine.calls).toHaveLength(2);
  });

  test('rejects bad options naming the option', async () => {
    await expect(runTranslationQueue(new ScriptedEngine(), [], queueOptions({ concurrency: 0 }))).rejects.toThrow(
      'Expected `concurrency` to be an integer >= 1, got `0` (number)',
    );
  });
});

describe('runTranslationQueue: answers settle beside the sending', () => {
  /** onBatchDone that takes `ms` on the clock (a journal fsync), recording when each batch settled. */
  const slowSettle = (ms: number, settled: Array<[number, number]>) => async (result: BatchResult) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    settled.push([result.batch.index, Date.now()]);
  };

  test('the next request goes out when the answer is in, not when onBatchDone has finished', async () => {
    const engine = new ScriptedEngine(() => ({ delayMs: 50 }));
    const settled: Array<[number, number]> = [];
    const events: QueueProgress[] = [];
    const start = 1_000_000;
    const outcome = await onFakeClock(() =>
      runTranslationQueue(engine, jobs(3), {
        ...queueOptions({ maxTextsPerRequest: 1, concurrency: 1 }),
        onBatchDone: slowSettle(30, settled),
        onProgress: (event) => events.push(event),
      }),
    );
    // a request every 50 ms (the slot is free once answered), where waiting for onBatchDone took 80 ms
    expect(engine.calls.map((call) => call.startedAt - start)).toEqual([0, 50, 100]);
    expect(settled.map(([index, at]) => [index, at - start])).toEqual([
      [0, 80],
      [1, 130],
      [2, 180],
    ]);
    // a batch counts once settled, and the run ends after the last one settled
    expect(events.map((event) => [event.type, event.segmentsDone])).toEqual([
      ['start', 0],
      ['batch', 1],
      ['batch', 2],
      ['batch', 3],
      ['end', 3],
    ]);
    expect(outcome.summary).toMatchObject({ requests: 3, batches: 3 });
  });

  test('requests in flight plus answers settling stay within twice the concurrency', async () => {
    const engine = new ScriptedEngine(() => ({ delayMs: 10 }));
    const settled: Array<[number, number]> = [];
    const start = 1_000_000;
    await onFakeClock(() =>
      runTranslationQueue(engine, jobs(3), {
        ...queueOptions({ maxTextsPerRequest: 1, concurrency: 1 }),
        onBatchDone: slowSettle(100, settled),
      }),
    );
    // t0 answered at 10 and settling until 110; t1 goes at 10 and is answered at 20: two unsettled, so
    // t2 waits for t0 to settle
    expect(engine.calls.map((call) => call.startedAt - start)).toEqual([0, 10, 110]);
    expect(settled.map(([index, at]) => [index, at - start])).toEqual([
      [0, 110],
      [1, 120],
      [2, 220],
    ]);
  });

  test('a failing onBatchDone while other requests are in flight: they finish and settle, nothing more is sent', async () => {
    const engine = new ScriptedEngine((call) => ({ delayMs: call === 0 ? 10 : 40 }));
    const settled: number[] = [];
    const failure = new Error('disk full');
    const result = await onFakeClock(() =>
      runTranslationQueue(engine, jobs(6), {
        ...queueOptions({ maxTextsPerRequest: 1, concurrency: 2 }),
        onBatchDone: async (done) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (done.batch.index === 0) throw failure;
          settled.push(done.batch.index);
        },
      }).catch((error: unknown) => error),
    );
    expect(result).toBe(failure);
    // t0 (answered at 10, failing at 15), t1 (0–40) and t2 (sent at 10): t2 and t1 still settle
    expect(engine.calls.map((call) => call.texts[0])).toEqual(['t0', 't1', 't2']);
    expect(settled.sort()).toEqual([1, 2]);
  });
});
