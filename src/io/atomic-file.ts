/**
 * Atomic file writes: the data goes to a temporary file in the same folder, is flushed to disk, and is
 * renamed over the destination. A reader (or a run killed with SIGKILL half-way) sees either the old file
 * or the new one, never a torn one. On any failure the temporary file is removed, so a full disk or a
 * read-only folder leaves nothing half-written. The system calls (and why each file keeps its fsync) are
 * in atomic-steps.ts; a long run has them made by a writer thread (atomic-write-thread.ts).
 */
import {
  type Dirent,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  promises as fsp,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { StorylocError, type ErrorCode } from '../errors.js';
import { writeThroughFd } from './atomic-steps.js';
import { noteFileWritten } from './folder-listing.js';
import { WriterThreadGone, writeOnThread, writerThreadWanted } from './atomic-write-thread.js';
import type { MessageKey } from '../i18n/catalogs.js';

/** The file-system calls an atomic write needs; tests inject failures (a full disk) through this. */
export interface AtomicWriteFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  open(file: string, flags: string, mode?: number): Promise<fsp.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

const nodeFs: AtomicWriteFs = {
  mkdir: (dir, options) => fsp.mkdir(dir, options),
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  rm: (file, options) => fsp.rm(file, options),
};

/** The file system `writeFileAtomic` uses unless given one; tests swap it to inject a full disk. */
let defaultFs: AtomicWriteFs = nodeFs;

/** Tests only: every later `writeFileAtomic` without an explicit `fs` goes through `fs` (null: the real one). */
export function setDefaultAtomicWriteFs(fs: AtomicWriteFs | null): void {
  defaultFs = fs ?? nodeFs;
}

let counter = 0;
/** Files renamed into place by this process (the bench reports files written per article). */
let completedWrites = 0;

/**
 * Files written on the writer thread: the bench and the bundle's tests read both counts from the module
 * instance the CLI ran, by URL (which knip cannot follow).
 * @public
 */
export { threadWriteCount } from './atomic-write-thread.js';

/**
 * How many files this process has written atomically so far.
 * @public
 */
export function atomicWriteCount(): number {
  return completedWrites;
}

/** Error codes storyloc reports for a failed write, by errno. */
function writeErrorCode(error: NodeJS.ErrnoException): { code: ErrorCode; key: MessageKey } {
  switch (error.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'write.diskFull', key: 'memory:write.diskFull' };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { code: 'write.readOnly', key: 'memory:write.readOnly' };
    default:
      return { code: 'write.failed', key: 'memory:write.failed' };
  }
}

/**
 * Writes `data` to `file` atomically (temp file + fsync + rename), creating missing folders.
 * Throws StorylocError `write.diskFull` / `write.readOnly` / `write.failed` (exit 2) naming the file.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = defaultFs,
): Promise<void> {
  const dir = path.dirname(file);
  const temp = tempPathFor(dir, file);
  const created = { temp: false };
  try {
    if (fs !== nodeFs) await writeThroughHandle(fs, dir, temp, file, data, created);
    else if (writerThreadWanted(completedWrites)) await writeOnThreadOrHere(dir, temp, file, data);
    else await writeThroughFd(dir, temp, file, data, created);
    completedWrites++;
    noteFileWritten(file);
  } catch (error) {
    if (created.temp) await fs.rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof StorylocError) throw error;
    const errno = error as NodeJS.ErrnoException;
    const { code, key } = writeErrorCode(errno);
    throw new StorylocError(
      code,
      key,
      { file, detail: errno.code ?? errno.message },
      { position: { file }, cause: error },
    );
  }
}

function tempPathFor(dir: string, file: string): string {
  return path.join(dir, `.${path.basename(file)}.${process.pid}.${++counter}.tmp`);
}

/**
 * The write made by the writer thread (a long run: see atomic-write-thread.ts); when the thread is gone,
 * made here under a temporary name of its own (the thread's may be left half-written).
 */
async function writeOnThreadOrHere(dir: string, temp: string, file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeOnThread(dir, temp, file, data);
    return;
  } catch (error) {
    if (!(error instanceof WriterThreadGone)) throw error;
  }
  const ownTemp = tempPathFor(dir, file);
  const created = { temp: false };
  try {
    await writeThroughFd(dir, ownTemp, file, data, created);
  } catch (error) {
    if (created.temp) rmSync(ownTemp, { force: true });
    throw error;
  }
}

/** The write through an injected file system (tests: a full disk, a rename that fails). */
async function writeThroughHandle(
  fs: AtomicWriteFs,
  dir: string,
  temp: string,
  file: string,
  data: string | Uint8Array,
  created: { temp: boolean },
): Promise<void> {
  const handle = await openTemp(fs, dir, temp);
  created.temp = true;
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
  created.temp = false;
}

/** Opens the temporary file, creating its folder first unless it is known (and when it has gone since). */
async function openTemp(fs: AtomicWriteFs, dir: string, temp: string): Promise<fsp.FileHandle> {
  await fs.mkdir(dir, { recursive: true });
  return fs.open(temp, 'wx', 0o644);
}

/**
 * The synchronous twin of `writeFileAtomic` (same temp file, fsync, rename and error codes), for callers
 * that cannot await: the glossary loader writes its parse cache from synchronous code.
 */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++counter}.tmp`);
  let created = false;
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, 'wx', 0o644);
    created = true;
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    created = false;
    completedWrites++;
    noteFileWritten(file);
  } catch (error) {
    if (created) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // the original error is the one worth reporting
      }
    }
    const errno = error as NodeJS.ErrnoException;
    const { code, key } = writeErrorCode(errno);
    throw new StorylocError(
      code,
      key,
      { file, detail: errno.code ?? errno.message },
      { position: { file }, cause: error },
    );
  }
}

/** `.<name>.<pid>.<n>.tmp`, the temporary files of `writeFileAtomic`. */
const tempFileName = /^\..+\.(\d+)\.\d+\.tmp$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed process left under `dirs` (a SIGKILL between the temp file and
 * its rename); files of a process still running are left alone. Returns the files removed.
 */
export async function removeDeadTempFiles(dirs: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of dirs) {
    let entries: Dirent[];
    try {
      entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const match = entry.isFile() ? tempFileName.exec(entry.name) : null;
      if (!match || processAlive(Number(match[1]))) continue;
      const file = path.join(entry.parentPath, entry.name);
      await fsp.rm(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}
