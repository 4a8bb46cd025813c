/**
 * Independent work shared between this thread and worker threads: what `check` (translations) and
 * `roundtrip` (files) do over many items with `--jobs N`. The module owns the whole mechanism, so both
 * commands only say what an item is:
 *
 * - **One counter.** This thread and the workers take chunks of item indexes from one atomic counter in a
 *   SharedArrayBuffer: whoever is free takes the next chunk, so a slow worker start or a long item never
 *   leaves a thread idle while another has a queue.
 * - **Results in order.** Each chunk's results are stored at their indexes, and handed out in item order,
 *   so the output is the one a single thread writes.
 * - **One rule for failures.** A worker sends values only. An item that threw there, a chunk a worker
 *   claimed but never reported (it died, ran out of heap, could not start or prepare), is done again here,
 *   when its turn comes: the error raised is the very one a single thread raises (class, code, position,
 *   errno), in order, after the items before it, with nothing to serialise. An error thrown here is kept
 *   and rethrown at its turn. Failures end a command, so redoing the first one costs nothing that matters.
 * - **Threads by default: free cores only.** A worker repeats the start-up (modules, and whatever the
 *   command prepares: a glossary automaton, a parser) and the warming of the compiled code: about a third
 *   more CPU over a run. That pays only on a core that would otherwise idle, so without `--jobs` the
 *   threads are the cores that other processes leave free, rounded (at least 1, at most 4), and only from
 *   the command's `minItemsForWorkers` on (below it a worker's start-up costs more than it saves). What
 *   other processes use is measured, not guessed from the 1-minute load average: that average decays
 *   over a minute, so right after a busy command (a script or bench running commands back to back) it
 *   says the machine is busy when it is idle. Linux's /proc/stat gives the CPU time of every core: read
 *   when this module loads and again when the work starts (the command's start-up and preparation, a few
 *   hundred milliseconds), minus this process's own CPU time over that window, it is the cores other
 *   processes kept busy just now. Where there is no /proc/stat, or the window is too short to tell, the
 *   load average stands in. A machine busy with other work gets no workers: they would only take turns.
 * - **Small worker heaps.** The work makes short-lived garbage per item, and V8's default heap sizing let
 *   each worker add 40–50 MB of peak memory (`check`, 2,000 stories, 2 threads). A worker that outgrows
 *   its heap (one giant item) stops, and what it claimed is done here with the full heap. (For
 *   `roundtrip` on 2,000 stories the cap changed neither peak memory, ~95 MB, nor time.) The young
 *   generation's cap does cost CPU: a `check` worker spends 11% of its time collecting garbage with 12 MB,
 *   8% with 24 MB, 4% with V8's default (CPU profiles, `--jobs 2`), but the default raised the peak from
 *   ~160 to ~190 MB (the goal is ≤ 200 MB) for about 0.1 s of wall time: the cap stays.
 *
 * Running from the TypeScript sources (jest) there is no compiled worker: this thread does everything.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parentPort, Worker, workerData as receivedWorkerData } from 'node:worker_threads';

/** How a command shares its work (the same every run). */
export interface SharedWorkKind {
  /** the compiled worker module, which calls `serveSharedWork` */
  workerUrl: URL;
  /** indexes taken at a time: few enough to balance the threads, enough to keep messages rare */
  chunkSize: number;
  /** below this many items the default is this thread alone (a worker's start-up would cost more) */
  minItemsForWorkers: number;
}

/** One run's items; `Data` and the results must survive structured cloning. */
export interface SharedWork<Data> extends SharedWorkKind {
  /** the items, known by their index 0 … count - 1 */
  count: number;
  /** what a worker needs to do any item (copied to each worker) */
  workerData: Data;
}

/** What a worker receives: the command's data, the item count and chunk size, the shared counter. */
interface WorkerInput<Data> {
  data: Data;
  count: number;
  chunkSize: number;
  next: Int32Array;
}

/** A chunk's outcomes from `start` on (null: failed there, to be done again here), or that the worker is done. */
type WorkerMessage<Result> = { start: number; outcomes: Array<{ value: Result } | null> } | { done: true };

/** An item's outcome where it was done: its value, or the error thrown here. */
type Outcome<Result> = { value: Result } | { error: unknown };

const MAX_DEFAULT_THREADS = 4;
/** Workers' heap limits (see the module comment). */
const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 64 };

const workersAvailable = import.meta.url.endsWith('.js');

/** The machine's CPU time at one moment: every core's (from /proc/stat, in clock ticks) and this process's. */
export interface CpuSample {
  /** `performance.now()` when read */
  wallMs: number;
  /** ticks of all cores spent working (not idle, not waiting for the disk), since boot */
  busyTicks: number;
  /** ticks of all cores in all, since boot */
  totalTicks: number;
  /** CPU time of this process (all its threads), microseconds */
  ownMicros: number;
}

/** The `cpu` line of /proc/stat (user nice system idle iowait irq softirq steal …) as a sample, or null. */
export function cpuSampleOf(procStat: string, wallMs: number, ownMicros: number): CpuSample | null {
  const line = /^cpu\s+([\d\s]+)/.exec(procStat);
  if (line === null) return null;
  const ticks = line[1]!.trim().split(/\s+/).map(Number);
  if (ticks.length < 4) return null;
  // guest time is already counted in user time: the first eight fields are the whole
  const totalTicks = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idleTicks = ticks[3]! + (ticks[4] ?? 0);
  return { wallMs, busyTicks: totalTicks - idleTicks, totalTicks, ownMicros };
}

function readCpuSample(): CpuSample | null {
  try {
    const own = process.cpuUsage();
    return cpuSampleOf(readFileSync('/proc/stat', 'latin1'), performance.now(), own.user + own.system);
  } catch {
    return null;
  }
}

/** The first sample: the window it opens covers the command's start-up and preparation. */
const sampleAtLoad = readCpuSample();

/** Below this many ticks of all cores (about 50 ms on 2 cores at 100 ticks a second) a window tells nothing. */
const MIN_WINDOW_TICKS = 10;

/**
 * The cores other processes kept busy between two samples (the machine's busy time minus this process's),
 * or null when the window is too short to tell.
 */
export function othersBusyCores(before: CpuSample, after: CpuSample, cores: number): number | null {
  const totalTicks = after.totalTicks - before.totalTicks;
  const wallMs = after.wallMs - before.wallMs;
  if (totalTicks < MIN_WINDOW_TICKS || wallMs <= 0) return null;
  const busyCores = (cores * (after.busyTicks - before.busyTicks)) / totalTicks;
  const ownCores = (after.ownMicros - before.ownMicros) / 1000 / wallMs;
  return Math.max(0, busyCores - ownCores);
}

/**
 * The cores other processes keep busy now: measured over the window since this module loaded, else (no
 * /proc/stat, or too short a window) the 1-minute load average.
 */
export function othersLoad(
  cores: number,
  before: CpuSample | null = sampleAtLoad,
  after: CpuSample | null = readCpuSample(),
  loadAverage: () => number = () => loadavg()[0] ?? 0,
): number {
  const measured = before !== null && after !== null ? othersBusyCores(before, after, cores) : null;
  return measured ?? loadAverage();
}

/**
 * Threads (this one included) when `--jobs` is not given: the cores other processes leave free (`load`:
 * the cores they keep busy), rounded, at least 1 and at most 4, from `minItems` items on.
 */
export function defaultThreads(
  count: number,
  minItems: number,
  cores = availableParallelism(),
  load: number | (() => number) = () => othersLoad(cores),
): number {
  if (count < minItems) return 1;
  const othersBusy = typeof load === 'number' ? load : load();
  return Math.max(1, Math.min(Math.round(cores - othersBusy), cores, MAX_DEFAULT_THREADS));
}

/** Takes chunks from the counter until none is left, handing each chunk's outcomes on. */
function takeChunks<Result>(
  input: Omit<WorkerInput<unknown>, 'data'>,
  doItem: (index: number) => Result,
  onChunk: (start: number, outcomes: Array<Outcome<Result>>) => void,
): void {
  for (;;) {
    const start = Atomics.add(input.next, 0, input.chunkSize);
    if (start >= input.count) return;
    const outcomes: Array<Outcome<Result>> = [];
    for (let index = start; index < Math.min(start + input.chunkSize, input.count); index++) {
      try {
        outcomes.push({ value: doItem(index) });
      } catch (error) {
        outcomes.push({ error });
      }
    }
    onChunk(start, outcomes);
  }
}

/**
 * The worker thread's side: `prepare` turns the command's data into the per-index function. A worker that
 * cannot prepare (its glossary unreadable) says it is done: this thread does what it leaves.
 */
export function serveSharedWork<Data, Result>(prepare: (data: Data) => (index: number) => Result): void {
  const input = receivedWorkerData as WorkerInput<Data>;
  const post = (message: WorkerMessage<Result>): void => parentPort?.postMessage(message);
  let doItem: (index: number) => Result;
  try {
    doItem = prepare(input.data);
  } catch {
    post({ done: true });
    return;
  }
  takeChunks(input, doItem, (start, outcomes) =>
    post({ start, outcomes: outcomes.map((outcome) => ('value' in outcome ? outcome : null)) }),
  );
  post({ done: true });
}

/** Runs one worker until it says it is done, or fails (what it did not report stays undefined). */
function runWorker<Data, Result>(
  url: URL,
  input: WorkerInput<Data>,
  slots: Array<Outcome<Result> | undefined>,
): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url, { workerData: input, resourceLimits: WORKER_RESOURCE_LIMITS });
    } catch {
      resolve();
      return;
    }
    worker.on('message', (message: WorkerMessage<Result>) => {
      if ('done' in message) resolve();
      else
        for (const [offset, outcome] of message.outcomes.entries())
          slots[message.start + offset] = outcome ?? undefined;
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
}

/** The results in item order; an item that failed throws its error at its turn (done again here if need be). */
function* inOrder<Result>(
  slots: Array<Outcome<Result> | undefined>,
  doItem: (index: number) => Result,
): Generator<Result, void, undefined> {
  for (let index = 0; index < slots.length; index++) {
    const outcome = slots[index];
    if (outcome === undefined) yield doItem(index);
    else if ('value' in outcome) yield outcome.value;
    else throw outcome.error;
  }
}

/**
 * Does every item on up to `threads` threads (this one included; 'auto': `defaultThreads`), with
 * `doItem` here. Resolves when every thread has finished with results to read in item order: reading
 * throws an item's error at its turn, after the results before it, as a single thread would.
 */
export async function doSharedWork<Data, Result>(
  work: SharedWork<Data>,
  threads: number | 'auto',
  doItem: (index: number) => Result,
): Promise<Iterable<Result>> {
  const { count, chunkSize } = work;
  const wanted = threads === 'auto' ? defaultThreads(count, work.minItemsForWorkers) : threads;
  const workerCount = workersAvailable ? Math.max(0, Math.min(wanted, Math.ceil(count / chunkSize)) - 1) : 0;
  const slots: Array<Outcome<Result> | undefined> = new Array(count);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const input: WorkerInput<Data> = { data: work.workerData, count, chunkSize, next };
  const workers = Array.from({ length: workerCount }, () => runWorker(work.workerUrl, input, slots));
  takeChunks(input, doItem, (start, outcomes) => {
    for (let offset = 0; offset < outcomes.length; offset++) slots[start + offset] = outcomes[offset];
  });
  await Promise.all(workers);
  return { [Symbol.iterator]: () => inOrder(slots, doItem) };
}

/**
 * Every item done by one worker alone (this thread takes none): what each command's worker delivered,
 * undefined where it failed. For tests that a compiled worker does what this thread does.
 */
export async function workerResults<Data, Result>(work: SharedWork<Data>): Promise<Array<Result | undefined>> {
  const slots: Array<Outcome<Result> | undefined> = new Array(work.count);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const { count, chunkSize } = work;
  await runWorker(work.workerUrl, { data: work.workerData, count, chunkSize, next }, slots);
  return Array.from(slots, (outcome) => (outcome !== undefined && 'value' in outcome ? outcome.value : undefined));
}
