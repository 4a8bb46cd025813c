/**
 * `storyloc check` end to end, in-process: exit codes (0 clean, 1 at or above --fail-on, 2 usage,
 * config or input errors), PATH selection, --to, --output, the config's severities.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { runCli } from '../support/run-cli.js';
import { loadCases, writeFixtureWorkspace } from '../support/check-fixtures.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'storyloc-check-cli-'));
  const wanted = new Set(['example-en', 'states', 'quotes', 'numbers-en']);
  writeFixtureWorkspace(
    root,
    loadCases().filter((fixture) => wanted.has(fixture.name)),
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const check = (...args: string[]) => runCli(['check', ...args], { cwd: root });
const files = (stdout: string): string[] =>
  [...new Set((JSON.parse(stdout) as { violations: Array<{ file: string }> }).violations.map((v) => v.file))].sort();

describe('exit codes', () => {
  test('0 for a clean translation', async () => {
    const result = await check('articles/en/queen-of-tears.md');
    expect(result).toEqual({ code: 0, stdout: 'no problems in 1 file\n', stderr: '' });
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

  test('input errors name the file once, then what is wrong', async () => {
    expect(await check('--target-only', '--lang', 'it', 'no-such-file.txt')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: no-such-file.txt: no such file\n',
    });
    expect(await check('--target-only', '--lang', 'it', 'output')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: output: is a folder: give files with --target-only\n',
    });
    expect(await check('--to', 'fr')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: --to: “fr” is not a target language of this workspace (it)\n',
    });
    expect(await check('--output', 'missing-folder/report.json', '--format', 'json')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: missing-folder/report.json: the report cannot be written (ENOENT)\n',
    });
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
    expect(files((await check('--format', 'json')).stdout)).toEqual([
      'output/it/en/numbers.md',
      'output/it/en/quotes.md',
      'output/it/en/states.md',
    ]);
    expect(files((await check('--format', 'json', 'articles/en/states.md')).stdout)).toEqual([
      'output/it/en/states.md',
    ]);
    expect(files((await check('--format', 'json', 'output/it/en/numbers.md')).stdout)).toEqual([
      'output/it/en/numbers.md',
    ]);
    expect(files((await check('--format', 'json', 'output/it/en/quotes.md.state.json')).stdout)).toEqual([
      'output/it/en/quotes.md',
    ]);
    expect(JSON.parse((await check('--format', 'json', '--to', 'it', 'output/it')).stdout).files).toHaveLength(4);
  });

  test('check.severities: a "publish only approved" policy and a rule turned off', async () => {
    const config = path.join(root, 'storyloc.config.yaml');
    const original = readFileSync(config, 'utf8');
    try {
      appendFileSync(
        config,
        'check:\n  severities:\n    not-approved: error\n    untranslated-segment: off\n    flagged-segment: off\n',
      );
      const result = await check('--format', 'json', 'articles/en/states.md');
      const report = JSON.parse(result.stdout) as {
        rules: Record<string, string>;
        violations: Array<{ rule: string; severity: string }>;
      };
      expect(result.code).toBe(1);
      expect(report.rules['not-approved']).toBe('error');
      expect(report.violations.map((v) => [v.rule, v.severity])).toEqual([
        ['not-approved', 'error'],
        ['not-approved', 'error'],
      ]);
    } finally {
      writeFileSync(config, original);
    }
  });

  test('--output writes the report to a file', async () => {
    const result = await check('--format', 'sarif', '--output', 'report.sarif', 'output/it/en/quotes.md');
    expect(result.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(path.join(root, 'report.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string }> }>;
    };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['quotes', 'quotes']);
  });

  test('from a subfolder the text report names files relative to it, as git does; json stays workspace-relative', async () => {
    const cwd = path.join(root, 'articles');
    const fromRoot = await check('output/it/en/numbers.md');
    const text = await runCli(['check', '../output/it/en/numbers.md'], { cwd });
    expect(text.code).toBe(1);
    expect(fromRoot.stdout.split('\n')[0]).toBe('output/it/en/numbers.md');
    expect(text.stdout.split('\n')[0]).toBe('../output/it/en/numbers.md');
    expect(text.stdout).toContain(
      '\n  ../output/it/en/numbers.md:15:7   error    numbers  3,000 is written the English way: in Italian write 3.000\n',
    );
    expect(fromRoot.stdout).toContain(
      '\n  output/it/en/numbers.md:15:7   error    numbers  3,000 is written the English way: in Italian write 3.000\n',
    );
    const json = await runCli(['check', '--format', 'json', '../output/it/en/numbers.md'], { cwd });
    expect(files(json.stdout)).toEqual(['output/it/en/numbers.md']);
  });

  test('messages follow the UI language', async () => {
    const result = await runCli(['check', '--ui-lang', 'it', 'output/it/en/quotes.md'], { cwd: root });
    expect(result.stdout).toContain('la virgoletta ” è rivolta dalla parte sbagliata: scrivi “');
  });
});

describe('every format of a real run is well formed', () => {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const readJson = (file: string): Record<string, unknown> =>
    JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

  test('json, junit, sarif and github describe the same violations, and validate', async () => {
    const json = JSON.parse((await check('--format', 'json')).stdout) as {
      summary: { errors: number; warnings: number };
      violations: Array<{ rule: string; severity: string; file: string; line: number; column: number }>;
    };
    const validateJson = new Ajv({ allErrors: true, strict: true }).compile(
      readJson(path.join(here, '../../docs/check-report.schema.json')),
    );
    expect(validateJson(json)).toBe(true);
    const keys = json.violations.map((v) => `${v.severity} ${v.rule} ${v.file}:${v.line}:${v.column}`);
    expect(keys.length).toBe(json.summary.errors + json.summary.warnings);
    expect(new Set(json.violations.map((v) => v.rule))).toEqual(
      new Set(['numbers', 'quotes', 'untranslated-segment', 'not-approved', 'flagged-segment']),
    );

    const sarif = JSON.parse((await check('--format', 'sarif')).stdout) as {
      runs: Array<{
        results: Array<{
          ruleId: string;
          level: string;
          locations: Array<{
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
          }>;
        }>;
      }>;
    };
    const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
      readJson(path.join(here, 'sarif-2.1.0-subset.schema.json')),
    );
    expect(validateSarif(sarif)).toBe(true);
    expect(
      sarif.runs[0]!.results.map((r) => {
        const at = r.locations[0]!.physicalLocation;
        return `${r.level} ${r.ruleId} ${at.artifactLocation.uri}:${at.region.startLine}:${at.region.startColumn}`;
      }),
    ).toEqual(keys);

    const junit = (await check('--format', 'junit')).stdout;
    expect(XMLValidator.validate(junit)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(junit) as {
      testsuites: {
        '@failures': string;
        testsuite: Array<{ '@name': string; testcase: Array<{ '@name': string; failure?: { '@type': string } }> }>;
      };
    };
    expect(Number(parsed.testsuites['@failures'])).toBe(keys.length);
    const failures = parsed.testsuites.testsuite.flatMap((suite) =>
      suite.testcase
        .filter((c) => c.failure)
        .map((c) => `${c.failure!['@type']} ${c['@name'].replace(' ', ` ${suite['@name']}:`)}`),
    );
    expect(failures).toEqual(keys);

    const github = (await check('--format', 'github')).stdout.split('\n').filter(Boolean);
    expect(
      github.map((line) => {
        const m =
          /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+)(?:,endLine=\d+,endColumn=\d+)?,title=([a-z-]+)::[^\r\n]*$/.exec(
            line,
          )!;
        return `${m[1]} ${m[5]} ${m[2]}:${m[3]}:${m[4]}`;
      }),
    ).toEqual(keys);
  });
});

describe('help', () => {
  test('the description starts with a capital like the other commands, in English and Italian', async () => {
    const english = await runCli(['check', '--help'], { cwd: root });
    expect(english.stdout.split('\n').slice(0, 3).join(' ')).toContain(
      ' Check translations against their sources, segment states and the glossary',
    );
    const italian = await runCli(['--ui-lang', 'it', 'check', '--help'], { cwd: root });
    expect(italian.stdout.split('\n').slice(0, 3).join(' ')).toContain(
      ' Controlla le traduzioni rispetto agli originali',
    );
  });
});
