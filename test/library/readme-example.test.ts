/**
 * storyloc as a package: the README's library example, run by Node against the built package imported
 * by its name (`storyloc` linked into a temporary node_modules, as `npm install` would place it).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from '../e2e/build.js';
import { repoRoot } from '../e2e/workspace.js';

function readmeExample(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const match = /<!-- library-example -->\n```js\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README.md has no library example');
  return match[1]!;
}

describe('the package', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-library-'));
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(repoRoot, path.join(dir, 'node_modules', 'storyloc'), 'dir');
    mkdirSync(path.join(dir, 'newsroom', 'articles', 'en'), { recursive: true });
    writeFileSync(path.join(dir, 'newsroom', 'storyloc.config.yaml'), 'sourceLanguages: [en]\ntargetLanguages: [it]\n');
    writeFileSync(path.join(dir, 'newsroom', 'articles', 'en', 'hello.md'), '# Hello\n\nThe *queen* is back.\n');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the README example runs against the built package, imported by name', () => {
    writeFileSync(path.join(dir, 'example.mjs'), readmeExample());
    const run = spawnSync(process.execPath, ['example.mjs'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      ['[ \'Hello <g id="1">world</g>.\' ]', 'Ciao *mondo*.', '', "[ 'output/it/en/hello.md' ]", ''].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'newsroom', 'output', 'it', 'en', 'hello.md'), 'utf8')).toBe(
      '# [Hello]\n\n[The *queen* is back.]\n',
    );
    expect(run.status).toBe(0);
  }, 60_000);

  test('the public API is exactly this list (src/index.ts re-exports only)', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    const resolved = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "import('storyloc').then((m) => console.log(Object.keys(m).sort().join(' ')))"],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(resolved.stdout.trim().split(' ')).toEqual(
      [
        'CONFIG_FILE_NAME',
        'EngineError',
        'ExitCode',
        'StorylocError',
        'checkTargetOnly',
        'checkWorkspace',
        'createEngine',
        'engineNames',
      ]
        .concat([
          'errorCodes',
          'exportTmx',
          'exportWorkspace',
          'exportXliff',
          'findWorkspace',
          'formatPosition',
          'formatReport',
        ])
        .concat([
          'importWorkspace',
          'initI18n',
          'inputError',
          'isSupportedLanguage',
          'loadConfig',
          'parseArticle',
          'parseConfig',
        ])
        .concat([
          'parseTmx',
          'parseXliff',
          'readArticleFile',
          'reassembleArticle',
          'reportFormats',
          'roundtripDifference',
        ])
        .concat(['selectEngine', 'summaryToJson', 'supportedLanguages', 't', 'translateWorkspace']),
    );
    expect([manifest.main, manifest.types]).toEqual(['dist/src/index.js', 'dist/src/index.d.ts']);
    expect(manifest.exports).toEqual({
      '.': { types: './dist/src/index.d.ts', import: './dist/src/index.js' },
      './package.json': './package.json',
    });
  });
});
