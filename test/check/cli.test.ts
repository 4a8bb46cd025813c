/**
 * `storyloc check` end to end, in-process: exit codes (0 clean, 1 at or above --fail-on, 2 usage,
 * config or input errors), PATH selection, --to, --output, the config's severities.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../support/run-cli.js';
import { loadCases, writeFixtureWorkspace } from './fixture-workspace.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'storyloc-check-cli-'));
  const wanted = new Set(['example-en', 'states', 'quotes', 'numbers-en']);
  writeFixtureWorkspace(root, loadCases().filter((fixture) => wanted.has(fixture.name)));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const check = (...args: string[]) => runCli(['check', ...args], { cwd: root });
const files = (stdout: string): string[] => [...new Set((JSON.parse(stdout) as { violations: Array<{ file: string }> }).violations.map((v) => v.file))].sort();

describe('exit codes', () => {
  test('0 for a clean translation', async () => {
    const result = await check('articles/en/queen-of-tears.md');
    expect(result).toEqual({ code: 0, stdout: 'no problems in 1 file(s)\n', stderr: '' });
  });

  test('1 for errors; warnings alone pass unless --fail-on warning', async () => {
    expect((await check('output/it/en/numbers.md')).code).toBe(1);
    expect((await check('output/it/en/quotes.md')).code).toBe(0);
    expect((await check('--fail-on', 'warning', 'output/it/en/quotes.md')).code).toBe(1);
  });

  test('2 for usage and input errors, with a message and no report', async () => {
    for (const args of [
      ['--format', 'xml'],
      ['--fail-on', 'never'],
      ['--to', 'xx'],
      ['--to', 'fr'],
      ['articles/en/missing.md'],
      ['--target-only', 'output/it/en/quotes.md'],
      ['--target-only', '--lang', 'it'],
      ['--target-only', '--lang', 'it', 'no-such-file.txt'],
    ]) {
      const result = await check(...args);
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(result.stderr).not.toBe('');
    }
  });

  test('2 for an unknown rule in check.severities', async () => {
    const config = path.join(root, 'storyloc.config.yaml');
    const original = readFileSync(config, 'utf8');
    try {
      appendFileSync(config, 'check:\n  severities:\n    spelling: error\n');
      const result = await check();
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('unknown rule “spelling” in check.severities');
    } finally {
      writeFileSync(config, original);
    }
  });

  test('2 outside a workspace', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'storyloc-no-workspace-'));
    try {
      expect((await runCli(['check'], { cwd: empty })).code).toBe(2);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('what is checked', () => {
  test('the whole workspace by default; PATH as a source article, an output file, a state file or a folder', async () => {
    expect(files((await check('--format', 'json')).stdout)).toEqual(['output/it/en/numbers.md', 'output/it/en/quotes.md', 'output/it/en/states.md']);
    expect(files((await check('--format', 'json', 'articles/en/states.md')).stdout)).toEqual(['output/it/en/states.md']);
    expect(files((await check('--format', 'json', 'output/it/en/numbers.md')).stdout)).toEqual(['output/it/en/numbers.md']);
    expect(files((await check('--format', 'json', 'output/it/en/quotes.md.state.json')).stdout)).toEqual(['output/it/en/quotes.md']);
    expect(JSON.parse((await check('--format', 'json', '--to', 'it', 'output/it')).stdout).files).toHaveLength(4);
  });

  test('check.severities: a "publish only approved" policy and a rule turned off', async () => {
    const config = path.join(root, 'storyloc.config.yaml');
    const original = readFileSync(config, 'utf8');
    try {
      appendFileSync(config, 'check:\n  severities:\n    not-approved: error\n    untranslated-segment: off\n    flagged-segment: off\n');
      const result = await check('--format', 'json', 'articles/en/states.md');
      const report = JSON.parse(result.stdout) as { rules: Record<string, string>; violations: Array<{ rule: string; severity: string }> };
      expect(result.code).toBe(1);
      expect(report.rules['not-approved']).toBe('error');
      expect(report.violations.map((v) => [v.rule, v.severity])).toEqual([['not-approved', 'error'], ['not-approved', 'error']]);
    } finally {
      writeFileSync(config, original);
    }
  });

  test('--output writes the report to a file', async () => {
    const result = await check('--format', 'sarif', '--output', 'report.sarif', 'output/it/en/quotes.md');
    expect(result.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(path.join(root, 'report.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['quotes', 'quotes']);
  });

  test('messages follow the UI language', async () => {
    const result = await runCli(['check', '--ui-lang', 'it', 'output/it/en/quotes.md'], { cwd: root });
    expect(result.stdout).toContain('la virgoletta ” è rivolta dalla parte sbagliata: scrivi “');
  });
});
