import { describe, expect, test, beforeEach, afterEach } from '@jest/globals';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  promises as fsp,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { unprivilegedRuntime } from '../support/unprivileged.js';
import path from 'node:path';
import { StorylocError } from '../../src/errors.js';
import { writeFileAtomic, type AtomicWriteFs } from '../../src/io/atomic-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-atomic-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<StorylocError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StorylocError) return error;
    throw error;
  }
  throw new Error('expected a StorylocError');
}

describe('writeFileAtomic', () => {
  test('a full disk leaves the old file intact and no temp file', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, 'old\n');
    // A file system whose writes fail like a full disk does (ENOSPC) after the temp file is created.
    const fullDisk: AtomicWriteFs = {
      mkdir: (d, o) => fsp.mkdir(d, o),
      rename: (a, b) => fsp.rename(a, b),
      rm: (f, o) => fsp.rm(f, o),
      open: async (f, flags, mode) => {
        const handle = await fsp.open(f, flags, mode);
        handle.writeFile = async () => {
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        };
        return handle;
      },
    };
    const error = await rejection(writeFileAtomic(file, 'new\n', fullDisk));
    expect(error.code).toBe('write.diskFull');
    expect(error.params).toEqual({ file, detail: 'ENOSPC' });
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  test('a read-only folder is reported as such and nothing changes', async () => {
    const sub = path.join(dir, 'ro');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'a.md'), 'old\n');
    chmodSync(sub, 0o555);
    try {
      if (process.getuid?.() === 0) {
        // root ignores folder permissions: write as the unprivileged user `nobody` through a world-readable
        // copy of the build (`nobody` may not read the clone), into a folder it may reach but not write
        const runtime = unprivilegedRuntime();
        try {
          chmodSync(dir, 0o755);
          const script = `import('${path.join(runtime.root, 'dist/src/io/atomic-file.js')}').then((m) => m.writeFileAtomic(process.argv[1], 'new\\n')).then(() => console.log('written'), (e) => console.log(e.code))`;
          const child = spawnSync('setpriv', runtime.setprivArgs(['-e', script, path.join(sub, 'a.md')]), {
            encoding: 'utf8',
          });
          expect(child.stdout.trim()).toBe('write.readOnly');
        } finally {
          runtime.remove();
        }
      } else {
        const error = await rejection(writeFileAtomic(path.join(sub, 'a.md'), 'new\n'));
        expect(error.code).toBe('write.readOnly');
      }
      expect(readFileSync(path.join(sub, 'a.md'), 'utf8')).toBe('old\n');
      expect(readdirSync(sub)).toEqual(['a.md']);
    } finally {
      chmodSync(sub, 0o755);
    }
  });

  test('the real file system path writes the exact bytes of a string and of bytes, and leaves no temp file', async () => {
    const text = 'Città — 한국어 ⟦é⟧\n'.repeat(5000);
    const file = path.join(dir, 'sub', 'a.md');
    await writeFileAtomic(file, text);
    expect(readFileSync(file)).toEqual(Buffer.from(text, 'utf8'));
    const bytes = new Uint8Array([0xe2, 0x9f, 0xa6, 0x0a, 0x00, 0xff]);
    await writeFileAtomic(file, bytes);
    expect(new Uint8Array(readFileSync(file))).toEqual(bytes);
    expect(readdirSync(path.join(dir, 'sub'))).toEqual(['a.md']);
  });

  test('a folder removed after an earlier write is made again', async () => {
    const file = path.join(dir, 'gone', 'a.md');
    await writeFileAtomic(file, 'one\n');
    rmSync(path.join(dir, 'gone'), { recursive: true });
    await writeFileAtomic(file, 'two\n');
    expect(readFileSync(file, 'utf8')).toBe('two\n');
  });

  test('a rename that fails (a folder in the way) removes the temp file and names the file', async () => {
    const file = path.join(dir, 'taken');
    mkdirSync(path.join(file, 'inside'), { recursive: true });
    const error = await rejection(writeFileAtomic(file, 'new\n'));
    expect(error.code).toBe('write.failed');
    expect(error.params).toEqual({ file, detail: 'EISDIR' });
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
