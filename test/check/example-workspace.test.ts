/**
 * What CI runs (.ci/run): the example workspace translated with the pseudo engine, then
 * `storyloc check --format github` must exit 0: a pseudo translation carries every glossary term,
 * number, tag and quotation mark through the pipeline, so only warnings (not approved) remain.
 * Runs on a copy, so the repository's output/ is never touched.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from '@jest/globals';
import { runCli } from '../support/run-cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const root = mkdtempSync(path.join(os.tmpdir(), 'storyloc-check-example-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the example workspace after a pseudo translation passes storyloc check --format github', async () => {
  for (const item of ['articles', 'glossary', 'storyloc.config.yaml'])
    cpSync(path.join(repoRoot, item), path.join(root, item), { recursive: true });
  const translated = await runCli(['translate', '--engine', 'pseudo'], { cwd: root, env: {} });
  expect(translated.code).toBe(0);
  const checked = await runCli(['check', '--workspace', '.', '--format', 'github'], { cwd: root, env: {} });
  const lines = checked.stdout.split('\n').filter(Boolean);
  expect(lines.filter((line) => !line.startsWith('::warning '))).toEqual([]);
  expect(new Set(lines.map((line) => /title=([^:]+)::/.exec(line)?.[1]))).toEqual(new Set(['not-approved']));
  expect(checked.code).toBe(0);
  // a newsroom that publishes only approved text: the same run fails
  const strict = await runCli(['check', '--workspace', '.', '--fail-on', 'warning'], { cwd: root, env: {} });
  expect(strict.code).toBe(1);
}, 30_000);
