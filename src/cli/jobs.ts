/**
 * `--jobs N` of every command that shares its work across worker threads (`check`, `roundtrip`): one
 * parser and one error. Absent: 'auto', the rule of io/shared-work.ts (this thread plus the idle cores).
 */
import { inputError } from '../errors.js';

/** More threads than this is a typing slip, not a machine. */
const MAX_JOBS = 64;

/** `--jobs` as a whole number from 1 to 64 (spaces around it allowed), or 'auto' when absent. */
export function parseJobs(value: string | undefined): number | 'auto' {
  if (value === undefined) return 'auto';
  const jobs = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || jobs < 1 || jobs > MAX_JOBS)
    throw inputError('cli.badJobs', 'cli:error.badJobs', { value });
  return jobs;
}
