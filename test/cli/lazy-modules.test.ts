/**
 * Issue 13, fast start: what a command loads, watched at run time. A module-load hook (node:module
 * `register`) records every module the compiled CLI (dist/src, where each module is its own file) loads;
 * the bundle test checks the same from esbuild's metafile. A `translate` rerun whose sources are unchanged
 * loads no Markdown parser (translate/parser.ts), and `status` on a workspace still under review loads
 * neither the parser nor the glossary automaton nor check (review/article-statuses.ts); once a source
 * changes, or an article is fully approved, they are loaded and do their work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import { repoRoot } from '../e2e/workspace.js';
import { writeShortStories } from '../support/short-stories.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

const compiledMain = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** The hook: appends the URL of every module loaded from the repository's dist/src or node_modules. */
const hooks = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.includes('/dist/src/') || url.includes('/node_modules/')) appendFileSync(process.env.STORYLOC_LOAD_LOG, url + '\\n');
  return next(url, context);
}`;

function hookFiles(dir: string): string {
  writeFileSync(path.join(dir, 'hooks.mjs'), hooks);
  const register = path.join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  return register;
}

let runs = 0;

/** Runs the compiled CLI in `cwd` with the hook; returns its exit code and the modules it loaded (repository-relative). */
function runWatched(register: string, cwd: string, args: string[]): { status: number | null; loaded: string[] } {
  const log = path.join(path.dirname(register), `loaded-${++runs}.log`);
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(compiledMain).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
  const result = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(register).href, '--input-type=module', '-e', script],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, STORYLOC_LOAD_LOG: log, LANG: 'en_US.UTF-8' },
    },
  );
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  const root = pathToFileURL(repoRoot).href;
  return { status: result.status, loaded: urls.map((url) => url.slice(root.length + 1)) };
}

const parserModules = (loaded: string[]): string[] =>
  loaded.filter(
    (m) =>
      m.startsWith('node_modules/marked/') ||
      m === 'dist/src/segments/markdown.js' ||
      m === 'dist/src/articles/read.js',
  );
const checkModules = (loaded: string[]): string[] =>
  loaded.filter((m) => m === 'dist/src/glossary/automaton.js' || m === 'dist/src/check/workspace.js');

function newWorkspace(): string {
  const dir = tempDir('storyloc-lazy-');
  mkdirSync(path.join(dir, 'articles', 'en'), { recursive: true });
  writeFileSync(path.join(dir, 'storyloc.config.yaml'), 'sourceLanguages: [en]\ntargetLanguages: [it]\n');
  writeShortStories(dir, 3);
  return dir;
}

describe('modules a command loads at run time', () => {
  test('a translate rerun with unchanged sources loads no Markdown parser; a changed source loads it', () => {
    const dir = newWorkspace();
    const register = hookFiles(tempDir('storyloc-lazy-hooks-'));
    const first = runWatched(register, dir, ['translate', '--engine', 'pseudo']);
    expect(first.status).toBe(0);
    expect(parserModules(first.loaded)).toEqual(
      expect.arrayContaining(['dist/src/articles/read.js', 'dist/src/segments/markdown.js']),
    );
    const rerun = runWatched(register, dir, ['translate', '--engine', 'pseudo']);
    expect(rerun.status).toBe(0);
    expect(parserModules(rerun.loaded)).toEqual([]);
    const story = path.join(dir, 'articles', 'en', 'story-01.md');
    writeFileSync(story, readFileSync(story, 'utf8').replace('Kim Soo-hyun smiled.', 'Kim Soo-hyun laughed.'));
    const changed = runWatched(register, dir, ['translate', '--engine', 'pseudo']);
    expect(changed.status).toBe(0);
    expect(parserModules(changed.loaded)).toContain('dist/src/segments/markdown.js');
    expect(readFileSync(path.join(dir, 'output', 'it', 'en', 'story-01.md'), 'utf8')).toContain(
      '⟦Kím Sóó-hyún láúghéd.~~~~~~~⟧',
    );
  }, 60_000);

  test('status loads check only for a fully approved article', () => {
    const dir = newWorkspace();
    const register = hookFiles(tempDir('storyloc-lazy-hooks-'));
    expect(runWatched(register, dir, ['translate', '--engine', 'pseudo']).status).toBe(0);
    const underReview = runWatched(register, dir, ['status', '--json']);
    expect(underReview.status).toBe(0);
    expect([...parserModules(underReview.loaded), ...checkModules(underReview.loaded)]).toEqual([]);
    // a fully approved article (forced: check finds errors in pseudo translations) is checked for status
    expect(runWatched(register, dir, ['approve', 'articles/en/story-00.md', '--all', '--force']).status).toBe(0);
    const approved = runWatched(register, dir, ['status', '--json']);
    expect(approved.status).toBe(0);
    expect(checkModules(approved.loaded).sort()).toEqual([
      'dist/src/check/workspace.js',
      'dist/src/glossary/automaton.js',
    ]);
  }, 60_000);
});
