/**
 * Validation of exports with xmllint against the official schemas, kept in test/fixtures/schemas so a bare
 * clone validates too; skipped visibly without xmllint, a failure under CI=true (test/support/tools.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../e2e/workspace.js';
import { toolAvailable } from '../support/tools.js';

export const schemasDir = path.join(repoRoot, 'test', 'fixtures', 'schemas');

export function xmllintAvailable(): boolean {
  if (!existsSync(path.join(schemasDir, 'xliff-core-1.2-strict.xsd')))
    throw new Error(`the schemas are missing from ${schemasDir}`);
  return toolAvailable('xmllint');
}

/** xmllint's verdict: `ok` or its error output. */
export function validate(text: string, kind: 'xliff' | 'tmx'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-xmllint-'));
  try {
    const file = path.join(dir, kind === 'xliff' ? 'export.xlf' : 'export.tmx');
    writeFileSync(file, text);
    const args =
      kind === 'xliff'
        ? ['--noout', '--schema', path.join(schemasDir, 'xliff-core-1.2-strict.xsd'), file]
        : ['--noout', '--dtdvalid', path.join(schemasDir, 'tmx14.dtd'), file];
    const result = spawnSync('xmllint', args, { encoding: 'utf8' });
    return result.status === 0 ? 'ok' : result.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
