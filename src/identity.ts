/**
 * Who did it: the one identity recorded on every change a person makes (approve, reject, edits on the
 * review page or in the output file, XLIFF import) and exported to XLIFF and TMX.
 *
 * `--by NAME` when given, else git's `user.name <user.email>` in the workspace repository (the name
 * alone when no e-mail is set), else the OS user. Recorded as `changedBy`, so it is never empty.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface IdentityOptions {
  /** `--by` */
  by?: string | undefined;
  /** where git looks for its config (the workspace) */
  cwd: string;
  /** environment for git (tests point GIT_CONFIG_GLOBAL at a file of their own) */
  env?: NodeJS.ProcessEnv;
}

export type IdentitySource = 'flag' | 'git' | 'os';

export function resolveIdentity(options: IdentityOptions): { name: string; source: IdentitySource } {
  const flag = options.by?.trim();
  if (flag) return { name: flag, source: 'flag' };
  const env = options.env ?? process.env;
  const name = gitConfig(options.cwd, env, 'user.name');
  if (name) {
    const email = gitConfig(options.cwd, env, 'user.email');
    return { name: email ? `${name} <${email}>` : name, source: 'git' };
  }
  return { name: osUserName(env), source: 'os' };
}

function gitConfig(cwd: string, env: NodeJS.ProcessEnv, key: string): string | null {
  try {
    const out = execFileSync('git', ['config', key], {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    const value = out.trim();
    return value === '' ? null : value;
  } catch {
    // git missing, key not set (exit 1) or not a repository: the next source decides.
    return null;
  }
}

function osUserName(env: NodeJS.ProcessEnv): string {
  try {
    const name = os.userInfo().username.trim();
    if (name) return name;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers).
  }
  return env.USER?.trim() || env.USERNAME?.trim() || 'unknown';
}
