/**
 * `storyloc roundtrip` over many files (issue 13): a summary and the differences by default, a line per file
 * under --verbose, the same output in file order when worker threads check the files (compiled binary,
 * `--jobs 2`), and the worker thread itself run on the compiled module.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { runCli } from '../support/run-cli.js';
import { StorylocError } from '../../src/errors.js';
import { defaultJobs, toPortable } from '../../src/cli/commands/roundtrip-parallel.js';
import { DEFAULT_ARTICLE_LIMITS } from '../../src/config/load.js';

const root = path.resolve(import.meta.dirname, '../..');

/** `count` stories `story-000.md`… (a title, a list and a quote each), one broken one where asked. */
function storiesDir(count: number, broken?: number): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyloc-roundtrip-'));
  mkdirSync(path.join(dir, 'drafts'));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = `drafts/story-${String(i).padStart(3, '0')}.md`;
    const text =
      i === broken
        ? '---\ntitle: never closed\n\nBody.\n'
        : `---\ntitle: Story ${i}\n---\n# Heading ${i}\n\nFirst sentence ${i}. Second one.\n\n- item *${i}*\n- [link](http://example.com/${i})\n\n> quoted ${i}\n`;
    writeFileSync(path.join(dir, file), text);
    files.push(file);
  }
  return { dir, files };
}

describe('storyloc roundtrip output', () => {
  test('by default only the summary; --verbose adds a line per identical file, in file order', async () => {
    const { dir, files } = storiesDir(3);
    expect(await runCli(['roundtrip', ...files], { cwd: dir })).toEqual({
      code: 0,
      stdout: '3 of 3 files identical\n',
      stderr: '',
    });
    expect(await runCli(['roundtrip', '--verbose', ...files], { cwd: dir })).toEqual({
      code: 0,
      stdout:
        'ok: drafts/story-000.md (7 segments) comes back byte for byte\n' +
        'ok: drafts/story-001.md (7 segments) comes back byte for byte\n' +
        'ok: drafts/story-002.md (7 segments) comes back byte for byte\n' +
        '3 of 3 files identical\n',
      stderr: '',
    });
  });

  test('a folder named as a file: exit 2 naming it (the read itself refuses it, no stat first)', async () => {
    const { dir } = storiesDir(1);
    expect(await runCli(['roundtrip', 'drafts'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: drafts: this is a folder, not an article\n',
    });
  });

  test('--jobs must be a positive whole number', async () => {
    const { dir, files } = storiesDir(1);
    for (const value of ['0', 'two', '-1']) {
      expect(await runCli(['roundtrip', '--jobs', value, ...files], { cwd: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr: `storyloc: error: Invalid value ${value} for --jobs: expected a positive whole number.\n`,
      });
    }
  });

  test('--help documents --verbose and --jobs in every UI language', async () => {
    const help = {
      en: '--verbose',
      it: 'stampa anche una riga per ogni file che torna identico',
      ko: '바이트 단위로 동일한 파일마다 한 줄씩도 출력',
    };
    for (const [lang, text] of Object.entries(help)) {
      const result = await runCli(['--ui-lang', lang, 'roundtrip', '--help'], { cwd: root });
      expect(result.stdout).toContain(text);
      expect(result.stdout).toContain('--jobs <n>');
    }
  });
});

describe('threads by default', () => {
  test('one per idle core beside this one, at most 4 and never more than the cores, from 64 files on', () => {
    // (files, cores, 1-minute load average) → threads
    const cases: Array<[number, number, number, number]> = [
      [63, 8, 0, 1],
      [64, 2, 0.1, 2],
      [2000, 2, 0.9, 2],
      [2000, 2, 1.6, 1],
      [2000, 2, 8.5, 1],
      [2000, 8, 0, 4],
      [2000, 8, 6.2, 3],
      [2000, 1, 0, 1],
    ];
    for (const [files, cores, load, threads] of cases)
      expect([files, cores, load, defaultJobs(files, cores, load)]).toEqual([files, cores, load, threads]);
  });
});

describe('storyloc roundtrip with worker threads (compiled binary)', () => {
  const binary = path.join(root, 'bin/storyloc.js');
  const run = (args: string[], cwd: string) => spawnSync('node', [binary, ...args], { cwd, encoding: 'utf8' });

  test('200 files with --jobs 2: every file, in order, as with one thread', () => {
    const { dir, files } = storiesDir(200);
    const parallel = run(['roundtrip', '--jobs', '2', '--verbose', ...files], dir);
    const single = run(['roundtrip', '--jobs', '1', '--verbose', ...files], dir);
    expect(parallel.status).toBe(0);
    const lines = parallel.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(201);
    expect(lines[137]).toBe('ok: drafts/story-137.md (7 segments) comes back byte for byte');
    expect(lines.at(-1)).toBe('200 of 200 files identical');
    expect([parallel.stdout, parallel.stderr]).toEqual([single.stdout, single.stderr]);
  }, 60_000);

  test('an unparsable file among 200: exit 2 naming it after the lines of the files before it', () => {
    const { dir, files } = storiesDir(200, 150);
    const result = run(['roundtrip', '--jobs', '2', '--verbose', ...files], dir);
    expect(result.status).toBe(2);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(150);
    expect(result.stderr).toBe(
      'storyloc: error: drafts/story-150.md:1:1: the front matter opened with --- is never closed (add a line with --- after it)\n',
    );
  }, 60_000);

  test('the worker checks every file it takes and sends errors with their code and position', async () => {
    const { dir, files } = storiesDir(20, 11);
    const next = new Int32Array(new SharedArrayBuffer(4));
    const workerData = {
      files,
      next,
      config: {
        paths: { articles: path.join(dir, 'articles') },
        frontMatterKeys: ['title'],
        limits: DEFAULT_ARTICLE_LIMITS,
      },
      options: { cwd: dir },
    };
    const worker = new Worker(path.join(root, 'dist/src/cli/commands/roundtrip-worker.js'), { workerData });
    const messages: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message) => messages.push(message));
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
    // chunks of 8 files from 0, then that no file is left
    expect(messages.map((message) => Object.keys(message as object).join())).toEqual([
      'start,results',
      'start,results',
      'start,results',
      'done',
    ]);
    const results = messages.flatMap((message) => (message as { results?: unknown[] }).results ?? []);
    expect(results).toHaveLength(20);
    expect(results[0]).toEqual({ ok: true, outcome: { kind: 'identical', segments: 7 } });
    expect(results[11]).toMatchObject({
      ok: false,
      error: {
        storyloc: {
          code: 'article.frontMatterUnterminated',
          position: { file: 'drafts/story-011.md', line: 1, column: 1 },
          exitCode: 2,
        },
      },
    });
    // three chunks taken, and the fourth claim that found no file left
    expect(next[0]).toBe(32);
  }, 60_000);

  test('an error that is not a StorylocError crosses as its message', () => {
    expect(toPortable({ ok: false, error: new RangeError('too deep') })).toMatchObject({
      ok: false,
      error: { message: 'too deep' },
    });
    const portable = toPortable({ ok: false, error: new StorylocError('article.empty', { file: 'a.md' }) });
    expect(portable).toMatchObject({ ok: false, error: { storyloc: { code: 'article.empty', exitCode: 2 } } });
  });
});
