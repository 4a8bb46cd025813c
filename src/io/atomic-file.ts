/**
 * Atomic file writes: the data goes to a temporary file in the same folder, is flushed to disk, and is
 * renamed over the destination. A reader (or a run killed with SIGKILL half-way) sees either the old file
 * or the new one, never a torn one. On any failure the temporary file is removed, so a full disk or a
 * read-only folder leaves nothing half-written.
 */
import {
  type Dirent,
  closeSync,
  fsync,
  fsyncSync,
  open,
  mkdirSync,
  openSync,
  promises as fsp,
  rename,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { StorylocError, type ErrorCode } from '../errors.js';
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

/** How many files this process has written atomically so far. */
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
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++counter}.tmp`);
  const created = { temp: false };
  try {
    if (fs === nodeFs) await writeThroughFd(dir, temp, file, data, created);
    else await writeThroughHandle(fs, dir, temp, file, data, created);
    completedWrites++;
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

/**
 * The write with the real file system, the same steps in the same order with fewer trips through the
 * thread pool (a run writes thousands of small files, and each trip costs the main thread more than the
 * call): creating the temporary file, the fsync and the rename stay asynchronous (they wait on the file
 * system's journal, which the fsyncs of the other writes keep busy: a rename made directly stalled the
 * main thread for milliseconds under load); writing a few kilobytes into the page cache and closing are
 * quick system calls made directly. The string is written as it is (no Buffer made of it first).
 *
 * Why one fsync per file, although the answer journal holds every answer until the run ends: the fsync
 * before the rename is what makes the rename safe on a power loss, not only on a kill (a SIGKILL leaves
 * the page cache to the kernel, which writes it out anyway). Without it a file system may commit the
 * rename before the data, and after the power comes back a file can be empty: a new state file is then
 * invalid JSON that stops the next run, an empty output reads as a translator's edit (its hash is not
 * the state's `outputHash`), a state renamed over its previous version loses what the journal never
 * held (human edits recorded in it), and an empty snapshot is never written again (content-addressed).
 * Dropping these fsyncs for one final sync before the journal is removed would leave that window open
 * for the whole run, and Node has no `syncfs` to make that final sync one call: it would be an fsync per
 * file again, later. So they stay, one per file, overlapped (several articles are written at once).
 */
async function writeThroughFd(
  dir: string,
  temp: string,
  file: string,
  data: string | Uint8Array,
  created: { temp: boolean },
): Promise<void> {
  const fd = await openTempFd(dir, temp);
  created.temp = true;
  try {
    writeAll(fd, data);
    await new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
  } finally {
    closeSync(fd);
  }
  await new Promise<void>((resolve, reject) => rename(temp, file, (error) => (error ? reject(error) : resolve())));
  created.temp = false;
}

/** Writes all of `data` at the file's position (a short write, e.g. a disk filling up, goes on or throws). */
function writeAll(fd: number, data: string | Uint8Array): void {
  if (typeof data === 'string') {
    const written = writeSync(fd, data, null, 'utf8');
    const total = Buffer.byteLength(data, 'utf8');
    if (written === total) return;
    data = Buffer.from(data, 'utf8').subarray(written);
  }
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/** Folders this process made sure exist (with the real file system): a run writes thousands of files into few. */
const knownFolders = new Set<string>();

/** Opens the temporary file, creating its folder first unless it is known (and when it has gone since). */
async function openTemp(fs: AtomicWriteFs, dir: string, temp: string): Promise<fsp.FileHandle> {
  await fs.mkdir(dir, { recursive: true });
  return fs.open(temp, 'wx', 0o644);
}

/** `openTemp` for the real file system, by descriptor; the folder is made once per process (and again when gone). */
async function openTempFd(dir: string, temp: string): Promise<number> {
  if (!knownFolders.has(dir)) {
    mkdirSync(dir, { recursive: true });
    knownFolders.add(dir);
  }
  try {
    return await openFd(temp);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    knownFolders.delete(dir);
    mkdirSync(dir, { recursive: true });
    knownFolders.add(dir);
    return openFd(temp);
  }
}

function openFd(file: string): Promise<number> {
  return new Promise((resolve, reject) =>
    open(file, 'wx', 0o644, (error, fd) => (error ? reject(error) : resolve(fd))),
  );
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
