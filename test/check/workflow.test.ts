/** The CI workflow example parses and runs the commands this CLI really has, with flags it accepts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { reportFormats } from '../../src/check/reporters/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('translations.yml runs storyloc check with valid formats', () => {
  const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/translations.yml'), 'utf8')) as {
    on: Record<string, unknown>;
    jobs: { check: { steps: Array<{ run?: string; uses?: string }> } };
  };
  expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
  const commands = workflow.jobs.check.steps
    .flatMap((step) => (step.run ?? '').split('\n'))
    .filter((line) => line.includes('storyloc check'));
  expect(commands.length).toBe(3);
  const formats = commands.map((line) => /--format (\S+)/.exec(line)?.[1]);
  expect(formats).toEqual(['github', 'sarif', 'junit']);
  for (const format of formats) expect(reportFormats).toContain(format);
  expect(workflow.jobs.check.steps.map((step) => step.uses).filter(Boolean)).toEqual([
    'actions/checkout@v4',
    'actions/setup-node@v4',
    'github/codeql-action/upload-sarif@v3',
    'actions/upload-artifact@v4',
  ]);
});
