/**
 * Runs a child process in small steps so a test can kill it at a moment it can only see from the outside
 * (every answer in the journal, some articles not yet written). Polling a running child is a race: on a
 * fast machine the child can reach the moment and run past it between two polls (CI saw a whole final
 * write phase fit between two polls). Here the child is frozen with SIGSTOP while the condition is read,
 * so what the test saw is exactly what a SIGKILL then leaves behind.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Thread states from /proc: `T` stopped by a signal, `t` stopped by a tracer, `Z`/`X` dead. */
function allThreadsStopped(pid: number): boolean {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return true; // gone: nothing will move any more
  }
  return tasks.every((task) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'latin1');
      // the state follows the command name, which is in parentheses and may itself hold spaces
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      return state === 'T' || state === 't' || state === 'Z' || state === 'X';
    } catch {
      return true; // that thread has exited
    }
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function freeze(child: ChildProcess): Promise<void> {
  child.kill('SIGSTOP');
  // A signal is delivered asynchronously; wait until no thread (the writer thread too) can still run.
  while (!allThreadsStopped(child.pid!)) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Lets `child` run in steps of about `stepMs` until `condition` holds while it is frozen; returns true
 * with the child left frozen (kill it or send SIGCONT), or false if the child exited first.
 */
export async function freezeWhen(
  child: ChildProcess,
  condition: () => boolean,
  { stepMs = 1, timeoutMs = 60_000 }: { stepMs?: number; timeoutMs?: number } = {},
): Promise<boolean> {
  const start = Date.now();
  for (;;) {
    if (exited(child)) return false;
    await freeze(child);
    if (exited(child)) return false;
    if (condition()) return true;
    if (Date.now() - start > timeoutMs) {
      child.kill('SIGCONT');
      throw new Error(`freezeWhen: condition not met in ${timeoutMs} ms`);
    }
    child.kill('SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
