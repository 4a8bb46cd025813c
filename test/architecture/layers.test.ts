/**
 * The layer rules of .dependency-cruiser.cjs (docs/ARCHITECTURE.md): the source tree has zero violations,
 * and a fixture tree that breaks each rule is caught by it (so the rules cannot silently match nothing).
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../e2e/workspace.js';

const cruiser = path.join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = path.join(repoRoot, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(cwd: string): { violations: Violation[]; modules: number } {
  const run = spawnSync(process.execPath, [cruiser, 'src', '--config', config, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
  });
  if (run.stdout === '') throw new Error(`dependency-cruiser failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: result.summary.violations, modules: result.summary.totalCruised };
}

describe('layer rules', () => {
  test('src/ has no violation and no cycle', () => {
    const { violations, modules } = cruise(repoRoot);
    expect(violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)).toEqual([]);
    expect(modules).toBeGreaterThan(150);
  }, 60_000);

  test('each rule catches the fixture that breaks it', () => {
    const { violations } = cruise(path.join(repoRoot, 'test/fixtures/layers'));
    const found = violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`).sort();
    expect(found).toEqual([
      'check-never-translates: src/check/rule.ts → src/engines/engine.ts',
      'engines-know-no-terminal: src/engines/engine.ts → src/cli/context.ts',
      'no-folder-cycles: src/memory → src/text',
      'no-folder-cycles: src/text → src/memory',
      'no-module-cycles: src/memory/store.ts → src/text/words.ts',
      'only-cli-imports-cli: src/engines/engine.ts → src/cli/context.ts',
      'only-cli-imports-cli: src/queue/progress.ts → src/cli/context.ts',
      'text-and-segments-know-no-translation: src/text/words.ts → src/memory/store.ts',
    ]);
  }, 60_000);
});
