/**
 * The signals that stop a run cleanly: Ctrl-C (SIGINT), SIGTERM (what `timeout`, CI runners and
 * `docker stop` send) and SIGHUP (a closed terminal or SSH session). All three do what Ctrl-C does:
 * the run stops taking work, keeps what was answered, releases the lock and says what is left; the
 * exit code tells which signal it was (128 + its number, as shells report a death by that signal).
 */
import { ExitCode } from '../errors.js';

export const stopSignalExitCodes = {
  SIGINT: ExitCode.interrupted,
  SIGTERM: ExitCode.terminated,
  SIGHUP: ExitCode.hangup,
} as const;

export type StopSignal = keyof typeof stopSignalExitCodes;

const stopSignals = Object.keys(stopSignalExitCodes) as StopSignal[];

export interface StopSignalWatch {
  /** the first stop signal received, null while none was */
  readonly received: StopSignal | null;
  /** removes the handlers still installed */
  dispose(): void;
}

/**
 * Aborts `controller` on the first stop signal. Every handler is then removed, so a second signal of any
 * kind gets the default action and ends the process at once (the way out when draining takes too long).
 */
export function watchStopSignals(controller: AbortController): StopSignalWatch {
  let received: StopSignal | null = null;
  const handlers = new Map<StopSignal, () => void>();
  const dispose = (): void => {
    for (const [name, handler] of handlers) process.removeListener(name, handler);
    handlers.clear();
  };
  for (const name of stopSignals) {
    const handler = (): void => {
      received = name;
      dispose();
      controller.abort();
    };
    handlers.set(name, handler);
    process.once(name, handler);
  }
  return {
    get received() {
      return received;
    },
    dispose,
  };
}

/** The exit code of a run a stop signal interrupted: 130 becomes 143 for SIGTERM and 129 for SIGHUP. */
export function exitCodeAfterSignal(code: number, received: StopSignal | null): number {
  return received !== null && code === ExitCode.interrupted ? stopSignalExitCodes[received] : code;
}
