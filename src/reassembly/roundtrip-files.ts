/**
 * `storyloc roundtrip` over many files on several threads (`--jobs N`): each file is independent work
 * (read, parse, reassemble, compare), shared between this thread and worker threads by io/shared-work.ts,
 * which hands the outcomes out in file order and raises an unreadable file's error at its turn. This
 * module only says what a file's round trip is, here and in a worker (roundtrip-worker.ts).
 */
import type { LooseArticleConfig } from '../articles/loose.js';
import { doSharedWork, type SharedWork, type SharedWorkKind } from '../io/shared-work.js';
import { roundtripFile, type RoundtripFileOptions, type RoundtripOutcome } from './roundtrip-file.js';

/** What a worker is given to round trip any of the files. */
export interface RoundtripJob {
  files: readonly string[];
  config: LooseArticleConfig;
  options: RoundtripFileOptions;
}

/**
 * Round trips on the compiled worker, 8 files at a time (few enough to balance the threads, enough to keep
 * messages rare); workers by default from 64 files on (below, a worker's start-up, loading the parser
 * again, costs more than it saves).
 */
const roundtripOnWorkers: SharedWorkKind = {
  workerUrl: new URL('./roundtrip-worker.js', import.meta.url),
  chunkSize: 8,
  minItemsForWorkers: 64,
};

/** The round trip of `job`, to share. */
export function roundtripWork(job: RoundtripJob): SharedWork<RoundtripJob> {
  return { ...roundtripOnWorkers, count: job.files.length, workerData: { ...job, files: [...job.files] } };
}

/** A file's round trip by index (here and in a worker). */
export function roundtripByIndex(job: RoundtripJob): (index: number) => RoundtripOutcome {
  return (index) => roundtripFile(job.files[index]!, job.config, job.options);
}

/**
 * Round trips every file on up to `threads` threads (this one included; 'auto': the idle cores). The
 * outcomes are read in file order; reading throws an unreadable file's error after the files before it.
 */
export function roundtripFiles(job: RoundtripJob, threads: number | 'auto'): Promise<Iterable<RoundtripOutcome>> {
  return doSharedWork(roundtripWork(job), threads, roundtripByIndex(job));
}
