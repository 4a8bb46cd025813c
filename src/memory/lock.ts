/**
 * The workspace lock: one `translate` (or `import`) at a time per workspace, so two runs never interleave
 * their writes to the same state files.
 *
 * An O_EXCL lock file holding the owner's pid and host. A lock whose process is gone (killed with
 * SIGKILL, a crash) is recovered: the recovery itself is guarded by a second O_EXCL file, so two runs
 * recovering at once cannot both win. A lock held by a live process, or by another host (a shared
 * folder, where the pid cannot be checked), is reported with a clear message.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StorylocError } from '../errors.js';
import { noteWorkspaceLock } from '../io/folder-listing.js';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface WorkspaceLock {
  file: string;
  /** removes the lock if this process still owns it; safe to call twice */
  release(): void;
}

/** `<workspace>/.storyloc/lock` */
export function lockPathFor(workspaceDir: string): string {
  return path.join(workspaceDir, '.storyloc', 'lock');
}

/** A recovery file older than this belongs to a process that died while recovering. */
const RECOVERY_STALE_MS = 10_000;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return null;
    return { pid: data.pid, host: data.host, startedAt: String(data.startedAt ?? '') };
  } catch {
    return null;
  }
}

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StorylocError(
      'lock.failed',
      'memory:lock.failed',
      { file, detail: (error as NodeJS.ErrnoException).code },
      { position: { file }, cause: error },
    );
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** True when the lock file belongs to a process on this host that no longer runs. */
function isStale(owner: LockOwner | null, file: string): boolean {
  if (owner === null) {
    // Unreadable content: a process killed between create and write. Stale once it is not brand new.
    try {
      return Date.now() - statSync(file).mtimeMs > 2_000;
    } catch {
      return true;
    }
  }
  return owner.host === os.hostname() && owner.pid !== process.pid && !processIsAlive(owner.pid);
}

/** Removes a stale lock under the recovery guard; false when another process is recovering it. */
function recoverStaleLock(file: string, staleOwner: LockOwner | null): boolean {
  const guard = `${file}.recover`;
  if (!tryCreate(guard, String(process.pid))) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > RECOVERY_STALE_MS) rmSync(guard, { force: true });
    } catch {
      // gone already
    }
    return false;
  }
  try {
    // Still the same stale owner? (Another run may have recovered and re-locked in between.)
    const now = readOwner(file);
    const same =
      now === null
        ? staleOwner === null
        : staleOwner !== null && now.pid === staleOwner.pid && now.host === staleOwner.host;
    if (same && isStale(now, file)) rmSync(file, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Takes the workspace lock or throws StorylocError `lock.busy` (exit 2) naming the owner's pid.
 * Release it in a `finally`.
 */
export function acquireWorkspaceLock(workspaceDir: string): WorkspaceLock {
  const file = lockPathFor(workspaceDir);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new StorylocError(
      'lock.failed',
      'memory:lock.failed',
      { file, detail: (error as NodeJS.ErrnoException).code },
      { position: { file }, cause: error },
    );
  }
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, content)) {
      let released = false;
      // while it is held no other storyloc process writes here: a file missing from a folder's listing
      // is missing (see io/folder-listing.ts)
      noteWorkspaceLock(true);
      return {
        file,
        release() {
          if (released) return;
          released = true;
          noteWorkspaceLock(false);
          const owner = readOwner(file);
          if (owner && owner.pid === me.pid && owner.host === me.host) rmSync(file, { force: true });
        },
      };
    }
    const owner = readOwner(file);
    if (!isStale(owner, file)) {
      throw new StorylocError(
        'lock.busy',
        'memory:lock.busy',
        { file, pid: owner?.pid ?? '?' },
        { position: { file } },
      );
    }
    recoverStaleLock(file, owner);
  }
  const owner = readOwner(file);
  throw new StorylocError('lock.busy', 'memory:lock.busy', { file, pid: owner?.pid ?? '?' }, { position: { file } });
}
