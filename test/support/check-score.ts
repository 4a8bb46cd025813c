/**
 * The score of `storyloc check` on its labelled fixtures (test/fixtures/check): the workspace cases
 * (cases/*.yaml, written into a real workspace) and the target-only files (target-only/labels.yaml),
 * checked as the CLI checks them. Used by the fixtures test (which asserts 1.0/1.0) and by `npm run
 * bench` (check_precision, check_recall).
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig, loadConfig } from '../../src/config/load.js';
import { checkTargetOnly } from '../../src/check/target-only.js';
import { checkWorkspace, loadCheckGlossary } from '../../src/check/workspace.js';
import type { Violation } from '../../src/check/types.js';
import {
  fixturesDir,
  loadCases,
  loadTargetOnlyLabels,
  score,
  writeFixtureWorkspace,
  type FixtureCase,
  type FixtureScore,
} from './check-fixtures.js';

export interface LabelledRun {
  score: FixtureScore;
  /** per case (workspace case name or target-only file): expected and found `file rule line` keys, sorted */
  byCase: Array<{ name: string; expected: string[]; found: string[] }>;
}

const key = (v: Violation): string => `${v.file} ${v.rule} ${v.line}`;

function expectedKeys(fixture: FixtureCase): string[] {
  return fixture.expected.map(
    (item) =>
      `${item.in === 'source' ? `articles/${fixture.article}` : `output/it/${fixture.article}`} ${item.rule} ${item.line}`,
  );
}

export function runLabelledFixtures(): LabelledRun {
  const root = mkdtempSync(path.join(os.tmpdir(), 'storyloc-check-labelled-'));
  try {
    const cases = loadCases();
    writeFixtureWorkspace(root, cases);
    const config = loadConfig({ workspace: root });
    const report = checkWorkspace({ config, cwd: root });
    const byCase = cases.map((fixture) => {
      const files = new Set([`output/it/${fixture.article}`, `articles/${fixture.article}`]);
      return {
        name: fixture.name,
        expected: expectedKeys(fixture).sort(),
        found: report.violations
          .filter((v) => files.has(v.file))
          .map(key)
          .sort(),
      };
    });
    const found = report.violations.map(key);
    // target-only files, copied beside the fixture workspace and checked with its glossary
    const labels = loadTargetOnlyLabels();
    const glossary = loadCheckGlossary(config);
    for (const name of readdirSync(path.join(fixturesDir, 'target-only')))
      if (name !== 'labels.yaml') {
        copyFileSync(path.join(fixturesDir, 'target-only', name), path.join(root, name));
      }
    for (const { file, expected } of labels.files) {
      const violations = checkTargetOnly({
        config: defaultConfig(root),
        cwd: root,
        files: [file],
        lang: 'it',
        glossary,
      }).violations;
      byCase.push({
        name: file,
        expected: expected.map((item) => `${file} ${item.rule} ${item.line}`).sort(),
        found: violations.map(key).sort(),
      });
      found.push(...violations.map(key));
    }
    const expected = byCase.flatMap((item) => item.expected);
    return { score: score(expected, found, byCase.length), byCase };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
