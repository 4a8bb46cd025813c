/**
 * Issue 17's "done when": a newsroom starts from an empty git repository and reaches a clean check,
 * through the CLI only, with the commands the README's "Start your own workspace" section lists.
 * The review comment is compared with a golden file: `UPDATE=1` rewrites it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isCommandOnPath } from '../../src/engines/select.js';
import { runCli } from '../support/run-cli.js';
import { repoRoot } from '../e2e/workspace.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'adoption');
const hasApertium = isCommandOnPath('apertium');
const env = { LANG: 'en_US.UTF-8', PATH: process.env.PATH ?? '' };
let dir: string;
/** every storyloc command the newsroom's steps ran, as typed (the README lists exactly these) */
const ran: string[][] = [];
const step = (argv: string[]) => {
  ran.push(argv);
  return runCli(argv, { cwd: dir, env });
};

/** The `npx storyloc …` lines of the README's "Start your own workspace" block, split as a shell would. */
function readmeCommands(): string[][] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Start your own workspace'));
  const block = section.slice(section.indexOf('```sh\n') + 6, section.indexOf('```\n', section.indexOf('```sh\n') + 6));
  return block
    .split('\n')
    .filter((line) => line.startsWith('npx storyloc '))
    .map((line) =>
      [
        ...line
          .replace(/\s+#.*$/, '')
          .slice('npx storyloc '.length)
          .matchAll(/"([^"]*)"|(\S+)/g),
      ].map((match) => match[1] ?? match[2]!),
    );
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-adopt-'));
  execFileSync('git', ['init', '-q', dir]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compares with the golden file, or rewrites it under UPDATE=1. */
function expectGolden(name: string, actual: string): void {
  const file = path.join(fixtures, name);
  if (process.env.UPDATE === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('a newsroom starts its own workspace', () => {
  test('init writes the workspace and prints the next three commands', async () => {
    const result = await step(['init', '--from', 'en', '--to', 'it']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Created a storyloc workspace in .:',
        '  storyloc.config.yaml',
        '  glossary/terms.yaml',
        '  articles/en/',
        '  glossary/',
        '  output/',
        '  .gitignore (created)',
        '',
        'Next: put a Markdown story in articles/en/, then run',
        '  storyloc doctor',
        '  storyloc translate',
        '  storyloc review',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe(
      '# storyloc: the lock, caches and source snapshots of this machine\n/.storyloc/\n',
    );
    expect(readFileSync(path.join(dir, 'glossary/terms.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/storyloc/schemas/glossary.schema.json',
    );
  });

  test('a story and a term added with glossary add', async () => {
    copyFileSync(path.join(fixtures, 'harbour-festival.md'), path.join(dir, 'articles/en/harbour-festival.md'));
    const added = await step([
      'glossary',
      'add',
      '--id',
      'harbour-festival',
      '--type',
      'term',
      '--form',
      'en=Harbour Festival',
      '--form',
      'it=Festa del Porto',
      '--note',
      'The yearly festival on the old pier.',
    ]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe(
      'Added harbour-festival at glossary/terms.yaml:13.\nNo translated segment becomes stale.\n',
    );
    expect(added.code).toBe(0);
    expect(readFileSync(path.join(dir, 'glossary/terms.yaml'), 'utf8')).toContain(
      '\n  - id: harbour-festival\n    type: term\n    forms:\n      en: Harbour Festival\n      it: Festa del Porto\n    note: The yearly festival on the old pier.\n',
    );
  });

  test('translate with the pseudo engine, review as a PR comment (golden), approve, check', async () => {
    const translated = await step(['translate', '--engine', 'pseudo']);
    expect(translated.code).toBe(0);
    const review = await step(['review', '--format', 'markdown']);
    expect(review.code).toBe(0);
    expectGolden('review.md', review.stdout);
    const approved = await step(['approve', 'articles/en/harbour-festival.md', '--all', '--by', 'Ada']);
    expect(approved.code).toBe(0);
    const check = await step(['check']);
    expect(check.stdout).toBe('no problems in 1 file\n');
    expect(check.code).toBe(0);
  });

  test('a term added after approval: glossary add names the stale segments; the PR comment shows the change word by word', async () => {
    const added = await runCli(
      [
        'glossary',
        'add',
        '--id',
        'night-market',
        '--type',
        'place',
        '--form',
        'en=night market',
        '--form',
        'it=mercato notturno',
        '--file',
        '../glossary/terms.yaml',
      ],
      {
        cwd: path.join(dir, 'articles'),
        env,
      },
    );
    expect(added.stdout).toBe(
      [
        'Added night-market at ../glossary/terms.yaml:20.',
        '2 translated segments become stale, in 1 story:',
        '  en/harbour-festival.md → it: 2 segments',
        'The next storyloc translate translates them again and keeps the old text for review.',
        '',
      ].join('\n'),
    );
    expect(added.code).toBe(0);
    expect((await runCli(['translate', '--engine', 'pseudo'], { cwd: dir, env })).code).toBe(0);
    const review = await runCli(['review', '--format', 'markdown'], { cwd: dir, env });
    expectGolden('review-after-term.md', review.stdout);
    const json = JSON.parse((await runCli(['review', '--format', 'json'], { cwd: dir, env })).stdout) as {
      waiting: number;
      articles: Array<{ counts: Record<string, number>; waiting: Array<{ id: string; state: string }> }>;
    };
    expect(json.waiting).toBe(2);
    expect(json.articles[0]!.counts).toEqual({
      untranslated: 0,
      machine: 0,
      edited: 0,
      approved: 4,
      rejected: 0,
      stale: 2,
    });
  });

  if (hasApertium) {
    test('doctor with Apertium: the default engine (auto) is Apertium and can run: exit 0', async () => {
      const result = await step(['doctor']);
      expect(result.stdout).toContain('  ✓ apertium: can translate en→it\n');
      expect(result.stdout).toContain(
        'Default engine: apertium (no DEEPL_AUTH_KEY set; apertium installed): it can run.\n',
      );
      expect(result.code).toBe(0);
    });
  } else {
    test(`doctor with Apertium (SKIPPED: apertium is not installed${process.env.CI === 'true' ? '; required under CI' : ''})`, () => {
      if (process.env.CI === 'true') throw new Error('apertium is not installed, and CI=true requires it');
    });
  }

  test('doctor without Apertium (engine.apertium.command names a missing binary): exit 1 with the fix', async () => {
    const config = path.join(dir, 'storyloc.config.yaml');
    const before = readFileSync(config, 'utf8');
    writeFileSync(config, before.replace('    command: apertium\n', '    command: /nonexistent/bin/apertium\n'));
    try {
      const result = await runCli(['doctor'], { cwd: dir, env });
      expect(result.stdout).toContain('  ✗ apertium: not installed (command "/nonexistent/bin/apertium" not found)\n');
      expect(result.stdout).toContain(
        'Default engine: none (no DEEPL_AUTH_KEY set; apertium not installed): it cannot run; see the fixes above.\n',
      );
      expect(result.code).toBe(1);
    } finally {
      writeFileSync(config, before);
    }
    expect(existsSync(path.join(dir, '.storyloc'))).toBe(true);
  });

  test('the README\'s "Start your own workspace" lists exactly the commands run here', () => {
    if (!hasApertium) ran.push(['doctor']);
    expect(readmeCommands()).toEqual(ran);
  });
});
