/**
 * Every finding of `storyloc check`, byte for byte, in every format: the reports of two workspaces are
 * compared with reports written by the check before it was made fast (issue 13 part 6), so a faster
 * locator or lazier messages cannot move, drop or reword a single finding.
 * - the labelled cases (test/fixtures/check/cases: every rule, spans, hand edits, output out of sync);
 * - the newsroom fixture plus the Markdown fixtures (front matter styles, nested containers, tables,
 *   inline markup, Korean quotes) translated with the pseudo engine: a finding on nearly every segment,
 *   nested ones (alt text, link titles) and front-matter values included.
 * The golden files were written once by the old code (set STORYLOC_WRITE_GOLDEN=1 to write them again,
 * only on purpose) and checked by hand at a sample of places (see the test names).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../support/run-cli.js';
import { fixturesDir, loadCases, writeFixtureWorkspace } from '../support/check-fixtures.js';

const goldenDir = path.join(fixturesDir, 'golden');
const formats = ['json', 'sarif', 'junit', 'github', 'text'] as const;
const extensions: Record<(typeof formats)[number], string> = {
  json: 'json',
  sarif: 'sarif.json',
  junit: 'junit.xml',
  github: 'github.txt',
  text: 'txt',
};

let casesRoot: string;
let pseudoRoot: string;

beforeAll(async () => {
  casesRoot = mkdtempSync(path.join(os.tmpdir(), 'storyloc-golden-cases-'));
  writeFixtureWorkspace(casesRoot, loadCases());
  pseudoRoot = mkdtempSync(path.join(os.tmpdir(), 'storyloc-golden-pseudo-'));
  const newsroom = path.join(fixturesDir, '..', 'workspaces', 'newsroom');
  cpSync(newsroom, pseudoRoot, { recursive: true });
  const markdown = path.join(fixturesDir, '..', 'markdown');
  for (const name of [
    'front-matter-styles',
    'inline-markup',
    'nested-containers',
    'tab-indentation',
    'tables-and-headings',
  ])
    cpSync(path.join(markdown, `${name}.md`), path.join(pseudoRoot, 'articles', 'en', `${name}.md`));
  mkdirSync(path.join(pseudoRoot, 'articles', 'ko'), { recursive: true });
  cpSync(path.join(markdown, 'korean-quotes.md'), path.join(pseudoRoot, 'articles', 'ko', 'korean-quotes.md'));
  const translated = await runCli(['translate', '--engine', 'pseudo'], { cwd: pseudoRoot, env: {} });
  if (translated.code !== 0) throw new Error(`pseudo translation failed: ${translated.stderr}`);
}, 60_000);

afterAll(() => {
  rmSync(casesRoot, { recursive: true, force: true });
  rmSync(pseudoRoot, { recursive: true, force: true });
});

async function report(root: string, format: (typeof formats)[number]): Promise<string> {
  const result = await runCli(['check', '--format', format], { cwd: root, env: {} });
  expect(result.stderr).toBe('');
  return result.stdout;
}

function golden(name: string, actual: string): string {
  const file = path.join(goldenDir, name);
  if (process.env.STORYLOC_WRITE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.STORYLOC_WRITE_GOLDEN !== '1') throw new Error(`missing golden file ${file}`);
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
  }
  return readFileSync(file, 'utf8');
}

describe.each([
  ['cases', () => casesRoot],
  ['pseudo', () => pseudoRoot],
])('the %s workspace', (name, root) => {
  test.each(formats)('--format %s is the report the old check wrote', async (format) => {
    const actual = await report(root(), format);
    expect(actual).toBe(golden(`${name}.${extensions[format]}`, actual));
  });
});

describe('the golden files say what a reviewer sees', () => {
  type Finding = { rule: string; file: string; line: number; column: number; endColumn?: number; message: string };
  const findings = (name: string): Finding[] =>
    (JSON.parse(readFileSync(path.join(goldenDir, `${name}.json`), 'utf8')) as { violations: Finding[] }).violations;

  test('a changed number is marked exactly in the output (numbers-en: 13 in place of 11)', () => {
    const outputPath = path.join(casesRoot, 'output', 'it', 'en', 'numbers.md');
    const lines = readFileSync(outputPath, 'utf8').split('\n');
    const marked = findings('cases').filter((v) => v.file === 'output/it/en/numbers.md' && v.endColumn !== undefined);
    expect(marked.length).toBeGreaterThan(0);
    for (const v of marked) {
      const text = lines[v.line - 1]!.slice(v.column - 1, v.endColumn! - 1);
      expect(v.message).toContain(text);
    }
  });

  test('every pseudo segment is one not-approved warning at the start of its text in the output', () => {
    const pseudo = findings('pseudo');
    expect(new Set(pseudo.map((v) => v.rule))).toEqual(new Set(['not-approved']));
    const outputPath = path.join(pseudoRoot, 'output', 'it', 'en', 'finale.md');
    const lines = readFileSync(outputPath, 'utf8').split('\n');
    const starts = pseudo
      .filter((v) => v.file === 'output/it/en/finale.md')
      .map((v) => lines[v.line - 1]!.slice(v.column - 1, v.column + 2));
    // pseudo text starts with an accented letter, a digit or an opening mark, never inside a word
    expect(starts.length).toBeGreaterThan(3);
    for (const start of starts) expect(start).toMatch(/^[^\s]/u);
  });
});
