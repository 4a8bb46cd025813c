/**
 * `storyloc check` over many translations on several threads. Each translation is independent work
 * (read the article, its state and output, run the rules), so this thread and worker threads share the
 * selection through one atomic counter: whoever is free takes the next chunk. Results are put back in
 * selection order, so the report is the one a single thread writes, finding for finding. A translation
 * a worker could not check (an unreadable story, a worker that died) is checked again here, in order,
 * so its error is the one a single thread would raise.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types.js';
import { currentUiLanguage, initI18n, type UiLanguage } from '../i18n/index.js';
import type { CheckReport } from './types.js';
import {
  loadCheckGlossary,
  prepareWorkspaceCheck,
  selectionChecker,
  workspaceReport,
  type CheckedTranslation,
  type Selected,
  type WorkspaceCheckOptions,
} from './workspace.js';
import type { GlossaryIndex } from './glossary-index.js';

/** What a worker is given: the selection and the shared counter of the next translation to take. */
export interface CheckWorkerData {
  /** the UI language messages are written in */
  uiLanguage: UiLanguage;
  config: ResolvedConfig;
  cwd: string;
  selected: Selected[];
  next: Int32Array;
}

/** A worker's message: the results from `start` on (null: could not be checked there), or that it is done. */
export type CheckWorkerMessage = { start: number; results: Array<CheckedTranslation | null> } | { done: true };

/** Translations taken at a time: few enough to balance the threads, enough to keep messages rare. */
const CHUNK = 16;
/** Below this many translations a worker's start-up (modules, glossary) costs more than it saves. */
const MIN_FOR_WORKERS = 200;
const MAX_THREADS = 4;

/**
 * Workers' heaps kept small: a check makes short-lived garbage per story, and V8's default heap sizing
 * let each worker add 40–50 MB of peak memory for no speed (2,000 stories, 2 threads). A worker that
 * runs out of this heap (one giant story) stops with an error; what it claimed is checked here.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 64 };

/** The compiled worker; running from the TypeScript sources (jest) there is none, and one thread checks all. */
const workerUrl = new URL('./worker.js', import.meta.url);
const workersAvailable = import.meta.url.endsWith('.js');

/** Threads for `count` translations: one per core (at most 4) for many, else this one. */
export function defaultCheckThreads(count: number): number {
  return count >= MIN_FOR_WORKERS ? Math.min(availableParallelism(), MAX_THREADS) : 1;
}

/** Takes chunks from the shared counter until none is left, handing each chunk's results on. */
export function checkClaimed(
  data: CheckWorkerData,
  glossary: GlossaryIndex,
  onChunk: (start: number, results: Array<CheckedTranslation | null>) => void,
): void {
  const check = selectionChecker(data.config, data.cwd, glossary);
  for (;;) {
    const start = Atomics.add(data.next, 0, CHUNK);
    if (start >= data.selected.length) return;
    const results: Array<CheckedTranslation | null> = [];
    for (let index = start; index < Math.min(start + CHUNK, data.selected.length); index++) {
      try {
        results.push(check(data.selected[index]!));
      } catch {
        results.push(null); // checked again by the main thread, which raises the error in order
      }
    }
    onChunk(start, results);
  }
}

/** The worker thread's side (worker.ts). */
export function runCheckWorker(data: CheckWorkerData, post: (message: CheckWorkerMessage) => void): void {
  initI18n(data.uiLanguage);
  let glossary: GlossaryIndex;
  try {
    glossary = loadCheckGlossary(data.config);
  } catch {
    post({ done: true }); // the main thread loaded the same glossary: it checks what this one leaves
    return;
  }
  checkClaimed(data, glossary, (start, results) => post({ start, results }));
  post({ done: true });
}

function store(
  results: Array<CheckedTranslation | null | undefined>,
  start: number,
  chunk: ReadonlyArray<CheckedTranslation | null>,
): void {
  for (let offset = 0; offset < chunk.length; offset++) results[start + offset] = chunk[offset]!;
}

function runWorker(data: CheckWorkerData, results: Array<CheckedTranslation | null | undefined>): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { workerData: data, resourceLimits: WORKER_LIMITS });
    } catch {
      resolve();
      return;
    }
    worker.on('message', (message: CheckWorkerMessage) => {
      if ('done' in message) resolve();
      else store(results, message.start, message.results);
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
}

/** `checkWorkspace` on up to `threads` threads (this one included): the same report. */
export async function checkWorkspaceOnThreads(
  options: WorkspaceCheckOptions,
  threads: number | 'auto',
): Promise<CheckReport> {
  const prepared = prepareWorkspaceCheck(options);
  const { config, cwd, selected, glossary } = prepared;
  if (threads === 'auto') threads = defaultCheckThreads(selected.length);
  const results: Array<CheckedTranslation | null | undefined> = new Array(selected.length);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workerCount = workersAvailable ? Math.max(0, Math.min(threads, Math.ceil(selected.length / CHUNK)) - 1) : 0;
  const data: CheckWorkerData = { uiLanguage: currentUiLanguage(), config, cwd, selected, next };
  const workers = Array.from({ length: workerCount }, () => runWorker(data, results));
  checkClaimed(data, glossary, (start, chunk) => store(results, start, chunk));
  await Promise.all(workers);
  // a translation not checked (or failed) elsewhere is checked here, in order: its error is raised as one thread would
  const check = selectionChecker(config, cwd, glossary);
  const checked = results.map((result, index) => result ?? check(selected[index]!));
  return workspaceReport(prepared, checked);
}
