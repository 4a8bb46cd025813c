/** `storyloc init`: what it writes, that it never overwrites, the GitHub workflow, `--version`. */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { reportFormats } from '../../src/check/reporters/index.js';
import { parseTermbaseTexts } from '../../src/glossary/load.js';
import { lintTermbase } from '../../src/glossary/lint.js';
import { schemaReference } from '../../src/workspace/init.js';
import { runCli } from '../support/run-cli.js';
import { packedFiles } from '../support/short-stories.js';
import { repoRoot } from '../e2e/workspace.js';

const env = { LANG: 'en_US.UTF-8' };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('storyloc init', () => {
  test('the config it writes is valid, commented, and has the languages asked for', async () => {
    const result = await runCli(['init', 'newsroom', '--from', 'ko,en', '--to', 'it'], { cwd: dir, env });
    expect(result.code).toBe(0);
    const file = path.join(dir, 'newsroom', 'storyloc.config.yaml');
    const text = readFileSync(file, 'utf8');
    const config = parseConfig(text, file, path.join(dir, 'newsroom'));
    expect(config.sourceLanguages).toEqual(['ko', 'en']);
    expect(config.targetLanguages).toEqual(['it']);
    expect(config.engine.default).toBe('auto');
    expect(text.split('\n').filter((line) => line.trimStart().startsWith('#')).length).toBe(8);
    // the commented-out block is valid config once uncommented
    const uncommented = text.replace(/^# (check:| {2}severities:| {4}not-approved: error)$/gm, '$1');
    expect(parseConfig(uncommented, file, path.join(dir, 'newsroom')).check.severities).toEqual({
      'not-approved': 'error',
    });
    for (const folder of ['articles/ko', 'articles/en', 'glossary', 'output'])
      expect(existsSync(path.join(dir, 'newsroom', folder))).toBe(true);
    // the next commands name the workspace, since it is not the current folder
    expect(result.stdout.split('\n').slice(-4)).toEqual([
      '  storyloc doctor --workspace newsroom',
      '  storyloc translate --workspace newsroom',
      '  storyloc review --workspace newsroom',
      '',
    ]);
  });

  test('the example glossary entry lints clean for the chosen languages and carries the schema comment', async () => {
    await runCli(['init', '--from', 'ko', '--to', 'it,en'], { cwd: dir, env });
    const file = path.join(dir, 'glossary', 'terms.yaml');
    const text = readFileSync(file, 'utf8');
    expect(
      text.startsWith('# yaml-language-server: $schema=../node_modules/storyloc/schemas/glossary.schema.json\n'),
    ).toBe(true);
    const loaded = parseTermbaseTexts([{ file, text }]);
    expect(loaded.problems).toEqual([]);
    expect(
      lintTermbase(loaded.termbase, {
        sourceLanguages: ['ko'],
        targetLanguages: ['it', 'en'],
        positions: loaded.positions,
      }),
    ).toEqual([]);
    expect(loaded.termbase.entries.map((entry) => [entry.id, entry.forms])).toEqual([
      ['example-news', { ko: 'Example News' }],
    ]);
  });

  test('the schema reference points into the package when storyloc is installed in the workspace', () => {
    const workspace = path.join(dir, 'ws');
    const schema = path.join(workspace, 'node_modules', 'storyloc', 'schemas', 'glossary.schema.json');
    expect(schemaReference(path.join(workspace, 'glossary'), workspace, schema)).toBe(
      '../node_modules/storyloc/schemas/glossary.schema.json',
    );
    expect(
      schemaReference(
        path.join(workspace, 'glossary'),
        workspace,
        path.join(repoRoot, 'schemas', 'glossary.schema.json'),
      ),
    ).toBe('../node_modules/storyloc/schemas/glossary.schema.json');
  });

  test('never overwrites: an existing file is listed, nothing is written, exit 2', async () => {
    mkdirSync(path.join(dir, 'glossary'));
    writeFileSync(path.join(dir, 'glossary', 'terms.yaml'), 'mine\n');
    const result = await runCli(['init'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'storyloc: error: storyloc init writes no file that exists already, and this one does (nothing was written; move it away or init another folder):\n  glossary/terms.yaml\n',
    );
    expect(result.stdout).toBe('');
    expect(existsSync(path.join(dir, 'storyloc.config.yaml'))).toBe(false);
    expect(existsSync(path.join(dir, '.gitignore'))).toBe(false);
    expect(readFileSync(path.join(dir, 'glossary', 'terms.yaml'), 'utf8')).toBe('mine\n');
  });

  test('a second init in the same folder refuses and lists every file it would write', async () => {
    expect((await runCli(['init', '--ci', 'github'], { cwd: dir, env })).code).toBe(0);
    const again = await runCli(['init', '--ci', 'github'], { cwd: dir, env });
    expect(again.code).toBe(2);
    expect(again.stderr.split('\n').slice(1)).toEqual([
      '  storyloc.config.yaml',
      '  glossary/terms.yaml',
      '  .github/workflows/storyloc.yml',
      '',
    ]);
  });

  test("an existing .gitignore keeps its lines and gets storyloc's appended once", async () => {
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/');
    const result = await runCli(['init'], { cwd: dir, env });
    expect(result.stdout).toContain('  .gitignore (lines added)\n');
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe(
      'node_modules/\n\n# storyloc: the lock, caches and source snapshots of this machine\n/.storyloc/\n',
    );
  });

  test('bad languages are usage errors: unknown code, the same language on both sides', async () => {
    const unknown = await runCli(['init', '--from', 'en,xx'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--from: "xx" is not a supported language');
    const same = await runCli(['init', '--from', 'en', '--to', 'en'], { cwd: dir, env });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('"en" is both a source and a target language');
    expect(existsSync(path.join(dir, 'storyloc.config.yaml'))).toBe(false);
  });

  test('--ci github: a workflow with check annotations, the SARIF upload and the review comment on PRs touching articles/ or output/', async () => {
    const result = await runCli(['init', '--ci', 'github'], { cwd: dir, env });
    expect(result.stdout).toContain('  .github/workflows/storyloc.yml\n');
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/storyloc.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: { check: { steps: Array<{ run?: string; uses?: string; if?: string }> } };
    };
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write', 'pull-requests': 'write' });
    const steps = workflow.jobs.check.steps;
    const commands = steps
      .flatMap((step) => (step.run ?? '').split('\n'))
      .filter((line) => line.includes('npx storyloc'));
    expect(commands).toEqual([
      'npx storyloc check --format github --fail-on error',
      'npx storyloc check --format sarif --output storyloc-check.sarif || test $? -eq 1',
      'npx storyloc review --format markdown > storyloc-review.md',
    ]);
    for (const line of commands.slice(0, 2)) expect(reportFormats).toContain(/--format (\S+)/.exec(line)![1]);
    expect(steps.map((step) => step.uses).filter(Boolean)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'github/codeql-action/upload-sarif@v3',
    ]);
    const comment = steps.find((step) => step.run?.includes('gh pr comment'))!;
    expect(comment.if).toBe("always() && github.event_name == 'pull_request'");
    expect(comment.run!.split('\n')[0]).toBe('if git diff --quiet "$BASE" HEAD -- articles output; then exit 0; fi');
  });

  test('every storyloc command of the workflow runs in the new workspace with the flags it has', async () => {
    await runCli(['init', '--from', 'en', '--ci', 'github'], { cwd: dir, env });
    const text = readFileSync(path.join(dir, '.github/workflows/storyloc.yml'), 'utf8');
    const lines = [...text.matchAll(/npx storyloc ([^|>\n]+)/g)].map((match) => match[1]!.trim().split(/\s+/));
    expect(lines.length).toBe(3);
    for (const argv of lines) {
      const result = await runCli(argv, { cwd: dir, env });
      expect([result.code, result.stderr]).toEqual([0, '']);
    }
    expect(existsSync(path.join(dir, 'storyloc-check.sarif'))).toBe(true);
  });
});

describe('storyloc --version', () => {
  const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
  test('the installed launcher answers --version and -V from package.json alone', async () => {
    const { spawnSync } = await import('node:child_process');
    const { cliEntry, ensureBuilt } = await import('../e2e/build.js');
    ensureBuilt();
    for (const flag of ['--version', '-V']) {
      const result = spawnSync(process.execPath, [cliEntry, flag], { cwd: dir, encoding: 'utf8' });
      expect([result.status, result.stdout, result.stderr]).toEqual([0, `${version}\n`, '']);
    }
  });
  test.each([['--version'], ['-V']])('%s prints the package.json version', async (flag) => {
    const result = await runCli([flag], { cwd: dir, env });
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('the packed package', () => {
  test('ships the schema the glossary comment of init points at, and the launcher', async () => {
    // offline and without the build: only the file list `npm pack` would use (package.json `files`)
    const shipped = new Set(packedFiles());
    await runCli(['init'], { cwd: dir, env });
    const reference = /\$schema=\.\.\/node_modules\/storyloc\/(\S+)/.exec(
      readFileSync(path.join(dir, 'glossary/terms.yaml'), 'utf8'),
    )![1]!;
    expect(reference).toBe('schemas/glossary.schema.json');
    expect(shipped.has(reference)).toBe(true);
    expect(shipped.has('bin/storyloc.js')).toBe(true);
  });
});
