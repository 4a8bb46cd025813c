/**
 * Workspaces the bench made, deleted only once every timed run is over (the in-memory benches' as well
 * as the CLI runs'). Deleting thousands of files right before a timed run charges that run with the
 * bench's own cleanup: on ext4 without a journal (this VM's disk), creating a file within seconds of many
 * deletions scans past the freshly freed inodes, about a fifth of a first translate's CPU samples. The
 * in-memory `check` and `memory` benches delete tens of thousands of files just before the CLI bench
 * starts, and the first `translate` run after them took 13.7 s where the next two took 9.8 and 9.2. A
 * user's first run never pays for a deletion it did not make.
 */
import { rmSync } from 'node:fs';

const discarded: string[] = [];

/** `dir` is deleted by `deleteDiscarded`, when the bench is over. */
export function discardAfterBench(dir: string): void {
  discarded.push(dir);
}

/** Deletes every discarded workspace (the bench's last step, timed runs all done). */
export function deleteDiscarded(): void {
  for (const dir of discarded.splice(0)) rmSync(dir, { recursive: true, force: true });
}
