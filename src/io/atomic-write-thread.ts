/**
 * A writer thread for runs that write thousands of files (`translate` writes four per article): each
 * atomic write is one message to the thread and one back, instead of three trips of this thread through
 * libuv's pool (open, fsync, rename) plus the write and close made here. On 2 cores the main thread was
 * held in those calls for 3.7 of the 22 s of a 2,000-story DeepL run (waking a pool thread gives it the
 * core); the writer thread takes that wait, and the main thread goes on segmenting, planning and
 * answering the queue. The thread makes the same system calls in the same order (`atomic-steps.ts`), and
 * a write still resolves only once its file is renamed into place, so crash safety is unchanged.
 *
 * Used only from the `WRITES_BEFORE_THREAD`th write of a process on (a command writing a few files pays
 * no thread start-up), only with the real file system, and only compiled (from the TypeScript sources,
 * in jest, there is no compiled worker). A thread that fails or exits leaves its writes to be done here.
 */
import { Worker } from 'node:worker_threads';

/** One write for the thread. */
export interface WriteRequest {
  id: number;
  dir: string;
  temp: string;
  file: string;
  data: string | Uint8Array;
}

/** The thread's answer: done, or the errno code and message of the failure. */
export interface WriteReply {
  id: number;
  failure?: { code: string | undefined; message: string };
}

/** Writes a process makes on its own before the thread pays for its start-up (about 30 ms of CPU). */
export const WRITES_BEFORE_THREAD = 64;

/** A write the thread could not answer (it failed to start or died): the caller does it itself. */
export class WriterThreadGone extends Error {}

interface Pending {
  resolve: () => void;
  reject: (error: unknown) => void;
}

const workerUrl = new URL('./atomic-write-worker.js', import.meta.url);
const compiled = import.meta.url.endsWith('.js');

let worker: Worker | null = null;
/** set once the thread failed: no other is started */
let broken = false;
let nextId = 0;
/** writes the thread answered as done */
let writtenOnThread = 0;
const pending = new Map<number, Pending>();

function failAll(error: unknown): void {
  broken = true;
  worker = null;
  for (const waiter of pending.values()) waiter.reject(new WriterThreadGone(String(error)));
  pending.clear();
}

function startWorker(): Worker {
  const started = new Worker(workerUrl, {
    // the process's own flags are not the thread's (`--input-type` stops a worker started from a file)
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  started.on('message', (message: WriteReply) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (pending.size === 0) started.unref();
    if (message.failure === undefined) {
      writtenOnThread++;
      waiter.resolve();
    } else waiter.reject(Object.assign(new Error(message.failure.message), { code: message.failure.code }));
  });
  started.on('error', failAll);
  started.on('exit', (code) => failAll(new Error(`writer thread exited (${code})`)));
  started.unref();
  return started;
}

/** True when this write should go to the thread (compiled code, a long run, no failure so far). */
export function writerThreadWanted(writesSoFar: number): boolean {
  return compiled && !broken && writesSoFar >= WRITES_BEFORE_THREAD;
}

/**
 * Has the thread write `data` to `file` through `temp`; resolves once the file is in place. Rejects with
 * the errno error of a failed write (its temporary file removed), or `WriterThreadGone`.
 */
export function writeOnThread(dir: string, temp: string, file: string, data: string | Uint8Array): Promise<void> {
  worker ??= startWorker();
  const id = ++nextId;
  const request: WriteRequest = { id, dir, temp, file, data };
  const promise = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
  if (pending.size === 1) worker.ref();
  worker.postMessage(request);
  return promise;
}

/**
 * How many writes the thread has made in this process (tests check the thread really wrote).
 * @public
 */
export function threadWriteCount(): number {
  return writtenOnThread;
}
