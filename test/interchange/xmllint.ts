/** Validation of exports with xmllint against the official schemas in ../shared/schemas (skipped visibly when missing). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../e2e/workspace.js';

export const schemasDir = path.resolve(repoRoot, '..', 'shared', 'schemas');

export function xmllintAvailable(): boolean {
  const found = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0 && existsSync(schemasDir);
  if (!found) console.warn(`skipped: xmllint or ${schemasDir} not available, exports not validated against the schemas`);
  return found;
}

/** xmllint's verdict: `ok` or its error output. */
export function validate(text: string, kind: 'xliff' | 'tmx'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-xmllint-'));
  try {
    const file = path.join(dir, kind === 'xliff' ? 'export.xlf' : 'export.tmx');
    writeFileSync(file, text);
    const args = kind === 'xliff'
      ? ['--noout', '--schema', path.join(schemasDir, 'xliff-core-1.2-strict.xsd'), file]
      : ['--noout', '--dtdvalid', path.join(schemasDir, 'tmx14.dtd'), file];
    const result = spawnSync('xmllint', args, { encoding: 'utf8' });
    return result.status === 0 ? 'ok' : result.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
