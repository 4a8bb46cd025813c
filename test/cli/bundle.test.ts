/**
 * The bundled CLI (issue 13, fast start): scripts/bundle-cli.mjs bundles the tsc output into dist/cli/ with
 * esbuild and bin/storyloc.js runs it. Here: the launcher picks the bundle only when it is current; the
 * bundled binary translates, checks and round trips (worker threads, `--jobs 2`) with the in-process CLI's
 * results; its worker entries run and sit where the code starting them looks; a bundled command loads no
 * module the unbundled one did not; the packed package carries the bundle and none of dist/test, dist/bench.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as esbuild from 'esbuild';
import { bundleOptions } from '../../scripts/bundle-cli.mjs';
import { runCli, type CliResult } from '../support/run-cli.js';
import { packedFiles, writeShortStories } from '../support/short-stories.js';
import { cliEntry, ensureBuilt } from '../e2e/build.js';
import { fixtureWorkspace, repoRoot } from '../e2e/workspace.js';
import { loadConfig, DEFAULT_ARTICLE_LIMITS } from '../../src/config/load.js';
import { prepareWorkspaceCheck, selectionChecker } from '../../src/check/workspace.js';
import { roundtripByIndex, type RoundtripJob } from '../../src/reassembly/roundtrip-files.js';

const STORIES = 40;
const bundleDir = path.join(repoRoot, 'dist', 'cli');
const dirs: string[] = [];
/** Two copies of one workspace: one for the bundled binary, one for the in-process CLI. */
let viaBinary: string;
let inProcess: string;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** The fixture workspace and STORIES short stories (numbers, a list, a link), enough for two threads. */
function workspaceWithStories(): string {
  const dir = tempDir('storyloc-bundle-');
  cpSync(fixtureWorkspace, dir, { recursive: true });
  writeShortStories(dir, STORIES);
  return dir;
}

beforeAll(() => {
  ensureBuilt();
  viaBinary = workspaceWithStories();
  inProcess = tempDir('storyloc-bundle-in-process-');
  cpSync(viaBinary, inProcess, { recursive: true });
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function binary(args: string[], cwd: string, launcher = cliEntry): CliResult {
  const result = spawnSync(process.execPath, [launcher, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir/sub` with its text, by relative path. */
function filesUnder(dir: string, sub: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(path.join(dir, sub), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = readFileSync(full, 'utf8');
  }
  return files;
}

describe('bin/storyloc.js', () => {
  /** The folder the launcher at `launcher` runs the CLI from (it exports it), after printing `--help`. */
  function cliRootOf(launcher: string): string {
    const probe = path.join(tempDir('storyloc-bundle-probe-'), 'probe.mjs');
    writeFileSync(
      probe,
      `const b = await import(${JSON.stringify(pathToFileURL(launcher).href)});\nconsole.log(b.cliRoot.href);\n`,
    );
    const result = spawnSync(process.execPath, [probe, '--help'], { encoding: 'utf8', env: { LANG: 'en_US.UTF-8' } });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Usage: storyloc [options] [command]');
    return lines.at(-1)!;
  }

  test('runs the bundle in the repository (npm test builds it after tsc)', () => {
    expect(cliRootOf(cliEntry)).toBe(`${pathToFileURL(bundleDir).href}/`);
  });

  test('runs dist/src without a bundle or with one older than the tsc output, and the bundle when it is current', () => {
    // an installed package laid out like ours: bin/, dist/src/ (the real tsc output), node_modules/
    const pkg = tempDir('storyloc-bundle-package-');
    mkdirSync(path.join(pkg, 'bin'));
    mkdirSync(path.join(pkg, 'dist'));
    cpSync(cliEntry, path.join(pkg, 'bin', 'storyloc.js'));
    cpSync(path.join(repoRoot, 'package.json'), path.join(pkg, 'package.json'));
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
    symlinkSync(path.join(repoRoot, 'dist', 'src'), path.join(pkg, 'dist', 'src'), 'dir');
    const launcher = path.join(pkg, 'bin', 'storyloc.js');
    const segment = ['segment', path.join(repoRoot, 'articles', 'en', 'queen-of-tears.md'), '--json'];
    const expected = binary(segment, repoRoot);
    expect(expected.code).toBe(0);

    expect(cliRootOf(launcher)).toBe(`${pathToFileURL(path.join(pkg, 'dist', 'src')).href}/`);
    expect(binary(segment, repoRoot, launcher)).toEqual(expected);

    cpSync(bundleDir, path.join(pkg, 'dist', 'cli'), { recursive: true }); // copied now: newer than dist/src
    expect(cliRootOf(launcher)).toBe(`${pathToFileURL(path.join(pkg, 'dist', 'cli')).href}/`);
    expect(binary(segment, repoRoot, launcher)).toEqual(expected);

    const longAgo = new Date('2001-01-01T00:00:00Z');
    utimesSync(path.join(pkg, 'dist', 'cli', 'main.js'), longAgo, longAgo); // someone ran only tsc since
    expect(cliRootOf(launcher)).toBe(`${pathToFileURL(path.join(pkg, 'dist', 'src')).href}/`);
  }, 60_000);
});

describe('the bundled binary gives the in-process results', () => {
  /** The files under output/, the states' record times (`changedAt`) left out. */
  const outputWithoutTimes = (dir: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(filesUnder(dir, 'output')).map(([file, text]) => [
        file,
        text.replace(/"changedAt": "[^"]+"/g, '"changedAt": "…"'),
      ]),
    );
  /** A run's summary without its duration (`…, 1.0 s`). */
  const withoutDuration = (text: string): string => text.replace(/, [\d.]+ s$/m, ', N s');

  test('translate, then check --jobs 2 and roundtrip --jobs 2 on the translations', async () => {
    const translated = binary(['translate', '--engine', 'pseudo'], viaBinary);
    const expected = await runCli(['translate', '--engine', 'pseudo'], { cwd: inProcess });
    expect(translated.code).toBe(0);
    expect(withoutDuration(translated.stdout)).toBe(withoutDuration(expected.stdout));
    expect(translated.stdout).toContain(`${STORIES + 3} translated files written`);
    expect(outputWithoutTimes(viaBinary)).toEqual(outputWithoutTimes(inProcess));
    expect(Object.keys(outputWithoutTimes(viaBinary)).filter((file) => file.endsWith('.md'))).toHaveLength(STORIES + 3);

    const checked = binary(['check', '--jobs', '2', '--format', 'json'], viaBinary);
    expect(checked).toEqual(await runCli(['check', '--format', 'json'], { cwd: inProcess }));
    expect(checked.code).toBe(0);
    // every segment a machine translation nobody has approved yet: a warning each
    expect(JSON.parse(checked.stdout)).toMatchObject({ summary: { files: STORIES + 3, errors: 0, warnings: 222 } });

    const files = Object.keys(filesUnder(viaBinary, 'articles')).concat(Object.keys(filesUnder(viaBinary, 'output')));
    const roundtrip = ['roundtrip', '--jobs', '2', '--verbose', ...files.sort()];
    const roundtripped = binary(roundtrip, viaBinary);
    expect(roundtripped).toEqual(await runCli(roundtrip, { cwd: inProcess }));
    expect(roundtripped.stdout.trimEnd().split('\n').at(-1)).toBe(`${files.length} of ${files.length} files identical`);
  }, 120_000);
});

describe('the bundled worker threads', () => {
  /** A module of the unbundled build, to start a worker from. */
  const compiled = (module: string): string => pathToFileURL(path.join(repoRoot, 'dist', 'src', module)).href;
  const bundled = (entry: string): URL => pathToFileURL(path.join(bundleDir, entry));

  test('every worker URL in the bundle names a worker entry of the bundle', () => {
    const named = new Set<string>();
    for (const name of readdirSync(bundleDir).filter((file) => file.endsWith('.js'))) {
      const text = readFileSync(path.join(bundleDir, name), 'utf8');
      for (const [, target] of text.matchAll(/new URL\("(\.\/[^"]+)", import\.meta\.url\)/g)) named.add(target!);
    }
    expect([...named].sort()).toEqual(['./atomic-write-worker.js', './roundtrip-worker.js', './worker.js']);
    for (const target of named) expect(existsSync(path.join(bundleDir, target))).toBe(true);
  });

  test('the bundled check worker returns what one thread finds, in order', async () => {
    const config = loadConfig({ workspace: viaBinary });
    const prepared = prepareWorkspaceCheck({ config, cwd: viaBinary });
    const expected = prepared.selected.map(selectionChecker(config, viaBinary, prepared.glossary));
    const shared = (await import(compiled('io/shared-work.js'))) as typeof import('../../src/io/shared-work.js');
    const check = (await import(compiled('check/parallel.js'))) as typeof import('../../src/check/parallel.js');
    const work = check.checkWork({ uiLanguage: 'en', config, cwd: viaBinary, selected: prepared.selected });
    const results = await shared.workerResults({ ...work, workerUrl: bundled('worker.js') });
    expect(results).toHaveLength(prepared.selected.length);
    expect(results).toEqual(expected);
  }, 60_000);

  test('the bundled roundtrip worker round trips every file; an unparsable one is left for this thread', async () => {
    const dir = tempDir('storyloc-bundle-roundtrip-');
    const files = ['a.md', 'b.md', 'broken.md', 'c.md'];
    for (const file of files)
      writeFileSync(path.join(dir, file), `---\ntitle: ${file}\n---\n# ${file}\n\nText *here*.\n`);
    writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: never closed\n\nBody.\n');
    const job: RoundtripJob = {
      files,
      config: {
        paths: { articles: path.join(dir, 'articles') },
        frontMatterKeys: ['title'],
        limits: DEFAULT_ARTICLE_LIMITS,
      },
      options: { cwd: dir },
    };
    const shared = (await import(compiled('io/shared-work.js'))) as typeof import('../../src/io/shared-work.js');
    const roundtrip = (await import(
      compiled('reassembly/roundtrip-files.js')
    )) as typeof import('../../src/reassembly/roundtrip-files.js');
    const work = roundtrip.roundtripWork(job);
    const results = await shared.workerResults({ ...work, workerUrl: bundled('roundtrip-worker.js') });
    const here = roundtripByIndex(job);
    expect(results).toEqual([here(0), here(1), undefined, here(3)]);
    expect(results[0]).toEqual({ kind: 'identical', segments: 3 }); // the title, the heading, the paragraph
  }, 60_000);

  test('the bundled writer thread takes the writes of a long run (from WRITES_BEFORE_THREAD on)', () => {
    const dir = tempDir('storyloc-bundle-writer-');
    const writer = path.join(bundleDir, 'io', 'atomic-file.js');
    // the bundle's own module instance: the writes and the count are those of the bundled code
    const script = `
      const atomic = await import(${JSON.stringify(pathToFileURL(writer).href)});
      const dir = process.argv[1];
      for (let i = 0; i < 80; i++) await atomic.writeFileAtomic(dir + '/f' + i, 'text ' + i + '\\n');
      console.log(JSON.stringify({ total: atomic.atomicWriteCount(), onThread: atomic.threadWriteCount() }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ total: 80, onThread: 80 - 64 });
    expect(readdirSync(dir).length).toBe(80);
    expect(readFileSync(path.join(dir, 'f79'), 'utf8')).toBe('text 79\n');
  }, 60_000);
});

describe('what a bundled command loads', () => {
  /**
   * Modules a command loaded unbundled: the static imports from its entries, and the requires CommonJS
   * packages run as they load. (A lazy `createRequire(...)('yaml')` is not an import: not counted.)
   */
  function loadedUnbundled(inputs: esbuild.Metafile['inputs'], entries: string[]): Set<string> {
    const seen = new Set<string>();
    const todo = [...entries];
    for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
      const input = inputs[file];
      if (seen.has(file) || !input) continue;
      seen.add(file);
      for (const { kind, path: imported } of input.imports)
        if (kind === 'import-statement' || (kind === 'require-call' && input.format === 'cjs')) todo.push(imported);
    }
    return seen;
  }

  /** Modules whose code is in the files a bundled command loads: its entries and their static imports. */
  function loadedBundled(outputs: esbuild.Metafile['outputs'], entries: string[]): Set<string> {
    const byEntry = new Map(Object.entries(outputs).map(([file, output]) => [output.entryPoint, file]));
    const files = new Set<string>();
    const todo = entries.map((entry) => byEntry.get(entry)!);
    for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
      if (files.has(file)) continue;
      files.add(file);
      for (const { kind, path: imported, external } of outputs[file]!.imports)
        if (kind === 'import-statement' && !external) todo.push(imported);
    }
    return new Set([...files].flatMap((file) => Object.keys(outputs[file]!.inputs)));
  }

  test('each command, and each worker, loads no module it did not load unbundled', async () => {
    const out = tempDir('storyloc-bundle-meta-');
    const { metafile } = await esbuild.build({ ...bundleOptions(out), write: false });
    const main = 'dist/src/cli/main.js';
    const extra: Record<string, string[]> = {};
    const bundledModules: Record<string, Set<string>> = {};
    const runs: Record<string, string[]> = {
      status: [main, 'dist/src/cli/commands/status.js'],
      translate: [main, 'dist/src/cli/commands/translate.js'],
      roundtrip: [main, 'dist/src/cli/commands/roundtrip.js'],
      check: [main, 'dist/src/cli/commands/check.js'],
      'check worker': ['dist/src/check/worker.js'],
      'roundtrip worker': ['dist/src/reassembly/roundtrip-worker.js'],
    };
    for (const [run, entries] of Object.entries(runs)) {
      const before = loadedUnbundled(metafile.inputs, entries);
      bundledModules[run] = loadedBundled(metafile.outputs, entries);
      extra[run] = [...bundledModules[run]!].filter((module) => !before.has(module));
    }
    // the roundtrip worker carries yaml's code for unusual front matter, run only on first use, as before
    const yamlOnly = extra['roundtrip worker']!.filter((module) => !module.startsWith('node_modules/yaml/dist/'));
    expect({ ...extra, 'roundtrip worker': yamlOnly }).toEqual(
      Object.fromEntries(Object.keys(runs).map((r) => [r, []])),
    );
    // commands that need no glossary or diff stay without them
    for (const run of ['roundtrip', 'roundtrip worker']) {
      expect(
        [...bundledModules[run]!].filter((m) => m.includes('glossary/automaton') || m.includes('node_modules/diff/')),
      ).toEqual([]);
    }
    expect(bundledModules.status!.has('dist/src/cli/commands/translate.js')).toBe(false);
  }, 60_000);
});

describe('the packed package', () => {
  test('carries the bundle and the library, not the compiled tests or bench', () => {
    const shipped = packedFiles();
    const bundleFiles = readdirSync(bundleDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    expect(bundleFiles).toContain('dist/cli/main.js');
    expect(shipped).toEqual(
      expect.arrayContaining([...bundleFiles, 'bin/storyloc.js', 'dist/src/index.js', 'dist/src/index.d.ts']),
    );
    const topFolders = [
      ...new Set(
        shipped.map((file) =>
          file
            .split('/')
            .slice(0, file.startsWith('dist/') ? 2 : 1)
            .join('/'),
        ),
      ),
    ];
    expect(topFolders.sort()).toEqual(['README.md', 'bin', 'dist/cli', 'dist/src', 'package.json', 'schemas']);
  }, 60_000);
});
