/**
 * The DeepL engine through deepl-node's real HTTP code, against the DeepL test server on localhost.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { inspect } from 'node:util';
import {
  countBilledCharacters,
  createDeepLEngine,
  deeplTargetLanguage,
  type DeepLEngineOptions,
} from '../../src/engines/deepl.js';
import { redactSecrets } from '../../src/engines/redact.js';
import { EngineError, type TranslateBatchRequest } from '../../src/engines/types.js';
import { StorylocError } from '../../src/errors.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';

const SECRET_KEY = 'f63c02c5-f056-4a36-9dd0-0f8b6a3c1d2e:fx';

let server: DeepLServer;

function engineFor(overrides: Partial<DeepLEngineOptions> = {}) {
  return createDeepLEngine({
    authKey: SECRET_KEY,
    serverUrl: server.url,
    formality: 'default',
    sendContext: true,
    timeoutMs: 20_000,
    ...overrides,
  });
}

function enIt(texts: string[], extra: Partial<TranslateBatchRequest> = {}): TranslateBatchRequest {
  return { texts, sourceLang: 'en', targetLang: 'it', ...extra };
}

/** Runs the call, expects an EngineError, and returns it. */
async function engineError(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

/** Everything a careless logger could print about an error, cause chain included. */
function everythingPrintable(error: Error): string {
  const parts = [error.message, String(error), error.stack ?? '', inspect(error, { depth: null, showHidden: true })];
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    parts.push(cause.message, String(cause), cause.stack ?? '', inspect(cause, { depth: null, showHidden: true }));
    cause = cause.cause;
  }
  return parts.join('\n');
}

beforeAll(async () => {
  server = await startDeepLServer({ authKeys: [SECRET_KEY] });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.clearLog();
  server.clearFaults();
  server.configure({ latencyMs: 0, characterLimit: null, echoAuthKeyInErrors: false });
});

describe('translateBatch', () => {
  test('sends one request with tags, source language, context, and returns exact texts and billed characters', async () => {
    const engine = engineFor();
    const result = await engine.translateBatch(
      enIt(['The <g id="1">new</g> drama.', 'Kim Soo-hyun<x id="2"/> &amp; the fans'], {
        context: 'The new drama. Kim Soo-hyun & the fans',
      }),
    );
    expect(result).toEqual({
      texts: ['Il <g id="1">nuovo</g> dramma.', 'Kim-it Soo-hyun-it<x id="2"/> &amp; il fan'],
      billedCharacters: 14 + 23,
    });
    expect(server.log).toHaveLength(1);
    expect(server.log[0]!.params).toEqual({
      target_lang: ['it'],
      source_lang: ['en'],
      show_billed_characters: ['1'],
      text: ['The <g id="1">new</g> drama.', 'Kim Soo-hyun<x id="2"/> &amp; the fans'],
      split_sentences: ['nonewlines'],
      preserve_formatting: ['1'],
      tag_handling: ['xml'],
      tag_handling_version: ['v2'],
      context: ['The new drama. Kim Soo-hyun & the fans'],
      non_splitting_tags: ['g,x'],
    });
  });

  test('formality reaches Italian; context stays home when disabled', async () => {
    const engine = engineFor({ formality: 'more', sendContext: false });
    const result = await engine.translateBatch(enIt(['You and your fans'], { context: 'You and your fans' }));
    expect(result.texts).toEqual(['Lei e Suo fan']);
    expect(server.log[0]!.params.formality).toEqual(['more']);
    expect(server.log[0]!.params.context).toBeUndefined();
  });

  test('formality is left out for targets without it, and English targets get a regional variant', async () => {
    const engine = engineFor({ formality: 'less' });
    const result = await engine.translateBatch({ texts: ['드라마'], sourceLang: 'ko', targetLang: 'en' });
    expect(result.texts).toEqual(['드라마-en']);
    expect(server.log[0]!.params.target_lang).toEqual(['en-US']);
    expect(server.log[0]!.params.formality).toBeUndefined();
    expect([
      deeplTargetLanguage('it'),
      deeplTargetLanguage('pt'),
      deeplTargetLanguage('zh'),
      deeplTargetLanguage('ko'),
    ]).toEqual(['it', 'pt-PT', 'zh-HANS', 'ko']);
  });

  test('the glossary of the pair is sent with source_lang and applied by the server', async () => {
    const glossary = server.glossaries.add('storyloc', [
      { sourceLang: 'en', targetLang: 'it', entries: { 'Queen of Tears': 'La regina delle lacrime' } },
      {
        sourceLang: 'ko',
        targetLang: 'it',
        entries: { '눈물의 여왕': 'La regina delle lacrime', 김수현: 'Kim Soo-hyun' },
      },
    ]);
    const engine = engineFor({ glossaryIds: { 'en-it': glossary.id, 'ko-it': glossary.id } });
    expect(engine.enforcesGlossary('en', 'it')).toBe(true);
    expect(engine.enforcesGlossary('en', 'ko')).toBe(false);
    const english = await engine.translateBatch(enIt(['<g id="1">Queen of Tears</g> is new']));
    const korean = await engine.translateBatch({
      texts: ['‘눈물의 여왕’의 김수현은'],
      sourceLang: 'ko',
      targetLang: 'it',
    });
    expect([english.texts, korean.texts]).toEqual([
      ['<g id="1">La regina delle lacrime</g> è nuovo'],
      ['‘La regina delle lacrime’의-it Kim Soo-hyun'],
    ]);
    expect(server.log.map((r) => [r.params.source_lang, r.params.glossary_id])).toEqual([
      [['en'], [glossary.id]],
      [['ko'], [glossary.id]],
    ]);
  });

  test('a glossary id on the request wins over the configured one', async () => {
    const configured = server.glossaries.add('a', [{ sourceLang: 'en', targetLang: 'it', entries: { drama: 'A' } }]);
    const requested = server.glossaries.add('b', [{ sourceLang: 'en', targetLang: 'it', entries: { drama: 'B' } }]);
    const engine = engineFor({ glossaryIds: { 'en-it': configured.id } });
    expect((await engine.translateBatch(enIt(['drama'], { glossaryId: requested.id }))).texts).toEqual(['B']);
  });

  test('empty texts are never sent and come back empty; an all-empty batch makes no request', async () => {
    const engine = engineFor();
    expect(await engine.translateBatch(enIt(['', 'the video', ' ']))).toEqual({
      texts: ['', 'il video', ' '],
      billedCharacters: 9,
    });
    expect(server.log[0]!.texts).toEqual(['the video']);
    expect(await engine.translateBatch(enIt(['']))).toEqual({ texts: [''], billedCharacters: 0 });
    expect(server.log).toHaveLength(1);
  });

  test('billed characters counted locally match the server', () => {
    expect(countBilledCharacters('<g id="1">Caf\u00e9</g> &amp; 😀<x id="2"/>')).toBe(8);
    expect(countBilledCharacters('김수현은 <g id="1">배우</g>')).toBe(7);
  });
});

describe('failures map to EngineError kinds, with one request each (deepl-node does not retry)', () => {
  test.each([
    [429, 'rate-limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [456, 'quota'],
    [400, 'fatal'],
  ] as const)('HTTP %i → %s', async (status, kind) => {
    server.injectFault({ kind: 'status', status, count: 5, retryAfterSeconds: 1 });
    const error = await engineError(engineFor().translateBatch(enIt(['the video'])));
    expect([error.kind, error.status, error.retryAfterMs]).toEqual([kind, status, undefined]);
    expect(server.log).toHaveLength(1);
  });

  test('the character limit turns into quota', async () => {
    server.configure({ characterLimit: server.usage.characterCount + 5 });
    const error = await engineError(engineFor().translateBatch(enIt(['the video'])));
    expect([error.kind, error.status, error.shouldRetry]).toEqual(['quota', 456, false]);
  });

  test('a reset connection → network, retryable', async () => {
    server.injectFault({ kind: 'reset', count: 5 });
    const error = await engineError(engineFor().translateBatch(enIt(['the video'])));
    expect([error.kind, error.shouldRetry]).toEqual(['network', true]);
    expect(server.log).toHaveLength(1);
  });

  test('a hanging server → network timeout within timeoutMs', async () => {
    server.injectFault({ kind: 'hang' });
    // no clock here: without the timeout the request would hang until jest's own limit fails the test
    const error = await engineError(engineFor({ timeoutMs: 300 }).translateBatch(enIt(['the video'])));
    expect([error.kind, error.message]).toEqual(['network', 'DeepL did not answer within 300 ms.']);
    expect(server.log.map((request) => request.outcome)).toEqual(['hang']);
  });

  test('aborting rejects with the signal reason, not an EngineError', async () => {
    server.configure({ latencyMs: 500 });
    const controller = new AbortController();
    const pending = engineFor().translateBatch(enIt(['the video'], { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pending).rejects.toThrow('stop');
  });

  test('server unreachable → network', async () => {
    const closed = await startDeepLServer();
    const url = closed.url;
    await closed.close();
    const error = await engineError(engineFor({ serverUrl: url }).translateBatch(enIt(['the video'])));
    expect(error.kind).toBe('network');
  });
});

describe('the auth key never leaks', () => {
  test('403 with a wrong key → auth; the key is nowhere in message, string, stack or causes', async () => {
    server.configure({ echoAuthKeyInErrors: true });
    const wrongKey = 'a9d1e3f0-7777-4c4c-9999-123456789abc:fx';
    const error = await engineError(
      engineFor({ authKey: wrongKey, authKeyEnv: 'MY_DEEPL_KEY' }).translateBatch(enIt(['the video'])),
    );
    expect([error.kind, error.status, error.shouldRetry]).toEqual(['auth', 403, false]);
    expect(server.log[0]!.auth).toBe('wrong');
    // the server echoed the key (echoAuthKeyInErrors): the redaction is what keeps it out
    expect(error.message).toBe(
      'DeepL refused the authentication key (403): check MY_DEEPL_KEY. Authorization failure, check auth_key, message: Authorization failed: key [redacted] is not valid',
    );
    const printable = everythingPrintable(error);
    expect(printable).not.toContain(wrongKey);
    expect(printable).not.toContain(wrongKey.slice(0, -3));
    expect(printable).toContain('[redacted]');
  });

  test('network errors expose no library object that holds the Authorization header', async () => {
    server.injectFault({ kind: 'reset' });
    const error = await engineError(engineFor().translateBatch(enIt(['the video'])));
    const printable = everythingPrintable(error);
    expect(printable).not.toContain(SECRET_KEY);
    expect(printable).not.toContain(SECRET_KEY.slice(0, -3));
    expect((error.cause as { code?: string }).code).toBe('ECONNRESET');
    // deepl-node's ConnectionError keeps the axios error (config.headers.Authorization) in `.error`
    expect('error' in (error.cause as object)).toBe(false);
  });

  test('redactSecrets covers the plain, URL-encoded and bare Free forms', () => {
    expect(redactSecrets('a abc:fx b abc%3Afx c abc d', ['abc:fx'])).toBe('a [redacted] b [redacted] c [redacted] d');
  });

  test('a missing key is an input error naming the variable', () => {
    let caught: unknown;
    try {
      engineFor({ authKey: '', authKeyEnv: 'DEEPL_AUTH_KEY' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StorylocError);
    expect([
      (caught as StorylocError).code,
      (caught as StorylocError).params,
      (caught as StorylocError).exitCode,
    ]).toEqual(['engine.deepl.missingKey', { env: 'DEEPL_AUTH_KEY' }, 2]);
  });
});

describe('endpoint selection without serverUrl (seen through a proxy on localhost)', () => {
  test.each([
    ['0c4a1f7e-1111-4222-8333-944455556666:fx', 'api-free.deepl.com:443'],
    ['0c4a1f7e-1111-4222-8333-944455556666', 'api.deepl.com:443'],
  ])('key %s goes to %s', async (authKey, host) => {
    const engine = engineFor({
      authKey,
      serverUrl: null,
      proxy: { protocol: 'http', host: 'localhost', port: server.port },
    });
    const error = await engineError(engine.translateBatch(enIt(['the video'])));
    expect(error.kind).toBe('network');
    expect(server.log.map((r) => [r.method, r.path])).toEqual([['CONNECT', host]]);
    expect(everythingPrintable(error)).not.toContain(authKey);
  });
});
