/**
 * Checking many files at once for `storyloc roundtrip`. Each file is independent work (read, parse,
 * reassemble, compare), so this thread and worker threads share the list through one atomic counter:
 * whoever is free takes the next chunk of files, so a slow worker start or a long story never leaves a
 * thread idle while another has a queue. Results come back in file order whichever thread checked them,
 * and a file a failed worker claimed but never reported is checked here, so none is ever skipped.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LooseArticleConfig } from '../../articles/loose.js';
import { StorylocError, type ErrorCode, type SourcePosition } from '../../errors.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import { roundtripFile, type RoundtripFileOptions, type RoundtripOutcome } from '../../reassembly/roundtrip-file.js';

/** A file's outcome, or what made it unreadable (thrown by the read, rethrown in file order). */
export type FileResult = { ok: true; outcome: RoundtripOutcome } | { ok: false; error: unknown };

export interface RoundtripJob {
  files: readonly string[];
  config: LooseArticleConfig;
  options: RoundtripFileOptions;
}

/** What a worker is given: the job and the shared counter of the next file to take. */
export interface RoundtripWorkerData extends RoundtripJob {
  next: Int32Array;
}

/** A worker's message: the results of the files from `start` on, or that it has finished. */
export type RoundtripWorkerMessage = { start: number; results: PortableResult[] } | { done: true };

/** An error as plain data, to cross from a worker (a StorylocError keeps its code, message key and position). */
interface PortableError {
  message: string;
  stack?: string | undefined;
  storyloc?: {
    code: ErrorCode;
    messageKey: MessageKey;
    params: Record<string, unknown>;
    position?: SourcePosition | undefined;
    exitCode: number;
  };
}
type PortableResult = { ok: true; outcome: RoundtripOutcome } | { ok: false; error: PortableError };

/** Files taken at a time: few enough to balance the threads, enough to keep messages rare. */
const CHUNK = 8;
/** Below this many files a worker's start-up (loading the parser again) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;
const MAX_DEFAULT_JOBS = 4;

/** The compiled worker; running from the TypeScript sources (jest) there is none, and one thread checks all. */
const workerUrl = new URL('./roundtrip-worker.js', import.meta.url);
const workersAvailable = import.meta.url.endsWith('.js');

/**
 * Threads to use when `--jobs` is not given: this one, plus one worker per idle core (cores minus the
 * 1-minute load average, rounded), at most 4 in all, from 64 files on. A worker repeats the start-up and
 * the warming of the compiled code (about a third more CPU for the run), which pays only on a core that
 * would otherwise idle: on a busy machine the files are checked here alone.
 */
export function defaultJobs(fileCount: number, cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  if (fileCount < MIN_FILES_FOR_WORKERS) return 1;
  const idleCores = Math.round(cores - load);
  return Math.max(1, Math.min(1 + idleCores, cores, MAX_DEFAULT_JOBS));
}

function checkFile(job: RoundtripJob, index: number): FileResult {
  try {
    return { ok: true, outcome: roundtripFile(job.files[index]!, job.config, job.options) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Takes chunks of files from the shared counter until none is left, handing each chunk's results on. */
export function checkClaimedFiles(
  job: RoundtripJob,
  next: Int32Array,
  onChunk: (start: number, results: FileResult[]) => void,
): void {
  for (;;) {
    const start = Atomics.add(next, 0, CHUNK);
    if (start >= job.files.length) return;
    const results: FileResult[] = [];
    for (let index = start; index < Math.min(start + CHUNK, job.files.length); index++)
      results.push(checkFile(job, index));
    onChunk(start, results);
  }
}

export function toPortable(result: FileResult): PortableResult {
  if (result.ok) return result;
  const error = result.error;
  if (error instanceof StorylocError) {
    const { code, messageKey, params, position, exitCode } = error;
    return {
      ok: false,
      error: { message: error.message, stack: error.stack, storyloc: { code, messageKey, params, position, exitCode } },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { message, stack: error instanceof Error ? error.stack : undefined } };
}

function fromPortable(result: PortableResult): FileResult {
  if (result.ok) return result;
  const { storyloc, message, stack } = result.error;
  const error = storyloc
    ? new StorylocError(storyloc.code, storyloc.messageKey, storyloc.params, {
        position: storyloc.position,
        exitCode: storyloc.exitCode,
      })
    : new Error(message);
  if (stack !== undefined) error.stack = stack;
  return { ok: false, error };
}

function store(results: Array<FileResult | undefined>, start: number, chunk: readonly FileResult[]): void {
  for (let offset = 0; offset < chunk.length; offset++) results[start + offset] = chunk[offset];
}

/** Runs one worker until it says it is done (or fails: its unreported files are checked afterwards). */
function runWorker(data: RoundtripWorkerData, results: Array<FileResult | undefined>): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { workerData: data });
    } catch {
      resolve();
      return;
    }
    worker.on('message', (message: RoundtripWorkerMessage) => {
      if ('done' in message) resolve();
      else store(results, message.start, message.results.map(fromPortable));
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
}

/** Round trips every file with up to `jobs` threads (this one included); results in file order. */
export async function roundtripFiles(job: RoundtripJob, jobs: number): Promise<FileResult[]> {
  const results: Array<FileResult | undefined> = new Array(job.files.length);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workerCount = workersAvailable ? Math.max(0, Math.min(jobs, Math.ceil(job.files.length / CHUNK)) - 1) : 0;
  const data: RoundtripWorkerData = { ...job, files: [...job.files], next };
  const workers = Array.from({ length: workerCount }, () => runWorker(data, results));
  checkClaimedFiles(job, next, (start, chunk) => store(results, start, chunk));
  await Promise.all(workers);
  for (let index = 0; index < results.length; index++) results[index] ??= checkFile(job, index);
  return results as FileResult[];
}
