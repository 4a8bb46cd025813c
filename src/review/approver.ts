/**
 * Who approves: `--by NAME` when given, else git's `user.name` in the workspace, else the OS user.
 * Recorded in the state file as `changedBy`, so the name must never be empty.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface ApproverOptions {
  /** `--by` */
  by?: string | undefined;
  /** where git looks for its config (the workspace) */
  cwd: string;
  /** environment for git (tests point GIT_CONFIG_GLOBAL at a file of their own) */
  env?: NodeJS.ProcessEnv;
}

export type ApproverSource = 'flag' | 'git' | 'os';

export function resolveApprover(options: ApproverOptions): { name: string; source: ApproverSource } {
  const flag = options.by?.trim();
  if (flag) return { name: flag, source: 'flag' };
  const fromGit = gitUserName(options.cwd, options.env ?? process.env);
  if (fromGit) return { name: fromGit, source: 'git' };
  return { name: osUserName(options.env ?? process.env), source: 'os' };
}

function gitUserName(cwd: string, env: NodeJS.ProcessEnv): string | null {
  try {
    const out = execFileSync('git', ['config', 'user.name'], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    const name = out.trim();
    return name === '' ? null : name;
  } catch {
    // git missing, not configured (exit 1) or not a repository: fall back to the OS user.
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
