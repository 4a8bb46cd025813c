/**
 * `storyloc check` on several threads (issue 13 part 6): the compiled CLI with `--jobs 2` writes the very
 * report `--jobs 1` writes, and an unreadable story stops it the same way; the worker thread itself,
 * run on the compiled module with the whole selection to itself, returns what one thread finds for each
 * translation, in order (`--jobs` itself: test/cli/jobs.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../support/run-cli.js';
import { writeShortStories } from '../support/short-stories.js';
import { cliEntry, ensureBuilt } from '../e2e/build.js';
import { fixtureWorkspace, repoRoot } from '../e2e/workspace.js';
import { loadConfig } from '../../src/config/load.js';
import { prepareWorkspaceCheck, selectionChecker } from '../../src/check/workspace.js';

const STORIES = 40;
let root: string;

beforeAll(async () => {
  ensureBuilt();
  root = mkdtempSync(path.join(os.tmpdir(), 'storyloc-check-parallel-'));
  cpSync(fixtureWorkspace, root, { recursive: true });
  writeShortStories(root, STORIES);
  const translated = await runCli(['translate', '--engine', 'pseudo'], { cwd: root, env: {} });
  expect(translated.code).toBe(0);
  // a human edit with an error in it, so the report has errors as well as warnings
  const edited = path.join(root, 'output', 'it', 'en', 'story-07.md');
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('27.5%', '72.5%'));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A module of the build (the worker threads run compiled code only). */
const compiled = (module: string): string => pathToFileURL(path.join(repoRoot, 'dist', 'src', module)).href;

function compiledCheck(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliEntry, 'check', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the compiled CLI', () => {
  test.each(['json', 'text'])(
    '--jobs 2 writes the report --jobs 1 writes (--format %s)',
    (format) => {
      const one = compiledCheck('--jobs', '1', '--format', format);
      const two = compiledCheck('--jobs', '2', '--format', format);
      expect(one.code).toBe(1);
      expect(one.stderr).toBe('');
      expect(two).toEqual(one);
      if (format === 'json') {
        const report = JSON.parse(one.stdout) as {
          summary: { files: number };
          violations: Array<{ severity: string; rule: string; file: string; line: number; message: string }>;
        };
        expect(report.summary.files).toBe(STORIES + 3);
        expect(
          report.violations
            .filter((v) => v.severity === 'error')
            .map((v) => `${v.file}:${v.line} ${v.rule} ${v.message}`),
        ).toEqual([
          // the edited segment is read as a human's Italian: its English spellings are errors now
          'output/it/en/story-07.md:6 numbers 27.5 from the source is missing (expected 27,5)',
          'output/it/en/story-07.md:6 numbers April 8th from the source is missing (expected 8 aprile)',
          'output/it/en/story-07.md:6 numbers 72.5% is written the English way: in Italian write 72,5%',
        ]);
      }
    },
    60_000,
  );

  test('an unreadable story stops --jobs 2 as it stops --jobs 1 (exit 2, the story named)', () => {
    const broken = path.join(root, 'articles', 'en', 'story-20.md');
    const text = readFileSync(broken);
    try {
      writeFileSync(broken, Buffer.from([0xff, 0xfe, 0x41, 0x00])); // UTF-16: refused by the reader
      const one = compiledCheck('--jobs', '1');
      const two = compiledCheck('--jobs', '2');
      expect(one.code).toBe(2);
      expect(one.stdout).toBe('');
      expect(one.stderr).toContain('story-20.md');
      expect(two).toEqual(one);
    } finally {
      writeFileSync(broken, text);
    }
  }, 60_000);
});

test('the compiled worker, given the whole selection, returns what one thread finds, in order', async () => {
  const config = loadConfig({ workspace: root });
  const prepared = prepareWorkspaceCheck({ config, cwd: root });
  const expected = prepared.selected.map(selectionChecker(config, root, prepared.glossary));
  const shared = (await import(compiled('io/shared-work.js'))) as typeof import('../../src/io/shared-work.js');
  const check = (await import(compiled('check/parallel.js'))) as typeof import('../../src/check/parallel.js');
  const work = check.checkWork({ uiLanguage: 'en', config, cwd: root, selected: prepared.selected });
  const results = await shared.workerResults(work);
  expect(results.length).toBe(STORIES + 3);
  expect(results).toEqual(expected);
}, 60_000);
