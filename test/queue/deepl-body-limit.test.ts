/**
 * The queue's request-size limit against a server that enforces DeepL's 128 KiB (413 above it): long
 * texts, Korean (nine form-encoded bytes per syllable) and context included, every request fits.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createDeepLEngine } from '../../src/engines/deepl.js';
import { runTranslationQueue } from '../../src/queue/run.js';
import { MAX_BODY_BYTES, startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { job, queueOptions } from './helpers.js';

let server: DeepLServer;
beforeAll(async () => {
  server = await startDeepLServer();
});
afterAll(async () => {
  await server.close();
});

test('batches planned by the queue never get 413 from a server enforcing 128 KiB', async () => {
  const engine = createDeepLEngine({
    authKey: server.authKey,
    serverUrl: server.url,
    timeoutMs: 10_000,
    formality: 'default',
    sendContext: true,
  });
  const korean = Array.from({ length: 30 }, (_, i) =>
    job(`${'드라마 시청률 '.repeat(400)}${i}`, { sourceLang: 'ko', context: '배우 '.repeat(300) }),
  );
  const english = Array.from({ length: 30 }, (_, i) => job(`${'The drama ratings. '.repeat(250)}${i}`));
  const outcome = await runTranslationQueue(engine, [...korean, ...english], queueOptions({ concurrency: 2 }));
  expect(outcome.stopped).toBeNull();
  const requests = server.requests({ path: '/v2/translate' });
  expect(requests.map((request) => request.status).filter((status) => status !== 200)).toEqual([]);
  expect(requests.length).toBeGreaterThan(2);
  expect(requests.reduce((sum, request) => sum + request.texts.length, 0)).toBe(60);
  // the limit was close: one request of everything Korean would not have fitted
  expect(korean.reduce((bytes, j) => bytes + Buffer.byteLength(encodeURIComponent(j.text)), 0)).toBeGreaterThan(
    MAX_BODY_BYTES,
  );
});
