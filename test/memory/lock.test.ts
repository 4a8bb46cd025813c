import { describe, expect, test, beforeEach, afterEach } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StorylocError } from '../../src/errors.js';
import { acquireWorkspaceLock, lockPathFor } from '../../src/memory/lock.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited (so it is certainly not running). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('workspace lock', () => {
  test('a second lock on the same workspace is refused with the owner pid; release frees it', () => {
    const lock = acquireWorkspaceLock(dir);
    let error: unknown;
    try {
      acquireWorkspaceLock(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StorylocError);
    expect((error as StorylocError).code).toBe('lock.busy');
    expect((error as StorylocError).params).toEqual({ file: lockPathFor(dir), pid: process.pid });
    lock.release();
    const again = acquireWorkspaceLock(dir);
    again.release();
    expect(existsSync(lockPathFor(dir))).toBe(false);
  });

  test('a lock left by a dead process is recovered', () => {
    mkdirSync(path.dirname(lockPathFor(dir)), { recursive: true });
    writeFileSync(lockPathFor(dir), JSON.stringify({ pid: deadPid(), host: os.hostname(), startedAt: '' }));
    const lock = acquireWorkspaceLock(dir);
    expect(existsSync(lockPathFor(dir))).toBe(true);
    lock.release();
    expect(existsSync(lockPathFor(dir))).toBe(false);
    expect(existsSync(`${lockPathFor(dir)}.recover`)).toBe(false);
  });

  test('a lock from another host is never taken over', () => {
    mkdirSync(path.dirname(lockPathFor(dir)), { recursive: true });
    writeFileSync(lockPathFor(dir), JSON.stringify({ pid: deadPid(), host: 'elsewhere.example', startedAt: '' }));
    expect(() => acquireWorkspaceLock(dir)).toThrow(StorylocError);
  });
});
