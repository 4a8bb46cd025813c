/**
 * The steps of one atomic write with the real file system (temporary file, write, fsync, close, rename),
 * by file descriptor. `atomic-file.ts` owns atomic writes (names, error codes, the injected file system
 * of tests); this module is only the sequence of system calls, shared by the thread that asks for a write
 * and the writer thread (`atomic-write-thread.ts`) that does it for a long run.
 */
import { closeSync, fsync, mkdirSync, open, rename, writeSync } from 'node:fs';

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
export async function writeThroughFd(
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
