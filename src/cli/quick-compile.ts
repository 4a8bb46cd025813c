/**
 * V8's inlining budget for the short, CPU-bound commands (`check`, `roundtrip`). Such a process is cold
 * from start to end: on 2,000 stories V8's optimising compiler took a third of a `roundtrip`'s
 * instructions (callgrind, `--jobs 1`), much of it inlining callees into the parser's and the rules'
 * large functions. A smaller budget per function (150 bytes of bytecode instead of 920) compiles less for
 * code nearly as fast: `roundtrip` 8% fewer instructions; `check` 14% fewer on 200 stories and about 15%
 * less user CPU on 2,000 (3.65–4.05 s wall against 4.02–5.17, back to back). `translate` gained nothing
 * (its run is long enough for the compiled code to pay) and keeps V8's default.
 *
 * Set by the command, not by the library functions: the flag is process-wide (worker threads started
 * afterwards included) and only changes how fast code runs, never what it computes; a long-lived
 * process (the review page) should keep the default.
 */
import { setFlagsFromString } from 'node:v8';

const QUICK_COMPILE_FLAG = '--max-inlined-bytecode-size-cumulative=150';

/** Asks V8 to inline less from now on (see the module header). */
export function compileForShortRun(): void {
  setFlagsFromString(QUICK_COMPILE_FLAG);
}
