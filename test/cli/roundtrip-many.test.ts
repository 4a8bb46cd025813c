/**
 * `storyloc roundtrip` over many files (issue 13): a summary and the differences by default, a line per file
 * under --verbose, the same output in file order when worker threads check the files (compiled binary,
 * `--jobs 2`), and the worker thread itself run on the compiled module (`--jobs` itself and the default
 * number of threads: test/cli/jobs.test.ts, test/io/shared-work.test.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { runCli } from '../support/run-cli.js';
import { ensureBuilt } from '../e2e/build.js';
import { DEFAULT_ARTICLE_LIMITS } from '../../src/config/load.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

afterAll(removeTempDirs);

const root = path.resolve(import.meta.dirname, '../..');
/** A module of the build (the worker threads run compiled code only). */
const compiled = (module: string): string => pathToFileURL(path.join(root, 'dist', 'src', module)).href;

beforeAll(() => ensureBuilt(), 120_000);

/** `count` stories `story-000.md`… (a title, a list and a quote each), one broken one where asked. */
function storiesDir(count: number, broken?: number): { dir: string; files: string[] } {
  const dir = tempDir('storyloc-roundtrip-');
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

  test('the compiled worker round trips every file it takes; an unparsable one is left for this thread', async () => {
    const { dir, files } = storiesDir(20, 11);
    const config = {
      paths: { articles: path.join(dir, 'articles') },
      frontMatterKeys: ['title'],
      limits: DEFAULT_ARTICLE_LIMITS,
    };
    const shared = (await import(compiled('io/shared-work.js'))) as typeof import('../../src/io/shared-work.js');
    const roundtrip = (await import(
      compiled('reassembly/roundtrip-files.js')
    )) as typeof import('../../src/reassembly/roundtrip-files.js');
    const results = await shared.workerResults(roundtrip.roundtripWork({ files, config, options: { cwd: dir } }));
    const identical = { kind: 'identical', segments: 7 };
    // undefined: failed in the worker, so this thread reads it again and raises its error in file order
    expect(results).toEqual(files.map((_, index) => (index === 11 ? undefined : identical)));
  }, 60_000);
});
