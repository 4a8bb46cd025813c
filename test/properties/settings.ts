/**
 * Shared fast-check settings: a fixed seed in CI (printed by fast-check with the shrunk counterexample on
 * failure, so a failure replays with FC_SEED), and the number of runs one variable away: `FC_RUNS=10000`
 * for a nightly-sized run, `FC_SEED=…` to replay or to explore new inputs.
 */
import type { Parameters } from 'fast-check';

export function propertySettings<T>(defaultRuns: number): Parameters<T> {
  const runs = Number(process.env.FC_RUNS ?? defaultRuns);
  const seed = Number(process.env.FC_SEED ?? 16);
  return { numRuns: runs, seed, verbose: 1, endOnFailure: false };
}

/** Time a test may take: generous for the nightly size, which runs many more cases. */
export function propertyTimeout(defaultRuns: number, msPerRun: number): number {
  return Math.max(30_000, Number(process.env.FC_RUNS ?? defaultRuns) * msPerRun);
}
