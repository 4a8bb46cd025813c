/**
 * The external tools some tests need (Debian's Apertium, Chromium and xmllint), asked for in one place.
 *
 * A missing tool skips the tests that need it, visibly (a warning naming the tool and the test file, and
 * "SKIPPED: …" in the test names through `skipNote`); under `CI=true` a missing tool is an error thrown
 * while the test file loads, so the file fails and CI can never go green by skipping.
 */
import { existsSync } from 'node:fs';
import { expect } from '@jest/globals';
import { isCommandOnPath } from '../../src/engines/select.js';

export type Tool = 'apertium' | 'chromium' | 'xmllint';

/** Debian's Chromium, driven by playwright-core (no browser download) */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const installHints: Record<Tool, string> = {
  apertium: 'apt-get install apertium apertium-eng-spa apertium-spa-ita',
  chromium: 'apt-get install chromium',
  xmllint: 'apt-get install libxml2-utils',
};

export interface ToolProbe {
  env?: NodeJS.ProcessEnv;
  /** where the warning goes (default: console.warn) */
  warn?: (message: string) => void;
  /** who asks, for the warning (default: the test file jest runs) */
  requiredBy?: string;
}

function installed(tool: Tool, env: NodeJS.ProcessEnv): boolean {
  if (tool === 'chromium') return existsSync(CHROMIUM_PATH);
  return isCommandOnPath(tool, env);
}

/** Why tests needing `tool` do not run, e.g. "apertium is not installed (apt-get install …)". */
export function missingReason(tool: Tool): string {
  const what = tool === 'chromium' ? `${CHROMIUM_PATH} is` : `${tool} is`;
  return `${what} not installed (${installHints[tool]})`;
}

/**
 * Whether `tool` is installed. When it is not: under CI=true throws (the test file fails with the
 * reason); otherwise prints why the tests that need it are skipped and returns false.
 */
export function toolAvailable(tool: Tool, probe: ToolProbe = {}): boolean {
  const env = probe.env ?? process.env;
  if (installed(tool, env)) return true;
  const reason = missingReason(tool);
  if (env.CI === 'true') throw new Error(`CI=true: tests need ${tool} and may not skip: ${reason}`);
  const requiredBy = probe.requiredBy ?? expect.getState().testPath;
  (probe.warn ?? console.warn)(`SKIPPED${requiredBy ? ` in ${requiredBy}` : ''}: tests that need ${tool}: ${reason}`);
  return false;
}

/** " (SKIPPED: …)" for a test or describe name when `tool` is missing, "" when it is there */
export function skipNote(tool: Tool, available: boolean): string {
  return available ? '' : ` (SKIPPED: ${missingReason(tool)})`;
}
