/**
 * The DeepL test server answers as DeepL does (issue 15), each behaviour seen through deepl-node, the real
 * client: 413 over 128 KiB, tag handling v1/v2 (strict XML, version echoed), tag movement, ignore_tags and
 * translate="no", split_sentences / model_type / formality validation, glossary case, v2 glossaries, and
 * a glossary lacking the request's pair.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { DeepLClient, DeepLError, GlossaryEntries, GlossaryNotFoundError, type TranslateTextOptions } from 'deepl-node';
import { formFields, startDeepLServer, type DeepLServer } from './deepl-server.js';
import { createRandom } from './random.js';
import { ALL_TAG_MOVEMENTS, isWellFormedXml, moveTags, TAG_PARSING_FAILED } from './deepl-markup.js';

function clientFor(server: DeepLServer): DeepLClient {
  return new DeepLClient(server.authKey, { serverUrl: server.url, maxRetries: 0, minTimeout: 5000 });
}

/** The `translations` the server sent for the latest translate request (deepl-node drops some fields). */
function lastAnswer(server: DeepLServer): Array<Record<string, unknown>> {
  const entry = server.requests({ path: '/v2/translate' }).at(-1)!;
  return (entry.answer as { translations: Array<Record<string, unknown>> }).translations;
}

const xmlV2: TranslateTextOptions = { tagHandling: 'xml', tagHandlingVersion: 'v2' };

describe('DeepL test server behaves like DeepL (through deepl-node)', () => {
  let server: DeepLServer;
  let client: DeepLClient;
  beforeAll(async () => {
    server = await startDeepLServer();
    client = clientFor(server);
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.clearLog();
    server.configure({ tagMovement: null, defaultTagHandlingVersion: 'v2', maxBodyBytes: 128 * 1024 });
  });

  test('a request body over 128 KiB gets 413; one just under passes', async () => {
    const big = 'a'.repeat(128 * 1024);
    await expect(client.translateText(big, 'en', 'it')).rejects.toThrow(
      /^Unexpected status code: 413 Payload Too Large/,
    );
    const fits = 'a'.repeat(128 * 1024 - 200);
    const result = await client.translateText(fits, 'en', 'it');
    expect(result.text).toBe(`${fits}-it`);
    expect(server.log.map((entry) => [entry.status, entry.texts.length])).toEqual([
      [413, 1],
      [200, 1],
    ]);
  });

  test('tag handling v2 parses XML strictly: 400 "Tag handling parsing failed"; v1 takes it', async () => {
    for (const bad of [
      'The <g id="1">drama',
      'The </g> drama',
      'A <b>crossed <i>tag</b></i>',
      'Tom & Jerry',
      'A&nbsp;b',
      'a < b',
      '<g id=1>x</g>',
    ]) {
      await expect(client.translateText(bad, 'en', 'it', xmlV2)).rejects.toThrow(
        `Bad request, message: ${TAG_PARSING_FAILED}`,
      );
    }
    const lenient = await client.translateText('The <g id="1">drama', 'en', 'it', {
      tagHandling: 'xml',
      tagHandlingVersion: 'v1',
    });
    expect(lenient.text).toBe('Il <g id="1">dramma');
    const strict = await client.translateText('The <g id="1">drama</g> &amp; <x id="2"/>&#233;', 'en', 'it', xmlV2);
    expect(strict.text).toBe('Il <g id="1">dramma</g> &amp; <x id="2"/>&#233;');
    // HTML is not strictly parsed, even with v2
    expect(
      (await client.translateText('<p>The drama', 'en', 'it', { tagHandling: 'html', tagHandlingVersion: 'v2' })).text,
    ).toBe('<p>Il dramma');
  });

  test('the version is echoed in each translation; the account default applies when none is sent', async () => {
    await client.translateText(['The drama', 'The video'], 'en', 'it', xmlV2);
    expect(lastAnswer(server).map((t) => t.tag_handling_version)).toEqual(['v2', 'v2']);
    await client.translateText('The drama', 'en', 'it', { tagHandling: 'xml', tagHandlingVersion: 'v1' });
    expect(lastAnswer(server)[0]!.tag_handling_version).toBe('v1');
    await expect(client.translateText('The <g id="1">drama', 'en', 'it', { tagHandling: 'xml' })).rejects.toThrow(
      TAG_PARSING_FAILED,
    );
    server.configure({ defaultTagHandlingVersion: 'v1' });
    expect((await client.translateText('The <g id="1">drama', 'en', 'it', { tagHandling: 'xml' })).text).toBe(
      'Il <g id="1">dramma',
    );
    expect(lastAnswer(server)[0]!.tag_handling_version).toBe('v1');
    await client.translateText('The drama', 'en', 'it');
    expect(lastAnswer(server)[0]).not.toHaveProperty('tag_handling_version');
    await expect(
      client.translateText('x', 'en', 'it', {
        tagHandling: 'xml',
        extraRequestParameters: { tag_handling_version: 'v3' },
      }),
    ).rejects.toThrow("Bad request, message: Value for 'tag_handling_version' not supported: v3");
  });

  test('tag movement: punctuation wrapped into a tag, as in DeepL\'s own „Weiter", example', async () => {
    server.configure({ tagMovement: { seed: 1, kinds: ['wrap-punctuation'] } });
    const [wrapped, quoted] = await client.translateText(
      ['The <g id="1">video</g>, two.', '"<g id="1">Continue</g>", now.'],
      'en',
      'it',
      xmlV2,
    );
    expect(wrapped!.text).toBe('Il <g id="1">video,</g> due.');
    expect(quoted!.text).toBe('<g id="1">"Continue-it",</g> now-it.');
  });

  test('tag movement: an element moves to a neighbouring word; elements re-nest, still balanced; placeholders shift', async () => {
    const source = 'The <g id="1">new</g> drama with Kim<x id="2"/> stars.';
    server.configure({ tagMovement: { seed: 1, kinds: ['move'] } });
    expect((await client.translateText(source, 'en', 'it', xmlV2)).text).toBe(
      'Il nuovo <g id="1">dramma</g> con Kim-it<x id="2"/> stelle.',
    );
    server.configure({ tagMovement: { seed: 1, kinds: ['shift-placeholder'] } });
    expect((await client.translateText(source, 'en', 'it', xmlV2)).text).toBe(
      'Il <g id="1">nuovo</g> dramma con Kim-it stelle<x id="2"/>.',
    );
    server.configure({ tagMovement: { seed: 1, kinds: ['renest'] } });
    expect(
      (await client.translateText('The <g id="1">new</g> <g id="2">drama</g> and the stars.', 'en', 'it', xmlV2)).text,
    ).toBe('Il <g id="1">nuovo <g id="2">dramma</g></g> e il stelle.');
  });

  test('tag movement is seeded and keeps every tag, balanced, whatever it moves', async () => {
    const sources = [
      'The <g id="1">new</g> drama with Kim<x id="2"/> stars.',
      '"<g id="1">Queen</g>", the <g id="2">drama</g>, <g id="3">was <g id="4">new</g></g>.',
      'A <g id="1">clip</g> <g id="2">of</g> the <x id="3"/> video<x id="4"/>!',
    ];
    server.configure({ tagMovement: { seed: 7, kinds: ALL_TAG_MOVEMENTS } });
    const first = (await client.translateText(sources, 'en', 'it', xmlV2)).map((r) => r.text);
    const again = (await client.translateText([...sources].reverse(), 'en', 'it', xmlV2)).map((r) => r.text).reverse();
    expect(again).toEqual(first);
    server.configure({ tagMovement: null });
    const still = (await client.translateText(sources, 'en', 'it', xmlV2)).map((r) => r.text);
    const tagsOf = (text: string): string[] => [...text.matchAll(/<[^>]+>/g)].map((m) => m[0]).sort();
    first.forEach((moved, i) => {
      expect(isWellFormedXml(moved)).toBe(true);
      expect(tagsOf(moved)).toEqual(tagsOf(still[i]!));
      expect(moved.replace(/<[^>]+>/g, '')).toBe(still[i]!.replace(/<[^>]+>/g, ''));
    });
    expect(first.filter((moved, i) => moved !== still[i])).toHaveLength(3);
  });

  test('ignore_tags and translate="no" content comes back untouched (and its tags do not move)', async () => {
    server.configure({ tagMovement: { seed: 1, kinds: ALL_TAG_MOVEMENTS } });
    const ignored = await client.translateText(
      'Please open the page <x>Settings</x> to configure your system.',
      'en',
      'it',
      { ...xmlV2, ignoreTags: ['x'] },
    );
    expect(ignored.text).toBe('Please-it open-it il page-it <x>Settings</x> a configure-it tuo system-it.');
    expect(server.log.at(-1)!.params.ignore_tags).toEqual(['x']);
    const kept = await client.translateText(
      'The <g translate="no">new drama</g> is <g id="2">new</g>.',
      'en',
      'it',
      xmlV2,
    );
    expect(kept.text).toBe('Il <g translate="no">new drama</g> è <g id="2">nuovo</g>.');
  });

  test('split_sentences takes 0, 1 and nonewlines; anything else is 400', async () => {
    for (const value of ['off', 'on', 'nonewlines'] as const) {
      expect((await client.translateText('The drama.', 'en', 'it', { splitSentences: value })).text).toBe('Il dramma.');
    }
    expect(server.log.map((entry) => entry.params.split_sentences)).toEqual([['0'], ['1'], ['nonewlines']]);
    await expect(client.translateText('The drama.', 'en', 'it', { splitSentences: 'always' as 'on' })).rejects.toThrow(
      "Bad request, message: Value for 'split_sentences' not supported: always",
    );
  });

  test('model_type is validated and model_type_used returned when it was sent', async () => {
    const used = [];
    for (const modelType of ['quality_optimized', 'prefer_quality_optimized', 'latency_optimized'] as const) {
      used.push((await client.translateText('The drama', 'en', 'it', { modelType })).modelTypeUsed);
    }
    expect(used).toEqual(['quality_optimized', 'quality_optimized', 'latency_optimized']);
    expect((await client.translateText('The drama', 'en', 'it')).modelTypeUsed).toBeUndefined();
    await expect(
      client.translateText('The drama', 'en', 'it', { modelType: 'fast' as 'latency_optimized' }),
    ).rejects.toThrow("Bad request, message: Value for 'model_type' not supported: fast");
  });

  test('formality more/less on a target without formality is 400; prefer_* is accepted', async () => {
    await expect(client.translateText('The drama', 'en', 'ko', { formality: 'more' })).rejects.toThrow(
      "Bad request, message: 'formality' is not supported for given 'target_lang'.",
    );
    expect((await client.translateText('The drama', 'en', 'ko', { formality: 'prefer_more' })).text).toBe(
      'The-ko drama-ko',
    );
    expect((await client.translateText('You', 'en', 'it', { formality: 'more' })).text).toBe('Lei');
  });

  test('glossary terms take the case the sentence needs: capitalised at a sentence start, as written elsewhere', async () => {
    const glossary = await client.createMultilingualGlossary('case', [
      {
        sourceLangCode: 'en',
        targetLangCode: 'it',
        entries: new GlossaryEntries({
          entries: { chaebol: 'chaebol', 'Queen of Tears': 'La regina delle lacrime', tvN: 'tvN' },
        }),
      },
    ]);
    const results = await client.translateText(
      [
        'chaebol and Queen of Tears.',
        'The chaebol. chaebol is "chaebol"',
        'tvN and tvN.',
        '"chaebol" and <g id="1">chaebol</g>',
      ],
      'en',
      'it',
      { ...xmlV2, glossary },
    );
    expect(results.map((r) => r.text)).toEqual([
      'Chaebol e La regina delle lacrime.',
      'Il chaebol. Chaebol è "chaebol"',
      'tvN e tvN.',
      '"Chaebol" e <g id="1">chaebol</g>',
    ]);
  });

  test("a glossary that lacks the request's language pair gets 400 (DeepL does not ignore it)", async () => {
    const glossary = await client.createMultilingualGlossary('en only', [
      { sourceLangCode: 'en', targetLangCode: 'it', entries: new GlossaryEntries({ entries: { tvN: 'tvN' } }) },
    ]);
    await expect(client.translateText('드라마', 'ko', 'it', { glossary })).rejects.toThrow(
      'Bad request, message: Glossary has no dictionary for KO->IT',
    );
    expect(server.log.at(-1)!.status).toBe(400);
  });

  test('v2 single-pair glossaries: create, list, get, entries, translate, delete; v3 lists them too', async () => {
    const v3 = await client.createMultilingualGlossary('multi', [
      { sourceLangCode: 'en', targetLangCode: 'it', entries: new GlossaryEntries({ entries: { a: 'b' } }) },
      { sourceLangCode: 'ko', targetLangCode: 'it', entries: new GlossaryEntries({ entries: { 가: 'b' } }) },
    ]);
    const created = await client.createGlossary(
      'v2 names',
      'en',
      'it',
      new GlossaryEntries({ entries: { 'Queen of Tears': 'La regina delle lacrime', tvN: 'tvN' } }),
    );
    expect(created).toMatchObject({ name: 'v2 names', ready: true, sourceLang: 'en', targetLang: 'it', entryCount: 2 });
    expect(created.creationTime).toBeInstanceOf(Date);
    const listed = await client.listGlossaries();
    expect(listed.map((g) => g.glossaryId)).toContain(created.glossaryId);
    expect(listed.map((g) => g.glossaryId)).not.toContain(v3.glossaryId);
    expect(await client.getGlossary(created.glossaryId)).toEqual(created);
    expect((await client.getGlossaryEntries(created)).entries()).toEqual({
      'Queen of Tears': 'La regina delle lacrime',
      tvN: 'tvN',
    });
    expect(
      (await client.listMultilingualGlossaries()).find((g) => g.glossaryId === created.glossaryId)?.dictionaries,
    ).toEqual([{ sourceLangCode: 'en', targetLangCode: 'it', entryCount: 2 }]);
    expect((await client.translateText('Queen of Tears on tvN', 'en', 'it', { glossary: created })).text).toBe(
      'La regina delle lacrime su tvN',
    );
    await expect(client.getGlossary(v3.glossaryId)).rejects.toThrow('use the v3 endpoints');
    await client.deleteGlossary(created);
    await expect(client.getGlossary(created.glossaryId)).rejects.toBeInstanceOf(GlossaryNotFoundError);
    await expect(
      client.createGlossary('bad', 'en', 'xx' as 'it', new GlossaryEntries({ entries: { a: 'b' } })),
    ).rejects.toBeInstanceOf(DeepLError);
  });
});

describe('tag movement (unit)', () => {
  test("DeepL's example shape: quotes and comma pulled into the element", () => {
    expect(moveTags('„<b>Weiter</b>", um fortzufahren.', { seed: 1, kinds: ['wrap-punctuation'] })).toBe(
      '<b>„Weiter",</b> um fortzufahren.',
    );
  });

  test('strict XML: what v2 accepts', () => {
    expect(
      ['a <g id="1">b</g> <x id="2"/> &amp; &#x41; &quot;', '<g id=\'1\' translate="no">x</g>', 'a > b'].map(
        isWellFormedXml,
      ),
    ).toEqual([true, true, true]);
    expect(['<g id="1" id="2">x</g>', '<1>x</1>', '<g>x</G>'].map(isWellFormedXml)).toEqual([false, false, false]);
  });
});

describe('form bodies (unit)', () => {
  /** Pieces a body is made of: encoded and raw text, separators, and what a decoder may refuse. */
  const PIECES = [
    'text',
    'source_lang',
    '=',
    '&',
    '&&',
    '+',
    '%20',
    '%2B',
    '%26',
    '%3D',
    '%3C',
    '%C3%A8',
    '%E2%80%9C',
    '%F0%9F%98%80',
    'è',
    '한국',
    '😀',
    '%',
    '%G1',
    '%C3',
    '%ED%A0%80',
    '%FF',
    '%e2%80%99',
    'a=b=c',
    '%0A',
    '%00',
  ];

  test('formFields reads every body as URLSearchParams does (20,000 random bodies, valid and not)', () => {
    const random = createRandom(7);
    for (let round = 0; round < 20_000; round++) {
      let body = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) body += PIECES[Math.floor(random() * PIECES.length)];
      expect([body, formFields(body)]).toEqual([body, [...new URLSearchParams(body)]]);
    }
  });

  test('the body deepl-node sends for a batch reads back as its fields', () => {
    const sent = new URLSearchParams({ source_lang: 'en', target_lang: 'it' });
    const texts = ['The <g id="1">minister</g> said &amp; left.', '“Queen of Tears” — 눈물의 여왕 😀 a+b=c 100%'];
    for (const text of texts) sent.append('text', text);
    expect(formFields(sent.toString())).toEqual([
      ['source_lang', 'en'],
      ['target_lang', 'it'],
      ['text', texts[0]],
      ['text', texts[1]],
    ]);
  });
});
