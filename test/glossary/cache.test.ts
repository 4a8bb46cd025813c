/**
 * The parse cache of glossary files (`.storyloc/cache/glossary/`): a cached load is the same termbase,
 * problems and positions as a real parse; edits, upgrades and corrupt cache files fall back to a parse.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig, loadConfig } from '../../src/config/load.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import {
  GLOSSARY_CACHE_SCHEMA_VERSION,
  glossaryCacheDir,
  openGlossaryCache,
  type GlossaryCache,
  type GlossaryCacheStats,
} from '../../src/glossary/cache.js';
import { loadWorkspaceTermbase } from '../../src/glossary/load.js';
import { formatProblem, lintWorkspaceTermbase, type CheckedTermbase } from '../../src/glossary/workspace.js';

const PEOPLE = [
  'version: 1',
  'entries:',
  '  - id: kim-soo-hyun',
  '    type: person',
  '    forms: { en: Kim Soo-hyun, ko: 김수현, it: Kim Soo-hyun }',
  '    variants:',
  '      en: [Kim Soohyun, Kim Soo-hyun]', // 7: the second variant is the canonical form (warning at 7:25)
  '    note: lead actor',
  '  - id: queen-of-tears',
  '    type: title',
  '    forms:',
  '      en: Queen of Tears',
  '      it: La regina delle lacrime',
  '    forbidden:',
  '      it: [Regina di lacrime, La regina delle lacrime]', // 15: a forbidden form that is accepted (error at 15:31)
  '    caseSensitive: { en: false, it: true }',
  '  - id: bad id', // 17: schema error, the entry is left out
  '    type: person',
  '    forms: { en: X, it: X }',
  '  - id: kim-soo-hyun', // 20: duplicate id
  '    type: person',
  '    forms: { en: Kim, it: Kim }',
  '',
].join('\n');

const BROKEN_YAML = 'entries:\n  - id: a\n    forms: { en: [unclosed\n';

const ALL_MISSES: GlossaryCacheStats = { hit: 0, absent: 0, stale: 0, corrupt: 0, written: 0, writeFailed: 0 };
const stats = (counts: Partial<GlossaryCacheStats>): GlossaryCacheStats => ({ ...ALL_MISSES, ...counts });

let dir: string;
let config: ResolvedConfig;
const glossaryFile = (name: string): string => path.join(dir, 'glossary', name);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyloc-glossary-cache-'));
  writeFileSync(path.join(dir, 'storyloc.config.yaml'), 'sourceLanguages: [en, ko]\ntargetLanguages: [it]\n');
  mkdirSync(path.join(dir, 'glossary'));
  writeFileSync(glossaryFile('people.yaml'), PEOPLE);
  writeFileSync(glossaryFile('broken.yaml'), BROKEN_YAML);
  // not UTF-8: reported before any parse, so never cached
  writeFileSync(
    glossaryFile('latin1.yaml'),
    Buffer.from([0x65, 0x6e, 0x74, 0x72, 0x69, 0x65, 0x73, 0x3a, 0x20, 0xe9, 0x0a]),
  );
  config = loadConfig({ workspace: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** a load through a fresh cache object (a new command), with what the cache did */
function cachedLoad(options: { version?: string; files?: string[] } = {}): {
  checked: CheckedTermbase;
  cache: GlossaryCache;
} {
  const cache = openGlossaryCache(dir, options.version ? { version: options.version } : {})!;
  return { checked: lintWorkspaceTermbase(config, options.files, { cache }), cache };
}

const uncachedLoad = (files?: string[]): CheckedTermbase => lintWorkspaceTermbase(config, files, { cache: null });

/** everything a caller can observe, positions included, and the entries' key order */
function expectSameLoad(actual: CheckedTermbase, expected: CheckedTermbase): void {
  expect(actual.termbase).toStrictEqual(expected.termbase);
  expect(JSON.stringify(actual.termbase.entries)).toBe(JSON.stringify(expected.termbase.entries));
  expect(actual.problems).toStrictEqual(expected.problems);
  expect(actual.termbase.entries.map((entry) => actual.positions.get(entry))).toStrictEqual(
    expected.termbase.entries.map((entry) => expected.positions.get(entry)),
  );
  expect(actual.positions.size).toBe(expected.positions.size);
}

const cacheFileOf = (name: string): string => openGlossaryCache(dir)!.fileFor(glossaryFile(name));
const cacheFiles = (): string[] => (existsSync(glossaryCacheDir(dir)) ? readdirSync(glossaryCacheDir(dir)).sort() : []);
const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('a cached load', () => {
  test('gives the same termbase, problems and positions as a real parse', () => {
    const expected = uncachedLoad();
    expect(expected.problems.map((p) => [p.code, p.severity, path.basename(p.file), p.line, p.column])).toEqual([
      ['glossary.yaml', 'error', 'broken.yaml', 4, 1],
      ['glossary.encoding', 'error', 'latin1.yaml', 1, 10],
      ['glossary.redundantVariant', 'warning', 'people.yaml', 7, 25],
      ['glossary.forbiddenIsAccepted', 'error', 'people.yaml', 15, 31],
      ['glossary.schema', 'error', 'people.yaml', 17, 9],
      ['glossary.duplicateId', 'error', 'people.yaml', 20, 5],
    ]);
    expect(expected.termbase.entries.map((e) => [e.id, e.line, e.column])).toEqual([
      ['kim-soo-hyun', 3, 5],
      ['queen-of-tears', 9, 5],
      ['kim-soo-hyun', 20, 5],
    ]);

    const first = cachedLoad();
    expect(first.cache.stats).toEqual(stats({ absent: 2, written: 2 }));
    expectSameLoad(first.checked, expected);
    const second = cachedLoad();
    expect(second.cache.stats).toEqual(stats({ hit: 2 }));
    expectSameLoad(second.checked, expected);
    expect(second.checked.problems.map((p) => formatProblem(p, dir))).toEqual(
      expected.problems.map((p) => formatProblem(p, dir)),
    );
  });

  test('the workspace loader writes it under .storyloc/cache/glossary, keyed by content, version and schema', () => {
    const loaded = loadWorkspaceTermbase(config);
    expect(cacheFiles()).toEqual(
      [path.basename(cacheFileOf('broken.yaml')), path.basename(cacheFileOf('people.yaml'))].sort(),
    );
    const text = readFileSync(cacheFileOf('people.yaml'), 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
    const { version } = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(header).toEqual({
      format: 'storyloc-glossary-cache',
      schema: GLOSSARY_CACHE_SCHEMA_VERSION,
      storyloc: version,
      glossarySchema: expect.stringMatching(/^[0-9a-f]{16}$/),
      file: 'glossary/people.yaml',
      source: sha256(readFileSync(glossaryFile('people.yaml'))),
      payload: sha256(Buffer.from(text.slice(newline + 1), 'utf8')),
    });
    // the path is the cache file's, not stored with every entry
    expect(text).not.toContain(dir);
    const uncached = loadWorkspaceTermbase(config, undefined, { cache: null });
    expect(loaded.termbase).toStrictEqual(uncached.termbase);
    expect(loaded.problems).toStrictEqual(uncached.problems);
  });

  test('editing a file invalidates its cache file only', () => {
    cachedLoad();
    writeFileSync(glossaryFile('people.yaml'), PEOPLE.replace('it: Kim Soo-hyun }', 'it: Kim Su-hyun }'));
    const edited = cachedLoad();
    expect(edited.cache.stats).toEqual(stats({ hit: 1, stale: 1, written: 1 }));
    expect(edited.checked.termbase.byId.get('kim-soo-hyun')?.forms.it).toBe('Kim Su-hyun');
    expectSameLoad(edited.checked, uncachedLoad());
    const again = cachedLoad();
    expect(again.cache.stats).toEqual(stats({ hit: 2 }));
    expectSameLoad(again.checked, uncachedLoad());
  });

  test('another storyloc version or cache schema is a miss', () => {
    cachedLoad();
    const upgraded = cachedLoad({ version: '99.0.0' });
    expect(upgraded.cache.stats).toEqual(stats({ stale: 2, written: 2 }));
    expectSameLoad(upgraded.checked, uncachedLoad());
    expect(cachedLoad().cache.stats).toEqual(stats({ stale: 2, written: 2 }));

    // an older cache schema, with a payload that is itself intact
    const file = cacheFileOf('people.yaml');
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    const header = { ...(JSON.parse(text.slice(0, newline)) as object), schema: GLOSSARY_CACHE_SCHEMA_VERSION - 1 };
    writeFileSync(file, `${JSON.stringify(header)}${text.slice(newline)}`);
    const older = cachedLoad();
    expect(older.cache.stats).toEqual(stats({ hit: 1, stale: 1, written: 1 }));
    expectSameLoad(older.checked, uncachedLoad());
  });
});

describe('a corrupt cache file falls back to a real parse and is rewritten', () => {
  /** `corrupt` turns the cache file's bytes into something else */
  const corruptions: Array<[string, (bytes: Buffer) => Buffer | string]> = [
    ['empty', () => ''],
    ['torn in the middle', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['header only', (bytes) => bytes.subarray(0, bytes.indexOf(0x0a) + 1)],
    ['binary noise', () => Buffer.from([0xff, 0x00, 0x0a, 0x81, 0x7b])],
    [
      'not a cache header',
      (bytes) => `{"format":"other"}\n${bytes.subarray(bytes.indexOf(0x0a) + 1).toString('utf8')}`,
    ],
    [
      'a changed form, checksum not updated',
      (bytes) => bytes.toString('utf8').replace('"it":"Kim Soo-hyun"', '"it":"Kim Soo-hyum"'),
    ],
    [
      'a malformed payload with a matching checksum',
      (bytes) => {
        const text = bytes.toString('utf8');
        const newline = text.indexOf('\n');
        const payload = text.slice(newline + 1).replace('[["kim-soo-hyun",', '[[5,');
        expect(payload).not.toBe(text.slice(newline + 1));
        const header = { ...(JSON.parse(text.slice(0, newline)) as object), payload: sha256(payload) };
        return `${JSON.stringify(header)}\n${payload}`;
      },
    ],
  ];

  test.each(corruptions)('%s', (_name, corrupt) => {
    cachedLoad();
    const file = cacheFileOf('people.yaml');
    writeFileSync(file, corrupt(readFileSync(file)));
    const fallback = cachedLoad();
    expect(fallback.cache.stats).toEqual(stats({ hit: 1, corrupt: 1, written: 1 }));
    expectSameLoad(fallback.checked, uncachedLoad());
    expect(cachedLoad().cache.stats).toEqual(stats({ hit: 2 }));
  });

  test('a cache file that is a folder', () => {
    mkdirSync(cacheFileOf('people.yaml'), { recursive: true });
    const load = cachedLoad();
    expect(load.cache.stats).toEqual(stats({ absent: 1, corrupt: 1, written: 1, writeFailed: 1 }));
    expectSameLoad(load.checked, uncachedLoad());
    // the failed write left no temp file behind
    expect(cacheFiles()).toEqual(
      [path.basename(cacheFileOf('broken.yaml')), path.basename(cacheFileOf('people.yaml'))].sort(),
    );
  });

  test('a cache folder that cannot be written: every command still works', () => {
    mkdirSync(path.join(dir, '.storyloc', 'cache'), { recursive: true });
    writeFileSync(glossaryCacheDir(dir), 'not a folder');
    const load = cachedLoad();
    expect(load.cache.stats).toEqual(stats({ absent: 2, writeFailed: 2 }));
    expectSameLoad(load.checked, uncachedLoad());
  });
});

describe('where the cache is used', () => {
  test('not for a file outside the workspace', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'storyloc-glossary-outside-'));
    try {
      const file = path.join(outside, 'draft.yaml');
      writeFileSync(file, PEOPLE);
      const load = cachedLoad({ files: [file] });
      expect(load.cache.stats).toEqual(ALL_MISSES);
      expect(cacheFiles()).toEqual([]);
      expectSameLoad(load.checked, uncachedLoad([file]));
      expect(load.checked.termbase.entries.map((e) => e.file)).toEqual([file, file, file]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('not without a workspace (no config file): nothing is written where the command runs', () => {
    const loaded = loadWorkspaceTermbase(defaultConfig(dir));
    expect(loaded.termbase.entries).toHaveLength(3);
    expect(existsSync(path.join(dir, '.storyloc'))).toBe(false);
  });

  test('read only when asked (dry runs): used, never written', () => {
    loadWorkspaceTermbase(config, undefined, { writeCache: false });
    expect(existsSync(path.join(dir, '.storyloc'))).toBe(false);
    loadWorkspaceTermbase(config);
    const before = cacheFiles().map((name) => readFileSync(path.join(glossaryCacheDir(dir), name), 'utf8'));
    writeFileSync(glossaryFile('people.yaml'), `${PEOPLE}# edited\n`);
    const cache = openGlossaryCache(dir, { write: false })!;
    lintWorkspaceTermbase(config, undefined, { cache });
    expect(cache.stats).toEqual(stats({ hit: 1, stale: 1 }));
    expect(cacheFiles().map((name) => readFileSync(path.join(glossaryCacheDir(dir), name), 'utf8'))).toEqual(before);
  });

  test('a full load drops the cache files of renamed or deleted files and abandoned temp files', () => {
    loadWorkspaceTermbase(config);
    const oldPeople = path.basename(cacheFileOf('people.yaml'));
    const oldTemp = path.join(glossaryCacheDir(dir), `.${oldPeople}.4242.1.tmp`);
    const freshTemp = path.join(glossaryCacheDir(dir), `.${oldPeople}.4243.1.tmp`);
    writeFileSync(oldTemp, 'half');
    writeFileSync(freshTemp, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(oldTemp, twoHoursAgo, twoHoursAgo);
    renameSync(glossaryFile('people.yaml'), glossaryFile('persons.yaml'));
    rmSync(glossaryFile('broken.yaml'));
    // a chosen file does not prune: the others may still be wanted
    lintWorkspaceTermbase(config, [glossaryFile('persons.yaml')]);
    expect(cacheFiles()).toEqual(
      [
        path.basename(freshTemp),
        path.basename(oldTemp),
        path.basename(cacheFileOf('broken.yaml')),
        oldPeople,
        path.basename(cacheFileOf('persons.yaml')),
      ].sort(),
    );
    loadWorkspaceTermbase(config);
    expect(cacheFiles()).toEqual([path.basename(freshTemp), path.basename(cacheFileOf('persons.yaml'))].sort());
  });
});
