/**
 * The writer thread (io/atomic-write-thread.ts) runs only compiled, so these tests drive the built
 * `dist/` in a child process: the same writes made on this thread (the first ones of a process) and on
 * the writer thread (from WRITES_BEFORE_THREAD on) give the same files, the same errors and no
 * temporary file left behind.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from '../e2e/build.js';
import { repoRoot } from '../e2e/workspace.js';

let dir: string;
beforeAll(() => ensureBuilt());
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-writer-thread-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `body` (an async function body with `atomic`, `thread`, `dir` and `contents` in scope) compiled. */
function runCompiled(body: string): Record<string, unknown> {
  const dist = path.join(repoRoot, 'dist', 'src', 'io');
  const script = `
    const atomic = await import(${JSON.stringify(path.join(dist, 'atomic-file.js'))});
    const thread = await import(${JSON.stringify(path.join(dist, 'atomic-write-thread.js'))});
    const dir = process.argv[1];
    const contents = (i) => i % 3 === 0
      ? new Uint8Array([i & 0xff, 0x00, 0xe2, 0x9f, 0xa6, 0x0a])
      : 'Città ' + i + ' — 한국어 ⟦é⟧ 😀\\n'.repeat(1 + (i % 7) * 300);
    const result = await (async () => { ${body} })();
    console.log(JSON.stringify(result));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Record<string, unknown>;
}

function expectedBytes(i: number): Buffer {
  return i % 3 === 0
    ? Buffer.from([i & 0xff, 0x00, 0xe2, 0x9f, 0xa6, 0x0a])
    : Buffer.from(`Città ${i}${' — 한국어 ⟦é⟧ 😀\n'.repeat(1 + (i % 7) * 300)}`, 'utf8');
}

describe('the writer thread', () => {
  test('files written on the thread are the bytes written here, with no temporary file left', () => {
    const result = runCompiled(`
      const count = thread.WRITES_BEFORE_THREAD;
      for (let i = 0; i < count; i++) await atomic.writeFileAtomic(dir + '/here/f' + i, contents(i));
      const before = thread.threadWriteCount();
      // many at once, as a run writes them, into new folders and over existing files
      await Promise.all(Array.from({ length: count }, (_, i) => atomic.writeFileAtomic(dir + '/there/' + (i % 5) + '/f' + i, contents(i))));
      await Promise.all(Array.from({ length: count }, (_, i) => atomic.writeFileAtomic(dir + '/here/f' + i, contents(i))));
      return { count, before, after: thread.threadWriteCount(), written: atomic.atomicWriteCount() };
    `);
    const count = result.count as number;
    expect(result.before).toBe(0);
    expect(result.after).toBe(2 * count);
    expect(result.written).toBe(3 * count);
    expect(readdirSync(path.join(dir, 'here')).length).toBe(count);
    for (let i = 0; i < count; i++) {
      expect(readFileSync(path.join(dir, 'here', `f${i}`))).toEqual(expectedBytes(i));
      expect(readFileSync(path.join(dir, 'there', `${i % 5}`, `f${i}`))).toEqual(expectedBytes(i));
    }
    for (let folder = 0; folder < 5; folder++) {
      const names = readdirSync(path.join(dir, 'there', `${folder}`));
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
  });

  test('a failed write gives the error of this thread, and a folder removed meanwhile is made again', () => {
    const result = runCompiled(`
      const { writeFileSync, rmSync } = await import('node:fs');
      writeFileSync(dir + '/plain-file', 'x');
      const attempt = (file) => atomic.writeFileAtomic(file, 'new\\n').then(() => 'written', (e) => e.code + ' ' + e.params.detail + ' ' + (e.params.file === file));
      const here = await attempt(dir + '/plain-file/inside');
      for (let i = 0; thread.threadWriteCount() === 0 && i < 2 * thread.WRITES_BEFORE_THREAD; i++) await atomic.writeFileAtomic(dir + '/warm/f' + i, 'w');
      const there = await attempt(dir + '/plain-file/inside');
      await atomic.writeFileAtomic(dir + '/gone/a.md', 'one\\n');
      rmSync(dir + '/gone', { recursive: true });
      await atomic.writeFileAtomic(dir + '/gone/a.md', 'two\\n');
      return { here, there, onThread: thread.threadWriteCount() };
    `);
    // a folder that is a file: mkdir says EEXIST
    expect(result.here).toBe('write.failed EEXIST true');
    expect(result.there).toBe(result.here);
    expect(readFileSync(path.join(dir, 'gone', 'a.md'), 'utf8')).toBe('two\n');
    expect(readdirSync(path.join(dir, 'gone'))).toEqual(['a.md']);
    // the warm-up's last write and both of /gone were the thread's
    expect(result.onThread).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['gone', 'plain-file', 'warm']);
  });
});
