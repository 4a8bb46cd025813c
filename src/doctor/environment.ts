/**
 * The machine-level checks of `storyloc doctor`: the Node.js version against package.json `engines`,
 * and the Chromium the review page is tested in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isCommandOnPath } from '../engines/select.js';
import { packageRoot } from '../package-info.js';
import type { DoctorFinding } from './types.js';

/** `>=20.12` from package.json engines.node. */
function requiredNode(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    engines?: { node?: string };
  };
  return pkg.engines?.node ?? '>=20';
}

function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string): number[] =>
    text
      .replace(/^[^\d]*/, '')
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
  const have = parts(version);
  const need = parts(minimum);
  for (let i = 0; i < Math.max(have.length, need.length); i++) {
    const diff = (have[i] ?? 0) - (need[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

export function checkNode(version: string): DoctorFinding {
  const required = requiredNode();
  const ok = versionAtLeast(version, required);
  return ok
    ? { id: 'node', status: 'ok', message: { key: 'setup:doctor.node.ok', params: { version, required } } }
    : {
        id: 'node',
        status: 'fail',
        message: { key: 'setup:doctor.node.old', params: { version, required } },
        fix: { key: 'setup:doctor.node.fix', params: { required } },
      };
}

/** Browser executables looked up on PATH, in order. */
export const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

export function checkChromium(env: NodeJS.ProcessEnv): DoctorFinding {
  const found = CHROMIUM_COMMANDS.find((command) => isCommandOnPath(command, env));
  if (found !== undefined)
    return { id: 'chromium', status: 'ok', message: { key: 'setup:doctor.chromium.ok', params: { command: found } } };
  return {
    id: 'chromium',
    status: 'warn',
    message: { key: 'setup:doctor.chromium.missing', params: { commands: CHROMIUM_COMMANDS.join(', ') } },
    fix: { key: 'setup:doctor.chromium.fix', params: {} },
  };
}
