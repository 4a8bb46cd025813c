/**
 * The labelled fixture set (test/fixtures/check/cases): translations with seeded violations and with
 * traps (decimal commas, date formats, short forms of names, terms inside URLs and code spans,
 * apostrophes, articulated prepositions, sentence-start capitals). The check runs over all of them at
 * once, as `storyloc check` would over a workspace; precision and recall over (file, rule, line) must
 * both be exactly 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../src/config/load.js';
import { checkWorkspace } from '../../src/check/workspace.js';
import type { CheckReport } from '../../src/check/types.js';
import { loadCases, writeFixtureWorkspace, type FixtureCase } from './fixture-workspace.js';

let root: string;
let cases: FixtureCase[];
let report: CheckReport;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'storyloc-check-fixtures-'));
  cases = loadCases();
  writeFixtureWorkspace(root, cases);
  report = checkWorkspace({ config: loadConfig({ workspace: root }), cwd: root });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function outputFile(fixture: FixtureCase): string {
  return `output/it/${fixture.article}`;
}

/** `file rule line` keys */
function expectedKeys(fixture: FixtureCase): string[] {
  return fixture.expected.map((item) => `${item.in === 'source' ? `articles/${fixture.article}` : outputFile(fixture)} ${item.rule} ${item.line}`);
}

describe('labelled fixture set', () => {
  test('every case reports exactly its labels', () => {
    for (const fixture of cases) {
      const files = new Set([outputFile(fixture), `articles/${fixture.article}`]);
      const found = report.violations.filter((v) => files.has(v.file)).map((v) => `${v.file} ${v.rule} ${v.line}`);
      expect({ case: fixture.name, found: found.sort() }).toEqual({ case: fixture.name, found: expectedKeys(fixture).sort() });
    }
  });

  test('precision and recall are both 1.0', () => {
    const expected = cases.flatMap(expectedKeys);
    const found = report.violations.map((v) => `${v.file} ${v.rule} ${v.line}`);
    const remaining = [...expected];
    let truePositives = 0;
    for (const key of found) {
      const index = remaining.indexOf(key);
      if (index >= 0) {
        remaining.splice(index, 1);
        truePositives++;
      }
    }
    const precision = found.length === 0 ? 1 : truePositives / found.length;
    const recall = expected.length === 0 ? 1 : truePositives / expected.length;
    process.stdout.write(`check fixtures: ${cases.length} cases, ${expected.length} labelled violations, ${found.length} reported; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n`);
    expect(expected.length).toBeGreaterThanOrEqual(20);
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 });
  });
});
