/**
 * When the streamed run may read (and segment) the next group of articles: the read-ahead policy, apart
 * from the stream so it can be tested exactly.
 *
 * Reading ahead is bounded twice: by the batches already waiting in the queue (enough work queued, no
 * need to hold more articles) and by the writer's backlog (articles settled and not yet written: memory).
 * With an engine behind a network, an idle queue costs wall time the run can never win back (the rate
 * limit only lets it catch up so far), while a writer that is behind catches up later, when the last
 * answers are in. So when the queue is about to run dry, reading goes on past the writer's usual limit,
 * up to a hard one that still bounds memory. A local engine (pseudo, Apertium) waits for the writer as
 * before: it has no slow network to keep busy.
 */

export interface ReadAheadLimits {
  /** batches waiting in the queue at which there is enough work queued */
  batchesAhead: number;
  /** batches waiting below which the queue is about to run dry */
  lowWater: number;
  /** articles waiting to be written at which reading waits for the writer */
  writeBacklog: number;
  /** articles waiting to be written at which reading waits for the writer whatever the queue holds */
  writeBacklogHard: number;
  /** the engine sends over a network (its idle time is lost time) */
  network: boolean;
}

export interface ReadAheadState {
  /** batches pushed to the queue and not sent yet (0 without a queue) */
  waitingBatches: number;
  /** the queue takes batches (false: none, or stopped) */
  queueRunning: boolean;
  /** articles settled and not written yet */
  writeBacklog: number;
}

/**
 * The limits for a queue of `concurrency` requests at once. The writer's usual limit is twice the articles
 * it writes at once (8): enough that it never waits for work. With 64, a first run whose writer was
 * the slower stage (the kernel creating files) held about a hundred articles in flight, and V8 let the
 * heap grow with them: peak RSS 270–400 MB in some runs, against 205–235 MB with 16, no slower.
 */
export function readAheadLimits(concurrency: number, network: boolean): ReadAheadLimits {
  return {
    batchesAhead: Math.max(8, 4 * concurrency),
    lowWater: Math.max(4, 2 * concurrency),
    writeBacklog: 16,
    writeBacklogHard: 128,
    network,
  };
}

/** True when the next group may be read now. */
export function mayReadAhead(state: ReadAheadState, limits: ReadAheadLimits): boolean {
  if (state.queueRunning && state.waitingBatches >= limits.batchesAhead) return false;
  if (state.writeBacklog >= limits.writeBacklogHard) return false;
  if (state.writeBacklog < limits.writeBacklog) return true;
  // the writer is behind: only a network queue about to run dry is fed anyway
  return limits.network && state.queueRunning && state.waitingBatches < limits.lowWater;
}
