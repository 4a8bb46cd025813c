/**
 * Polls until a condition about a child process or a server holds (a request arrived, a file appeared):
 * the signal and kill tests act at such a moment, not after a fixed sleep.
 */
export async function waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
