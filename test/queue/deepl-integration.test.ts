/**
 * The queue through the real DeepL engine (deepl-node's HTTP code) against the DeepL-compatible test
 * server, with its injected faults. deepl-node's own retries are off (the queue owns them), so every
 * attempt the queue makes is exactly one request in the server log.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createDeepLEngine } from '../../src/engines/deepl.js';
import type { Engine } from '../../src/engines/types.js';
import { runTranslationQueue } from '../../src/queue/run.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { job, jobs, queueOptions } from './helpers.js';

let server: DeepLServer;
let engine: Engine;

/**
 * The engine against this test's server. The timeout is long (a loaded machine can stall the shared event
 * loop, and a request timed out after its answer was sent would be a false network failure and a retry
 * the exact logs below do not expect); the hang test makes its own engine with a short one.
 */
function engineWithTimeout(timeoutMs: number): Engine {
  return createDeepLEngine({
    authKey: server.authKey,
    serverUrl: server.url,
    timeoutMs,
    formality: 'default',
    sendContext: true,
  });
}

// A fresh server per test: its usage counter, faults and log start empty.
beforeEach(async () => {
  server = await startDeepLServer();
  engine = engineWithTimeout(20_000);
});

afterEach(async () => {
  await server.close();
});

const translateStatuses = (): Array<number | null> =>
  server.requests({ path: '/v2/translate' }).map((request) => request.status);

describe('queue + deepl engine + test server', () => {
  test('sends batches of unique texts and gets the server translations and billed characters', async () => {
    const input = [job('Hello world'), job('the drama'), job('Hello world'), ...jobs(60)];
    const outcome = await runTranslationQueue(engine, input, queueOptions());
    expect(outcome.stopped).toBeNull();
    expect(
      server
        .requests({ path: '/v2/translate' })
        .map((request) => request.texts.length)
        .sort(),
    ).toEqual([12, 50]);
    expect(outcome.translations.get(job('Hello world').key)).toBe('Hello-it mondo');
    expect(outcome.summary.billedCharacters).toBe(outcome.plan.billedCharacters);
    expect(outcome.summary.billedCharacters).toBe(11 + 9 + 10 * 2 + 50 * 3);
  });

  test('N×429 then success: the queue retries, deepl-node does not multiply attempts', async () => {
    server.injectFault({ kind: 'status', status: 429, count: 2 });
    const outcome = await runTranslationQueue(engine, jobs(3), queueOptions({ concurrency: 1 }));
    expect(outcome.stopped).toBeNull();
    expect(translateStatuses()).toEqual([429, 429, 200]);
    expect(outcome.summary).toMatchObject({ requests: 3, retries: 2 });
    expect(outcome.translations.size).toBe(3);
  });

  test('5xx is retried', async () => {
    server.injectFault({ kind: 'status', status: 503, count: 1 });
    server.injectFault({ kind: 'status', status: 500, count: 1 });
    const outcome = await runTranslationQueue(engine, jobs(2), queueOptions());
    expect(outcome.stopped).toBeNull();
    expect(translateStatuses()).toEqual([503, 500, 200]);
  });

  test('a reset connection and a hanging response are retried as network failures', async () => {
    server.injectFault({ kind: 'reset', count: 1 });
    server.injectFault({ kind: 'hang', count: 1 });
    const outcome = await runTranslationQueue(engineWithTimeout(400), jobs(2), queueOptions());
    expect(outcome.stopped).toBeNull();
    expect(server.requests({ path: '/v2/translate' }).map((request) => request.outcome)).toEqual([
      'reset',
      'hang',
      'answered',
    ]);
    expect(outcome.summary.retries).toBe(2);
  });

  test('retries are bounded: a server that keeps failing stops the run as failed', async () => {
    server.injectFault({ kind: 'status', status: 502, count: 10 });
    const outcome = await runTranslationQueue(engine, jobs(2), queueOptions({ maxRetries: 2 }));
    expect(outcome.stopped).toBe('failed');
    expect(outcome.failure).toMatchObject({ kind: 'server', status: 502 });
    expect(translateStatuses()).toEqual([502, 502, 502]);
  });

  test('456 quota: stops, keeps the finished batches, and a rerun of the rest resumes', async () => {
    // Two batches (t50..t99: 150 characters, t100..t149: 200); the limit lets only the first through.
    const input = jobs(150).slice(50);
    server.configure({ characterLimit: 200 });
    const first = await runTranslationQueue(engine, input, queueOptions({ concurrency: 1 }));
    expect(first.stopped).toBe('quota');
    expect(first.failure?.status).toBe(456);
    expect(translateStatuses()).toEqual([200, 456]);
    expect(first.translations.size).toBe(50);

    server.configure({ characterLimit: null });
    const rest = input.filter((j) => first.untranslatedKeys.includes(j.key));
    const second = await runTranslationQueue(engine, rest, queueOptions({ concurrency: 1 }));
    expect(second.stopped).toBeNull();
    expect(second.translations.size).toBe(50);
    expect(first.translations.size + second.translations.size).toBe(input.length);
  });

  test('456 with requests in flight: they finish and are kept; the rerun sends only the rest, nothing is billed twice', async () => {
    // t50..t99 (150 characters), then t100..t249 in three batches of 200: the limit lets two batches through.
    const input = jobs(250).slice(50);
    server.configure({ characterLimit: 400, latencyMs: 30 });
    const first = await runTranslationQueue(engine, input, queueOptions({ concurrency: 2 }));
    expect(first.stopped).toBe('quota');
    const answered = (): string[] =>
      server
        .requests({ path: '/v2/translate' })
        .filter((request) => request.status === 200)
        .flatMap((request) => request.texts);
    expect(answered()).toHaveLength(100);
    expect(first.translations.size).toBe(100);
    expect(first.summary.billedCharacters).toBe(350);

    server.configure({ characterLimit: null });
    const rest = input.filter((j) => first.untranslatedKeys.includes(j.key));
    const second = await runTranslationQueue(engine, rest, queueOptions({ concurrency: 2 }));
    expect(second.stopped).toBeNull();
    expect(answered()).toHaveLength(200);
    expect(new Set(answered()).size).toBe(200);
    // The server billed every text exactly once: 50 × 3 + 150 × 4 characters.
    expect(server.usage.characterCount).toBe(750);
    expect(first.summary.billedCharacters + second.summary.billedCharacters).toBe(750);
  });

  test('Ctrl-C with requests in flight: they are answered and kept; the rerun bills nothing twice', async () => {
    const input = jobs(200);
    server.configure({ latencyMs: 150 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 40);
    const first = await runTranslationQueue(engine, input, {
      ...queueOptions({ concurrency: 2 }),
      signal: controller.signal,
    });
    expect(first.stopped).toBe('interrupted');
    // Two batches were in flight at Ctrl-C: both are answered (and billed) and both are kept.
    expect(translateStatuses()).toEqual([200, 200]);
    expect(first.translations.size).toBe(100);

    server.configure({ latencyMs: 0 });
    const rest = input.filter((j) => first.untranslatedKeys.includes(j.key));
    expect(rest).toHaveLength(100);
    const second = await runTranslationQueue(engine, rest, queueOptions());
    expect(second.stopped).toBeNull();
    const texts = server.requests({ path: '/v2/translate' }).flatMap((request) => request.texts);
    expect(new Set(texts).size).toBe(200);
    expect(texts).toHaveLength(200);
    expect(server.usage.characterCount).toBe(first.plan.billedCharacters);
  });

  test('a wrong key stops with auth and the key appears nowhere in the outcome', async () => {
    const wrongKey = 'wrong-key-1234';
    const badEngine = createDeepLEngine({
      authKey: wrongKey,
      serverUrl: server.url,
      timeoutMs: 20_000,
      formality: 'default',
      sendContext: true,
    });
    server.configure({ echoAuthKeyInErrors: true });
    const outcome = await runTranslationQueue(badEngine, jobs(2), queueOptions());
    expect(outcome.stopped).toBe('auth');
    expect(JSON.stringify(outcome.failure)).not.toContain(wrongKey);
  });

  test('requests per second: the client never trips the server limit', async () => {
    server.configure({ requestsPerSecond: 10, latencyMs: 20 });
    const started = Date.now();
    const outcome = await runTranslationQueue(
      engine,
      jobs(14),
      queueOptions({ maxTextsPerRequest: 1, requestsPerSecond: 10, concurrency: 4 }),
    );
    expect(outcome.stopped).toBeNull();
    expect(translateStatuses().every((status) => status === 200)).toBe(true);
    // 9 at once, then one per 100 ms: the 14th starts at about 500 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  test('a 429 pauses the whole queue: no request reaches the server during the pause', async () => {
    server.injectFault({ kind: 'status', status: 429, count: 1 });
    server.configure({ latencyMs: 20 });
    const outcome = await runTranslationQueue(
      engine,
      jobs(6),
      queueOptions({ maxTextsPerRequest: 1, concurrency: 3, backoffBaseMs: 300, backoffMaxMs: 300 }),
    );
    expect(outcome.stopped).toBeNull();
    const log = server.requests({ path: '/v2/translate' });
    const failed = log.find((request) => request.status === 429)!;
    const failedAnswerAt = failed.receivedAt + (failed.durationMs ?? 0);
    // random() = 0.5: a pause of 225 ms; requests already in flight when it began may still arrive.
    const arrivedDuringPause = log.filter(
      (request) => request.receivedAt > failedAnswerAt + 10 && request.receivedAt < failedAnswerAt + 225 - 10,
    );
    expect(arrivedDuringPause).toEqual([]);
    expect(log).toHaveLength(7);
  });
});
