/**
 * storyloc sends `tag_handling_version=v2` and only well-formed XML: every segment of the example
 * workspace and of the bench corpus goes through `storyloc translate --engine deepl` against the DeepL
 * test server whose account default is v1 (so only what storyloc sends counts) and which parses v2
 * strictly. No request may get 400; each one names v2; each answer echoes v2.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '../../bench/corpus.js';
import { createDeepLEngine } from '../../src/engines/deepl.js';
import { isPlainXmlText, isWellFormedXml, isWellFormedXmlReadingTags } from '../../src/segments/xml.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { runCli } from '../support/run-cli.js';
import { copyExampleWorkspace, type TempWorkspace } from '../e2e/workspace.js';

const KEY = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e:fx';

let server: DeepLServer;
let ws: TempWorkspace;

beforeAll(async () => {
  server = await startDeepLServer({ authKeys: [KEY], defaultTagHandlingVersion: 'v1' });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  ws = copyExampleWorkspace();
  // nothing translated yet: every segment is sent
  rmSync(path.join(ws.dir, 'output'), { recursive: true, force: true });
  const config = path.join(ws.dir, 'storyloc.config.yaml');
  writeFileSync(
    config,
    ws
      .read('storyloc.config.yaml')
      .replace(
        '    sendContext: true\n',
        `    sendContext: true\n    serverUrl: ${server.url}\n    timeoutMs: 20000\n`,
      ),
  );
  server.clearLog();
});
afterEach(() => ws.remove());

/** Every translate request storyloc made: its status, version sent, versions echoed, and the texts. */
function translateRequests(): Array<{
  status: number | null;
  sent: string[] | undefined;
  echoed: unknown[];
  texts: string[];
}> {
  return server.requests({ path: '/v2/translate' }).map((entry) => ({
    status: entry.status,
    sent: entry.params.tag_handling_version,
    echoed: ((entry.answer as { translations?: Array<{ tag_handling_version?: string }> }).translations ?? []).map(
      (t) => t.tag_handling_version,
    ),
    texts: entry.texts,
  }));
}

async function translateAll(): Promise<number> {
  const result = await runCli(['translate', '--workspace', ws.dir, '--engine', 'deepl'], {
    env: { LANG: 'C', DEEPL_AUTH_KEY: KEY },
  });
  if (result.code !== 0) throw new Error(`translate exited ${result.code}: ${result.stderr}`);
  return result.code;
}

describe('storyloc sends tag handling v2 and well-formed XML only', () => {
  test('the example workspace: every segment sent with v2, no 400, v2 echoed', async () => {
    expect(await translateAll()).toBe(0);
    const requests = translateRequests();
    expect(requests.length).toBeGreaterThan(0);
    const texts = requests.flatMap((r) => r.texts);
    expect(texts.length).toBeGreaterThan(40);
    expect(requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(requests.every((r) => r.sent?.join() === 'v2' && r.echoed.every((v) => v === 'v2'))).toBe(true);
    expect(texts.filter((text) => !isWellFormedXml(text))).toEqual([]);
  });

  test('the bench corpus (40 generated articles, English and Korean): no 400, all v2', async () => {
    rmSync(path.join(ws.dir, 'articles'), { recursive: true, force: true });
    for (const article of generateCorpus(40, 7)) {
      const file = path.join(ws.dir, 'articles', article.relativePath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, article.text);
    }
    expect(await translateAll()).toBe(0);
    const requests = translateRequests();
    const texts = requests.flatMap((r) => r.texts);
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.some((text) => text.includes('<g id='))).toBe(true);
    expect(requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(requests.every((r) => r.sent?.join() === 'v2')).toBe(true);
  });
});

describe('a text that is not well-formed XML cannot cost its batch', () => {
  test('it goes alone with v1; the others with v2; results come back in order', async () => {
    const engine = createDeepLEngine({
      authKey: KEY,
      serverUrl: server.url,
      formality: 'default',
      sendContext: false,
      timeoutMs: 20_000,
    });
    const result = await engine.translateBatch({
      texts: ['The <g id="1">drama</g>', 'Tom & <b>Jerry', 'The video'],
      sourceLang: 'en',
      targetLang: 'it',
    });
    expect(result.texts).toEqual(['Il <g id="1">dramma</g>', 'Tom-it & <b>Jerry-it', 'Il video']);
    expect(translateRequests().map((r) => [r.sent, r.texts, r.status])).toEqual(
      expect.arrayContaining([
        [['v2'], ['The <g id="1">drama</g>', 'The video'], 200],
        [['v1'], ['Tom & <b>Jerry'], 200],
      ]),
    );
    expect(server.requests({ path: '/v2/translate' })).toHaveLength(2);
  });

  test('isWellFormedXml: what v2 accepts and refuses', () => {
    expect(['a <g id="1">b</g> <x id="t1"/> &amp; &#233;', 'a > b', ''].map(isWellFormedXml)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['<g id="1">b', 'a </g>', 'a & b', 'a < b', '<g id=1>x</g>', 'a\u0001b', '<g id="1"><x id="2">b</g></x>'].map(
        isWellFormedXml,
      ),
    ).toEqual(Array(7).fill(false));
  });
});

describe('isWellFormedXml: the plain-text shortcut answers as the general path', () => {
  test('generated texts of every character class that matters, and the bench corpus', () => {
    // each character the shortcut looks at, with neighbours on both sides of each boundary
    const alphabet = [
      'a',
      ' ',
      'é',
      '한',
      '😀',
      '\t',
      '\n',
      '\r',
      '\u0000',
      '\u0001',
      '\u0008',
      '\u000b',
      '\u000c',
      '\u000e',
      '\u001f',
      '\u007f',
      '<',
      '>',
      '&',
      ';',
      '"',
      '/',
      '\ufffd',
      '\ufffe',
      '\uffff',
      '\ud800',
      'amp;',
      'g id="1"',
    ];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let length = random(12); length > 0; length--) text += alphabet[random(alphabet.length)]!;
      texts.push(text);
    }
    for (const article of generateCorpus(40, 7)) texts.push(...article.text.split('\n'));
    let plain = 0;
    const differing: string[] = [];
    for (const text of texts) {
      if (isWellFormedXml(text) !== isWellFormedXmlReadingTags(text)) differing.push(text);
      if (isPlainXmlText(text)) {
        plain++;
        if (!isWellFormedXmlReadingTags(text)) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
    // both kinds are met, many times
    expect(plain).toBeGreaterThan(2_000);
    expect(texts.length - plain).toBeGreaterThan(2_000);
  });
});
