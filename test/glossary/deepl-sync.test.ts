import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeepLClient, GlossaryEntries } from 'deepl-node';
import {
  buildDictionaries,
  glossaryIdFor,
  glossaryIdsFor,
  syncDeepLGlossaries,
  syncStatePath,
} from '../../src/glossary/deepl-sync.js';
import { defaultConfig } from '../../src/config/load.js';
import type { LanguagePair } from '../../src/languages.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { entry, seedTermbase, termbase } from './factory.js';

const EN_IT: LanguagePair = { source: 'en', target: 'it' };
const KO_IT: LanguagePair = { source: 'ko', target: 'it' };
const NAME = 'storyloc:sync-test';

let server: DeepLServer;
let client: DeepLClient;
let dir: string;
let statePath: string;

beforeAll(async () => {
  server = await startDeepLServer();
  client = new DeepLClient(server.authKey, { serverUrl: server.url, maxRetries: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyloc-sync-'));
  statePath = path.join(dir, 'output', '.storyloc', 'deepl-glossaries.json');
  for (const g of server.glossaries.list()) server.glossaries.delete(g.id);
  server.clearLog();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writes = (): string[] =>
  server.log.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, 'ID')}`);

describe('dictionaries', () => {
  test('source forms and variants map to the canonical target; do-not-translate maps to itself', () => {
    const [enIt, koIt] = buildDictionaries(seedTermbase(), [EN_IT, KO_IT]);
    expect(enIt?.entries).toEqual({
      'C++ (lang)': 'C++ (linguaggio)',
      'Han Ji': 'Han Ji',
      Kim: 'Kim',
      'Kim Ji-won': 'Kim Ji-won',
      'Kim Soo-hyun': 'Kim Soo-hyun',
      'Kim Soohyun': 'Kim Soo-hyun',
      Queen: 'regina',
      'Queen of Tears': 'La regina delle lacrime',
      chaebol: 'chaebol',
      tvN: 'tvN',
      'tvN Drama': 'tvN Drama',
    });
    expect(koIt?.entries).toEqual({
      김수현: 'Kim Soo-hyun',
      김지원: 'Kim Ji-won',
      tvN: 'tvN',
      'tvN Drama': 'tvN Drama',
      '눈물의 여왕': 'La regina delle lacrime',
      재벌: 'chaebol',
      한지: 'Han Ji',
    });
  });
});

describe('sync through deepl-node against the DeepL test server', () => {
  test('first sync creates; a second one with no change makes no write call; glossary ids recorded', async () => {
    const tb = seedTermbase();
    const first = await syncDeepLGlossaries({
      termbase: tb,
      pairs: [EN_IT, KO_IT],
      client,
      statePath,
      name: NAME,
      dryRun: false,
    });
    expect(first.actions).toEqual([{ kind: 'createGlossary', name: NAME, pairs: ['en-it', 'ko-it'], entryCount: 18 }]);
    expect(writes()).toEqual(['POST /v3/glossaries']);
    const stored = server.glossaries.list();
    expect(
      stored.map((g) => [g.name, g.dictionaries.map((d) => `${d.sourceLang}-${d.targetLang}:${d.entries.size}`)]),
    ).toEqual([[NAME, ['en-it:11', 'ko-it:7']]]);
    const recorded = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(recorded.glossaryId).toBe(stored[0]!.id);
    expect(Object.keys(recorded.dictionaries)).toEqual(['en-it', 'ko-it']);
    expect(readFileSync(statePath, 'utf8')).not.toContain(server.authKey);

    server.clearLog();
    const second = await syncDeepLGlossaries({
      termbase: tb,
      pairs: [EN_IT, KO_IT],
      client,
      statePath,
      name: NAME,
      dryRun: false,
    });
    expect(second.actions).toEqual([
      { kind: 'keepDictionary', pair: 'en-it', entryCount: 11 },
      { kind: 'keepDictionary', pair: 'ko-it', entryCount: 7 },
    ]);
    expect(server.log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/glossaries', 'GET /v2/glossaries']);
    expect(second.v2Glossaries).toEqual([]);

    const config = defaultConfig(dir);
    expect(syncStatePath(config)).toBe(statePath);
    expect(glossaryIdFor(config, EN_IT)).toBe(stored[0]!.id);
    expect(glossaryIdFor(config, { source: 'ko', target: 'en' })).toBeUndefined();
    expect(glossaryIdsFor(config)).toEqual({ 'en-it': stored[0]!.id, 'ko-it': stored[0]!.id });
  });

  test('an entry change replaces only its dictionary; removing a pair deletes it; no pair left deletes the glossary', async () => {
    const base = seedTermbase();
    await syncDeepLGlossaries({ termbase: base, pairs: [EN_IT, KO_IT], client, statePath, name: NAME, dryRun: false });
    const id = server.glossaries.list()[0]!.id;

    // an English-only change: the ko→it dictionary is untouched
    const changed = termbase(
      base.entries.map((e) =>
        e.id === 'kim' ? entry({ id: 'kim', forms: { en: 'Kim', it: 'Kim' }, variants: { en: ['KIM'] } }) : e,
      ),
    );
    server.clearLog();
    const update = await syncDeepLGlossaries({
      termbase: changed,
      pairs: [EN_IT, KO_IT],
      client,
      statePath,
      name: NAME,
      dryRun: false,
    });
    expect(update.actions).toEqual([
      { kind: 'replaceDictionary', pair: 'en-it', entryCount: 12 },
      { kind: 'keepDictionary', pair: 'ko-it', entryCount: 7 },
    ]);
    expect(writes()).toEqual(['PUT /v3/glossaries/ID/dictionaries']);
    expect(server.requests({ method: 'PUT' })[0]!.params.source_lang).toEqual(['en']);
    expect(
      server.glossaries
        .get(id)!
        .dictionaries.find((d) => d.sourceLang === 'en')!
        .entries.get('KIM'),
    ).toBe('Kim');

    server.clearLog();
    const dropKo = await syncDeepLGlossaries({
      termbase: changed,
      pairs: [EN_IT],
      client,
      statePath,
      name: NAME,
      dryRun: false,
    });
    expect(dropKo.actions).toEqual([
      { kind: 'keepDictionary', pair: 'en-it', entryCount: 12 },
      { kind: 'deleteDictionary', pair: 'ko-it' },
    ]);
    expect(writes()).toEqual(['DELETE /v3/glossaries/ID/dictionaries']);
    expect(server.glossaries.get(id)!.dictionaries.map((d) => d.sourceLang)).toEqual(['en']);
    expect(glossaryIdFor(defaultConfig(dir), KO_IT)).toBeUndefined();

    server.clearLog();
    const none = await syncDeepLGlossaries({
      termbase: termbase([]),
      pairs: [EN_IT],
      client,
      statePath,
      name: NAME,
      dryRun: false,
    });
    expect(none.actions).toEqual([{ kind: 'deleteGlossary', glossaryId: id, name: NAME, reason: 'unused' }]);
    expect(writes()).toEqual(['DELETE /v3/glossaries/ID']);
    expect(server.glossaries.list()).toEqual([]);
    expect(glossaryIdFor(defaultConfig(dir), EN_IT)).toBeUndefined();
  });

  test('dry run plans without writing; orphans with our name are deleted, other glossaries kept', async () => {
    const orphan = server.glossaries.add(NAME, [{ sourceLang: 'en', targetLang: 'it', entries: { a: 'b' } }]);
    server.glossaries.add('someone else', [{ sourceLang: 'en', targetLang: 'it', entries: { a: 'b' } }]);
    const plan = await syncDeepLGlossaries({
      termbase: seedTermbase(),
      pairs: [EN_IT],
      client,
      statePath,
      name: NAME,
      dryRun: true,
    });
    expect(plan.actions).toEqual([
      { kind: 'createGlossary', name: NAME, pairs: ['en-it'], entryCount: 11 },
      { kind: 'deleteGlossary', glossaryId: orphan.id, name: NAME, reason: 'orphan' },
    ]);
    expect(writes()).toEqual([]);
    expect(() => readFileSync(statePath)).toThrow();

    await syncDeepLGlossaries({
      termbase: seedTermbase(),
      pairs: [EN_IT],
      client,
      statePath,
      name: NAME,
      dryRun: false,
    });
    expect(
      server.glossaries
        .list()
        .map((g) => g.name)
        .sort(),
    ).toEqual(['someone else', NAME]);
    expect(server.glossaries.get(orphan.id)).toBeUndefined();
  });

  test('v2 glossaries of the account are listed (not our own single-pair one), never changed', async () => {
    const v2 = await client.createGlossary(
      'legacy',
      'en',
      'it',
      new GlossaryEntries({ entries: { 'Kim Soo Hyun': 'Kim Soo-hyun', tvN: 'tvN' } }),
    );
    const result = await syncDeepLGlossaries({
      termbase: seedTermbase(),
      pairs: [EN_IT],
      client,
      statePath,
      name: NAME,
      dryRun: false,
    });
    // our glossary holds one pair, so the v2 list shows it too: it is not reported as the account's
    expect(
      server.glossaries
        .list()
        .map((g) => g.name)
        .sort(),
    ).toEqual(['legacy', NAME]);
    expect(result.v2Glossaries).toEqual([{ glossaryId: v2.glossaryId, name: 'legacy', pair: 'en-it', entryCount: 2 }]);
    expect(writes()).toEqual(['POST /v2/glossaries', 'POST /v3/glossaries']);
    const offline = await syncDeepLGlossaries({
      termbase: seedTermbase(),
      pairs: [EN_IT],
      client: null,
      statePath,
      name: NAME,
      dryRun: true,
    });
    expect(offline.v2Glossaries).toEqual([]);
  });

  test('a recorded glossary deleted on DeepL is created again', async () => {
    await syncDeepLGlossaries({
      termbase: seedTermbase(),
      pairs: [EN_IT],
      client,
      statePath,
      name: NAME,
      dryRun: false,
    });
    const first = server.glossaries.list()[0]!.id;
    server.glossaries.delete(first);
    const again = await syncDeepLGlossaries({
      termbase: seedTermbase(),
      pairs: [EN_IT],
      client,
      statePath,
      name: NAME,
      dryRun: false,
    });
    expect(again.actions.map((a) => a.kind)).toEqual(['createGlossary']);
    const second = server.glossaries.list()[0]!.id;
    expect(second).not.toBe(first);
    expect(glossaryIdFor(defaultConfig(dir), EN_IT)).toBe(second);
  });
});
