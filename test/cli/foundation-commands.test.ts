import { afterAll, describe, expect, test } from '@jest/globals';
import { writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from '../support/run-cli.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

afterAll(removeTempDirs);

const root = path.resolve(import.meta.dirname, '../..');

describe('storyloc segment', () => {
  test('--json prints id, kind, line and text for every segment', async () => {
    const result = await runCli(['segment', 'articles/en/queen-of-tears.md', '--json'], { cwd: root });
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<{ id: string; kind: string; line: number; text: string }>;
    expect(rows).toHaveLength(28);
    expect(rows[0]).toMatchObject({
      kind: 'title',
      line: 2,
      text: '“Queen of Tears” Kim Soo-hyun keeps stroking Kim Ji-won’s head after the cut',
    });
    expect(rows.filter((row) => row.kind === 'tableCell')).toHaveLength(6);
    expect(rows.every((row) => /^[a-z]+-[0-9a-f]{12}(-\d+)?$/.test(row.id))).toBe(true);
  });

  test('a binary file: exit 2, the file and position, no stack trace', async () => {
    const dir = tempDir('storyloc-cli-');
    writeFileSync(
      path.join(dir, 'photo.md'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    );
    const result = await runCli(['segment', 'photo.md'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: photo.md:3:1: this is a binary file (it contains a NUL byte), not a Markdown article\n',
    });
  });

  test('an unknown language code', async () => {
    const result = await runCli(['segment', 'articles/en/queen-of-tears.md', '--lang', 'xx'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown source language "xx"');
  });

  test('messages follow --ui-lang', async () => {
    const result = await runCli(['segment', 'missing.md', '--ui-lang', 'it'], { cwd: root });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'storyloc: errore: missing.md: il file non esiste\n' });
  });
});

describe('storyloc roundtrip', () => {
  test('exit 0 when every file comes back byte for byte', async () => {
    const result = await runCli(
      [
        'roundtrip',
        'articles/en/queen-of-tears.md',
        'articles/ko/queen-of-tears.md',
        'test/fixtures/seeds/queen-of-tears.it.txt',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('3 of 3 files identical');
  });

  test('exit 2 and a clear message for front matter that is never closed', async () => {
    const dir = tempDir('storyloc-cli-');
    writeFileSync(path.join(dir, 'draft.md'), '---\ntitle: Draft\n\nBody.\n');
    const result = await runCli(['roundtrip', 'draft.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'storyloc: error: draft.md:1:1: the front matter opened with --- is never closed (add a line with --- after it)\n',
    );
    expect(readdirSync(dir)).toEqual(['draft.md']);
  });
});

describe('the compiled binary', () => {
  test('storyloc --help lists the commands; <command> --help lists options', () => {
    // dist/ is built by `npm test` (and by `prepare` on npm ci) before jest runs
    const help = spawnSync('node', ['bin/storyloc.js', '--help'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    expect(help.status).toBe(0);
    for (const command of ['segment', 'roundtrip']) expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    const segmentHelp = spawnSync('node', ['bin/storyloc.js', 'segment', '--help'], { cwd: root, encoding: 'utf8' });
    expect(segmentHelp.stdout).toContain('--json');
    const usage = spawnSync('node', ['bin/storyloc.js', 'no-such-command'], { cwd: root, encoding: 'utf8' });
    expect(usage.status).toBe(2);
  }, 60_000);
});

describe('commander texts go through i18next too', () => {
  test('usage errors and help headings in the UI language', async () => {
    const unknown = await runCli(['--ui-lang', 'it', 'translate', '--bogus'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe(
      'storyloc: errore: opzione sconosciuta --bogus; vedi --help del comando',
    );
    const choice = await runCli(['check', '--format', 'xml'], { cwd: root });
    expect(choice.stderr.split('\n')[0]).toBe(
      'storyloc: error: option --format <format>: "xml" is not one of text, json, junit, github, sarif',
    );
    const typo = await runCli(['segmnt'], { cwd: root });
    expect(typo.stderr.split('\n')[0]).toBe(
      'storyloc: error: unknown command segmnt; see --help (did you mean segment?)',
    );
    const help = await runCli(['--ui-lang', 'ko', 'segment', '--help'], { cwd: root });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^사용법: storyloc segment \[options\] <file>$/m);
    expect(help.stdout).toContain('\n옵션:\n');
    expect(help.stdout).toContain('명령의 도움말 표시');
  });
});
