/**
 * The DeepL test server, exercised through deepl-node's real HTTP code (and raw fetch where deepl-node
 * cannot send what is being tested: JSON bodies, missing auth, a glossary without source_lang).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { DeepLClient, DeepLError, GlossaryEntries, GlossaryNotFoundError, AuthorizationError } from 'deepl-node';
import { startDeepLServer, DEFAULT_TEST_AUTH_KEY, type DeepLServer } from './deepl-server.js';
import { billedCharactersForTest, translateForTest } from './deepl-translate.js';
import { parseEntries } from './deepl-glossaries.js';
import { waitFor } from './wait-for.js';

function clientFor(server: DeepLServer, key = server.authKey): DeepLClient {
  return new DeepLClient(key, { serverUrl: server.url, maxRetries: 0, minTimeout: 20_000 });
}

async function post(
  server: DeepLServer,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', body, headers });
  return { status: response.status, json: await response.json() };
}

const auth = { Authorization: `DeepL-Auth-Key ${DEFAULT_TEST_AUTH_KEY}` };

describe('deterministic translation rules', () => {
  test('keeps XML tags and entities, translates known words, marks the others', () => {
    expect(
      translateForTest('The <g id="1">new</g> drama &amp; Kim<x id="2"/> stars.', {
        sourceLang: 'en',
        targetLang: 'it',
        xml: true,
      }),
    ).toBe('Il <g id="1">nuovo</g> dramma &amp; Kim-it<x id="2"/> stelle.');
  });

  test('without tag handling, words inside tags are translated too', () => {
    expect(translateForTest('<g id="1">new</g>', { sourceLang: 'en', targetLang: 'it', xml: false })).toBe(
      '<g-it id-it="1">nuovo</g-it>',
    );
  });

  test('glossary terms win, longest first, whole words and case-sensitive', () => {
    const glossary = new Map([
      ['Queen of Tears', 'La regina delle lacrime'],
      ['Queen', 'Regina'],
      ['Kim', 'KIM'],
    ]);
    const options = { sourceLang: 'en', targetLang: 'it', xml: true, glossary };
    expect(translateForTest('<g id="1">Queen of Tears</g> and Queen, not queen or Kimchi.', options)).toBe(
      '<g id="1">La regina delle lacrime</g> e Regina, non queen-it o Kimchi-it.',
    );
  });

  test('Korean glossary terms match with particles, which are dropped; other words by dictionary or marked', () => {
    const glossary = new Map([['김수현', 'Kim Soo-hyun']]);
    const options = { sourceLang: 'ko', targetLang: 'it', xml: true, glossary };
    expect(translateForTest('김수현은 드라마의 김수현대학교', options)).toBe('Kim Soo-hyun dramma 김수현대학교-it');
  });

  test('formality changes the Italian "you"; other targets only mark words', () => {
    expect(
      translateForTest('You and your fans', { sourceLang: 'en', targetLang: 'it', xml: true, formality: 'more' }),
    ).toBe('Lei e Suo fan');
    expect(translateForTest('You and your fans', { sourceLang: 'en', targetLang: 'it', xml: true })).toBe(
      'Tu e tuo fan',
    );
    expect(translateForTest('The drama', { sourceLang: 'en', targetLang: 'EN-US', xml: true })).toBe('The-en drama-en');
  });

  test('billed characters: code points without tags, entities as one character', () => {
    expect(billedCharactersForTest('<g id="1">Caf\u00e9</g> &amp; 😀<x id="2"/>', true)).toBe(8);
    expect(billedCharactersForTest('<g id="1">ab</g>', false)).toBe(16);
  });

  test('TSV and CSV entries parse; duplicates and missing tabs are rejected', () => {
    expect([...parseEntries('Queen\tRegina\r\n\nKim\tKim\n', 'tsv')]).toEqual([
      ['Queen', 'Regina'],
      ['Kim', 'Kim'],
    ]);
    expect([...parseEntries('"Tears, Queen of",Lacrime\n', 'csv')]).toEqual([['Tears, Queen of', 'Lacrime']]);
    expect(() => parseEntries('a\tb\na\tc', 'tsv')).toThrow("Duplicate source term 'a' on line 2");
    expect(() => parseEntries('ab', 'tsv')).toThrow('Invalid glossary entry on line 1');
  });
});

describe('DeepL test server through deepl-node', () => {
  let server: DeepLServer;
  beforeAll(async () => {
    server = await startDeepLServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.clearLog();
    server.clearFaults();
    server.configure({ latencyMs: 0, requestsPerSecond: null, rateLimitedRatio: 0, characterLimit: null });
  });

  test('translate: form body with repeated text, exact results, billed characters and usage', async () => {
    const before = server.usage.characterCount;
    const results = await clientFor(server).translateText(['The <g id="1">video</g>.', 'Two years'], 'en', 'it', {
      tagHandling: 'xml',
      context: 'ignored context',
    });
    expect(results.map((r) => [r.text, r.billedCharacters, r.detectedSourceLang])).toEqual([
      ['Il <g id="1">video</g>.', 10, 'en'],
      ['Due anni', 9, 'en'],
    ]);
    const [entry] = server.requests({ path: '/v2/translate' });
    expect(entry).toMatchObject({
      method: 'POST',
      bodyFormat: 'form',
      auth: 'ok',
      status: 200,
      billedCharacters: 19,
      texts: ['The <g id="1">video</g>.', 'Two years'],
    });
    expect(entry!.params.context).toEqual(['ignored context']);
    expect(server.usage.characterCount - before).toBe(19);
    const usage = await clientFor(server).getUsage();
    expect(usage.character?.count).toBe(server.usage.characterCount);
  });

  test('translate: JSON bodies are accepted too', async () => {
    const response = await post(
      server,
      '/v2/translate',
      JSON.stringify({ text: ['The drama'], target_lang: 'IT', source_lang: 'EN', show_billed_characters: true }),
      {
        ...auth,
        'Content-Type': 'application/json',
      },
    );
    expect(response).toEqual({
      status: 200,
      json: { translations: [{ detected_source_language: 'EN', text: 'Il dramma', billed_characters: 9 }] },
    });
    expect(server.log[0]!.bodyFormat).toBe('json');
    const created = await post(
      server,
      '/v3/glossaries',
      JSON.stringify({
        name: 'json',
        dictionaries: [{ source_lang: 'EN', target_lang: 'IT', entries: 'tvN\ttvN', entries_format: 'tsv' }],
      }),
      { ...auth, 'Content-Type': 'application/json' },
    );
    expect(created.status).toBe(201);
    expect((created.json as { dictionaries: unknown }).dictionaries).toEqual([
      { source_lang: 'en', target_lang: 'it', entry_count: 1 },
    ]);
    expect(server.log[1]!.params['dictionaries[0].entries']).toEqual(['tvN\ttvN']);
  });

  test('403 without a key or with a wrong key, as JSON {message}', async () => {
    const missing = await post(server, '/v2/translate', 'text=a&target_lang=it', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(missing).toEqual({
      status: 403,
      json: { message: 'Authorization failed: missing or wrong DeepL-Auth-Key' },
    });
    await expect(clientFor(server, 'wrong-key').getUsage()).rejects.toBeInstanceOf(AuthorizationError);
    expect(server.log.map((r) => [r.auth, r.status])).toEqual([
      ['missing', 403],
      ['wrong', 403],
    ]);
  });

  test('400 for bad translate requests: no target, unknown language, formality the target lacks, glossary without source_lang', async () => {
    const form = { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' };
    expect((await post(server, '/v2/translate', 'text=a', form)).status).toBe(400);
    expect((await post(server, '/v2/translate', 'text=a&target_lang=xx', form)).json).toEqual({
      message: "Value for 'target_lang' not supported: XX",
    });
    expect((await post(server, '/v2/translate', 'text=a&target_lang=ko&formality=more', form)).json).toEqual({
      message: "'formality' is not supported for given 'target_lang'.",
    });
    const glossary = server.glossaries.add('g', [{ sourceLang: 'en', targetLang: 'it', entries: { a: 'b' } }]);
    expect(
      (await post(server, '/v2/translate', `text=a&target_lang=it&glossary_id=${glossary.id}`, form)).json,
    ).toEqual({
      message: 'Use of a glossary requires the source_lang parameter to be set.',
    });
    expect(
      (await post(server, '/v2/translate', `text=a&source_lang=ko&target_lang=it&glossary_id=${glossary.id}`, form))
        .json,
    ).toEqual({
      message: 'Glossary has no dictionary for KO->IT',
    });
  });

  test('languages and glossary language pairs', async () => {
    const client = clientFor(server);
    const sources = await client.getSourceLanguages();
    expect(sources.find((l) => l.code === 'ko')).toEqual({ code: 'ko', name: 'Korean' });
    const targets = await client.getTargetLanguages();
    expect(targets.filter((l) => ['it', 'ko', 'en-US'].includes(l.code))).toEqual([
      { code: 'en-US', name: 'English (American)', supportsFormality: false },
      { code: 'it', name: 'Italian', supportsFormality: true },
      { code: 'ko', name: 'Korean', supportsFormality: false },
    ]);
    const pairs = await client.getGlossaryLanguagePairs();
    expect(pairs).toContainEqual({ sourceLang: 'ko', targetLang: 'it' });
    expect(pairs).toHaveLength(33 * 32);
  });

  test('v3 glossaries: create, get, list, entries, merge, replace, delete a dictionary, delete', async () => {
    const client = clientFor(server);
    const created = await client.createMultilingualGlossary('storyloc', [
      {
        sourceLangCode: 'en',
        targetLangCode: 'it',
        entries: new GlossaryEntries({ entries: { 'Queen of Tears': 'La regina delle lacrime', tvN: 'tvN' } }),
      },
      {
        sourceLangCode: 'ko',
        targetLangCode: 'it',
        entries: new GlossaryEntries({ entries: { 김수현: 'Kim Soo-hyun' } }),
      },
    ]);
    expect(created.name).toBe('storyloc');
    expect(created.glossaryId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.dictionaries).toEqual([
      { sourceLangCode: 'en', targetLangCode: 'it', entryCount: 2 },
      { sourceLangCode: 'ko', targetLangCode: 'it', entryCount: 1 },
    ]);
    expect((await client.getMultilingualGlossary(created.glossaryId)).dictionaries).toEqual(created.dictionaries);
    expect((await client.listMultilingualGlossaries()).map((g) => g.glossaryId)).toContain(created.glossaryId);

    const entries = await client.getMultilingualGlossaryDictionaryEntries(created.glossaryId, 'en', 'it');
    expect(entries.entries.entries()).toEqual({ 'Queen of Tears': 'La regina delle lacrime', tvN: 'tvN' });

    const merged = await client.updateMultilingualGlossaryDictionary(created.glossaryId, {
      sourceLangCode: 'en',
      targetLangCode: 'it',
      entries: new GlossaryEntries({ entries: { tvN: 'TVN', chaebol: 'chaebol' } }),
    });
    expect(merged.dictionaries[0]).toEqual({ sourceLangCode: 'en', targetLangCode: 'it', entryCount: 3 });
    expect((await client.getMultilingualGlossaryDictionaryEntries(created, 'en', 'it')).entries.entries()).toEqual({
      'Queen of Tears': 'La regina delle lacrime',
      tvN: 'TVN',
      chaebol: 'chaebol',
    });
    const renamed = await client.updateMultilingualGlossaryName(created.glossaryId, 'renamed');
    expect(renamed.name).toBe('renamed');

    const replaced = await client.replaceMultilingualGlossaryDictionary(created.glossaryId, {
      sourceLangCode: 'en',
      targetLangCode: 'it',
      entries: new GlossaryEntries({ entries: { Queen: 'Regina' } }),
    });
    expect(replaced).toEqual({ sourceLangCode: 'en', targetLangCode: 'it', entryCount: 1 });
    expect((await client.getMultilingualGlossaryDictionaryEntries(created, 'en', 'it')).entries.entries()).toEqual({
      Queen: 'Regina',
    });

    await client.deleteMultilingualGlossaryDictionary(created.glossaryId, 'ko', 'it');
    expect((await client.getMultilingualGlossary(created.glossaryId)).dictionaries).toEqual([
      { sourceLangCode: 'en', targetLangCode: 'it', entryCount: 1 },
    ]);
    await expect(client.getMultilingualGlossaryDictionaryEntries(created, 'ko', 'it')).rejects.toBeInstanceOf(
      GlossaryNotFoundError,
    );

    await client.deleteMultilingualGlossary(created.glossaryId);
    await expect(client.getMultilingualGlossary(created.glossaryId)).rejects.toBeInstanceOf(GlossaryNotFoundError);
    expect(
      server.requests().map((r) => `${r.method} ${r.path.replace(created.glossaryId, '{id}')} ${r.status}`),
    ).toEqual([
      'POST /v3/glossaries 201',
      'GET /v3/glossaries/{id} 200',
      'GET /v3/glossaries 200',
      'GET /v3/glossaries/{id}/entries 200',
      'PATCH /v3/glossaries/{id} 200',
      'GET /v3/glossaries/{id}/entries 200',
      'PATCH /v3/glossaries/{id} 200',
      'PUT /v3/glossaries/{id}/dictionaries 200',
      'GET /v3/glossaries/{id}/entries 200',
      'DELETE /v3/glossaries/{id}/dictionaries 204',
      'GET /v3/glossaries/{id} 200',
      'GET /v3/glossaries/{id}/entries 404',
      'DELETE /v3/glossaries/{id} 204',
      'GET /v3/glossaries/{id} 404',
    ]);
  });

  test('glossary ids: malformed → 400, unknown → 404; bad entries → 400', async () => {
    const client = clientFor(server);
    await expect(client.getMultilingualGlossary('not-a-uuid')).rejects.toThrow(
      "Bad request, message: Invalid glossary id 'not-a-uuid'",
    );
    await expect(client.getMultilingualGlossary('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      GlossaryNotFoundError,
    );
    await expect(client.createMultilingualGlossaryWithCsv('x', 'en', 'it', 'a,b\na,c')).rejects.toThrow(
      "Bad request, message: Duplicate source term 'a' on line 2",
    );
    await expect(client.createMultilingualGlossaryWithCsv('x', 'en', 'xx', 'a,b')).rejects.toThrow(
      'Unsupported glossary language pair en-xx',
    );
    expect(server.log.map((r) => r.status)).toEqual([400, 404, 400, 400]);
  });

  test('translate applies the glossary dictionary of the pair', async () => {
    const glossary = server.glossaries.add('seeded', [
      {
        sourceLang: 'en',
        targetLang: 'it',
        entries: { 'Queen of Tears': 'La regina delle lacrime', 'Kim Soo-hyun': 'Kim Soo-hyun' },
      },
    ]);
    const result = await clientFor(server).translateText('<g id="1">Queen of Tears</g> with Kim Soo-hyun', 'en', 'it', {
      tagHandling: 'xml',
      glossary: glossary.id,
    });
    expect(result.text).toBe('<g id="1">La regina delle lacrime</g> con Kim Soo-hyun');
    expect(server.log[0]!.params.glossary_id).toEqual([glossary.id]);
    await clientFor(server).updateMultilingualGlossaryDictionary(glossary.id, {
      sourceLangCode: 'en',
      targetLangCode: 'it',
      entries: new GlossaryEntries({ entries: { with: 'insieme a' } }),
    });
    const afterPatch = await clientFor(server).translateText('Queen of Tears with Kim Soo-hyun', 'en', 'it', {
      glossary: glossary.id,
    });
    expect(afterPatch.text).toBe('La regina delle lacrime insieme a Kim Soo-hyun');
  });
});

describe('DeepL test server faults and limits', () => {
  let server: DeepLServer;
  beforeEach(async () => {
    server = await startDeepLServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const translateOnce = (s: DeepLServer): Promise<unknown> => clientFor(s).translateText('a', 'en', 'it');
  const outcome = (promise: Promise<unknown>): Promise<string> =>
    promise.then(
      () => 'ok',
      (error: unknown) => (error instanceof DeepLError ? error.constructor.name : String(error)),
    );

  test('injected status faults are used first in, first out, for matching paths only', async () => {
    server.injectFault({ kind: 'status', status: 429, count: 2, retryAfterSeconds: 3, path: '/v2/translate' });
    server.injectFault({ kind: 'status', status: 503 });
    expect(await outcome(clientFor(server).getUsage())).toBe('DeepLError'); // the 503: the 429s only match /v2/translate
    const response = await fetch(`${server.url}/v2/translate`, {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ text: 'a', target_lang: 'it' }),
    });
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '3']);
    expect(await outcome(translateOnce(server))).toBe('TooManyRequestsError');
    expect(await outcome(translateOnce(server))).toBe('ok');
    expect(server.log.map((r) => [r.path, r.status, r.fault ?? null])).toEqual([
      ['/v2/usage', 503, 'injected'],
      ['/v2/translate', 429, 'injected'],
      ['/v2/translate', 429, 'injected'],
      ['/v2/translate', 200, null],
    ]);
  });

  test('a reset fault destroys the connection', async () => {
    server.injectFault({ kind: 'reset' });
    expect(await outcome(translateOnce(server))).toBe('ConnectionError');
    expect(server.log[0]).toMatchObject({ outcome: 'reset', status: null });
  });

  test('a hanging request never answers; close() ends it', async () => {
    server.injectFault({ kind: 'hang' });
    const pending = outcome(translateOnce(server));
    await waitFor(() => server.log[0]?.outcome === 'hang');
    expect(server.log[0]).toMatchObject({ outcome: 'hang', status: null });
    await server.close();
    expect(await pending).toBe('ConnectionError');
  });

  test('requests per second: a token bucket of `burst` tokens, 429 when empty', async () => {
    server.configure({ requestsPerSecond: 2, retryAfterSeconds: 1 });
    const results = await Promise.all([1, 2, 3].map(() => outcome(translateOnce(server))));
    expect(results.sort()).toEqual(['TooManyRequestsError', 'ok', 'ok']);
    expect(server.log.filter((r) => r.status === 429).map((r) => r.fault)).toEqual(['rate-limit']);
    await new Promise((resolve) => setTimeout(resolve, 550));
    expect(await outcome(translateOnce(server))).toBe('ok');
  });

  test('requests per second: Infinity is no limit, below 1/s one request still passes, bad values are rejected', async () => {
    server.configure({ requestsPerSecond: Number.POSITIVE_INFINITY });
    expect(await Promise.all(Array.from({ length: 12 }, () => outcome(translateOnce(server))))).toEqual(
      Array(12).fill('ok'),
    );
    server.configure({ requestsPerSecond: Number.POSITIVE_INFINITY, burst: 1 });
    expect(await Promise.all(Array.from({ length: 4 }, () => outcome(translateOnce(server))))).toEqual(
      Array(4).fill('ok'),
    );
    server.configure({ requestsPerSecond: 0.5, burst: null });
    expect(await Promise.all([1, 2].map(() => outcome(translateOnce(server))))).toEqual(['ok', 'TooManyRequestsError']);
    expect(() => server.configure({ requestsPerSecond: Number.NaN })).toThrow(
      'Expected `requestsPerSecond` to be a number > 0 (Infinity or null for no limit), got `NaN`',
    );
    expect(() => server.configure({ requestsPerSecond: 0 })).toThrow('got `0`');
    expect(() => server.configure({ burst: Number.POSITIVE_INFINITY })).toThrow(
      'Expected `burst` to be a finite number >= 1 or null, got `Infinity`',
    );
    await expect(startDeepLServer({ requestsPerSecond: -1 })).rejects.toThrow('got `-1`');
    expect(server.log.filter((r) => r.status === 429).map((r) => r.fault)).toEqual(['rate-limit']);
  });

  test('random 429s follow the seed', async () => {
    const statuses = async (s: DeepLServer): Promise<Array<number | null>> => {
      for (let i = 0; i < 20; i++) await outcome(translateOnce(s));
      return s.log.map((r) => r.status);
    };
    server.configure({ rateLimitedRatio: 0.5, seed: 7 });
    const first = await statuses(server);
    const other = await startDeepLServer({ rateLimitedRatio: 0.5, seed: 7 });
    try {
      expect(await statuses(other)).toEqual(first);
    } finally {
      await other.close();
    }
    const limited = first.filter((status) => status === 429).length;
    expect(limited).toBeGreaterThan(4);
    expect(limited).toBeLessThan(16);
  });

  test('character limit: 456 once a request would pass it, nothing counted', async () => {
    server.configure({ characterLimit: 10 });
    const client = clientFor(server);
    await client.translateText('123456', 'en', 'it');
    expect(await outcome(client.translateText('12345', 'en', 'it'))).toBe('QuotaExceededError');
    await client.translateText('1234', 'en', 'it');
    expect(server.usage).toEqual({ characterCount: 10, characterLimit: 10 });
    expect(server.log.map((r) => r.status)).toEqual([200, 456, 200]);
  });

  test('latency delays every answer', async () => {
    server.configure({ latencyMs: 120 });
    const started = performance.now();
    await translateOnce(server);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(server.log[0]!.durationMs).toBeGreaterThanOrEqual(115);
  });

  test('a proxy CONNECT is logged with the target host and refused', async () => {
    const client = new DeepLClient('some-key:fx', {
      maxRetries: 0,
      proxy: { protocol: 'http', host: 'localhost', port: server.port },
    });
    expect(await outcome(client.getUsage())).toBe('ConnectionError');
    expect(server.log.map((r) => [r.method, r.path, r.outcome])).toEqual([
      ['CONNECT', 'api-free.deepl.com:443', 'reset'],
    ]);
  });
});
