/** Timing helpers shared by the benchmarks. Figures are seconds, from `performance.now()`. */

/** Seconds elapsed since `start`, a `performance.now()` reading. */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

/**
 * The fastest of `runs` results of `work` (the machine is shared: the best run is the least disturbed).
 * `work` times itself, so it can leave set-up out of the figure and return what it found.
 */
export function bestRun<T extends { seconds: number }>(runs: number, work: () => T): T {
  let best = work();
  for (let i = 1; i < runs; i++) {
    const next = work();
    if (next.seconds < best.seconds) best = next;
  }
  return best;
}

/** Collects garbage left by earlier work when node runs with --expose-gc (`npm run bench` does). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One run of `work`, timed. */
function timed(work: () => void): { seconds: number } {
  const start = performance.now();
  work();
  return { seconds: secondsSince(start) };
}

/** Best of `runs` timings of `work`, in seconds; each run starts without earlier runs' garbage. */
export function bestSeconds(runs: number, work: () => void): number {
  return bestRun(runs, () => {
    collectGarbage();
    return timed(work);
  }).seconds;
}

/**
 * Best of `runs` timings of `work` in the warm steady state a long job runs in: one untimed run first,
 * and no forced collection between runs (a translate run over many articles never pays one). On this
 * 2-core machine a forced full collection before each run mostly widened the spread of the runs
 * (18–21 MB/s for segmentation against 20.5–22 without); the best run came out about the same.
 */
export function bestSecondsWarm(runs: number, work: () => void): number {
  work();
  return bestRun(runs, () => timed(work)).seconds;
}
