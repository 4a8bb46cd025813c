/**
 * A real Ctrl-C (SIGINT) to the compiled CLI while a DeepL request is in flight at the test server:
 * the first stops taking work, waits for the request the server already billed, keeps it and exits 130;
 * a second one quits at once. Either way the rerun sends only what was never answered.
 */
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { runCli } from '../support/run-cli.js';
import { cliEntry, ensureBuilt } from '../e2e/build.js';
import { copyWorkspace, useDeepLEngine, type TempWorkspace } from '../e2e/workspace.js';
import { waitFor } from '../support/wait-for.js';

const LATENCY_MS = 400;
const ARTICLES = ['en/finale.md', 'en/set.md', 'ko/interview.md'];

let server: DeepLServer;
let ws: TempWorkspace;
beforeAll(async () => {
  ensureBuilt();
  server = await startDeepLServer({ latencyMs: LATENCY_MS });
}, 120_000);
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  ws = copyWorkspace();
  server.clearLog();
  server.configure({ latencyMs: LATENCY_MS });
  useDeepLEngine(ws, server.url, 20000);
});
afterEach(() => ws.remove());

const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, DEEPL_AUTH_KEY: server.authKey, LANG: 'en_US.UTF-8' });

/**
 * Starts the CLI; sends `signals` SIGINTs once the second request is at the server, one answered before.
 * `secondHangs`: the server never answers the second request, so a process that exits did not wait for it.
 */
async function interruptedRun(
  signals: number,
  { secondHangs = false }: { secondHangs?: boolean } = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [cliEntry, 'translate', '--workspace', ws.dir], {
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  // 'close', not 'exit': the last lines on stderr may still be on their way when the process has exited
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const translateLog = () => server.requests({ path: '/v2/translate' });
  if (secondHangs) {
    // the first request is at the server (answered only after its latency): the next one hangs
    await waitFor(() => translateLog().length >= 1);
    server.injectFault({ kind: 'hang', path: '/v2/translate' });
  }
  await waitFor(
    () =>
      translateLog().length === 2 &&
      (secondHangs ? translateLog()[1]!.outcome === 'hang' : translateLog()[1]!.status === null),
  );
  for (let i = 0; i < signals; i++) {
    child.kill('SIGINT');
    if (i + 1 < signals) await waitFor(() => stderr.includes('Press Ctrl-C again'));
  }
  const { code, signal } = await exited;
  return { code, signal, stderr };
}

const answeredTexts = (): string[] =>
  server
    .requests({ path: '/v2/translate' })
    .filter((request) => request.status === 200)
    .flatMap((request) => request.texts);
const deeplRecords = () =>
  ARTICLES.flatMap((article) => ws.state(`output/it/${article}.state.json`).segments).filter(
    (record) => record.engine === 'deepl',
  );

describe('Ctrl-C on the real process', () => {
  test('once: the request in flight is answered and kept, exit 130; the rerun bills nothing twice', async () => {
    const run = await interruptedRun(1);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(
      'Stopping: no new requests; waiting for the requests in flight to finish (they are already paid for).',
    );
    expect(run.stderr).toMatch(/Interrupted: \d+ texts are translated and saved/);
    // The fixture sends 3 texts per request, one at a time: both requests were answered and both are on disk.
    expect(server.requests({ path: '/v2/translate' }).map((request) => request.status)).toEqual([200, 200]);
    const kept = answeredTexts();
    expect(kept).toHaveLength(6);
    expect(deeplRecords().length).toBeGreaterThanOrEqual(6);

    server.configure({ latencyMs: 0 });
    const rerun = await runCli(['translate', '--workspace', ws.dir], { env: env() });
    expect(rerun.code).toBe(0);
    const all = answeredTexts();
    expect(all).toHaveLength(21);
    expect(new Set(all).size).toBe(21);
    expect(
      ARTICLES.flatMap((article) => ws.state(`output/it/${article}.state.json`).segments).filter(
        (record) => record.target === null,
      ),
    ).toEqual([]);
  }, 30_000);

  test('twice: the process quits at once, without waiting for the request in flight; the rerun finishes', async () => {
    const run = await interruptedRun(2, { secondHangs: true });
    expect(run.signal).toBe('SIGINT');
    // the request in flight was never answered: the process did not wait for it
    expect(server.requests({ path: '/v2/translate' }).map((request) => request.outcome)).toEqual(['answered', 'hang']);

    server.clearFaults();
    server.configure({ latencyMs: 0 });
    const rerun = await runCli(['translate', '--workspace', ws.dir], { env: env() });
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).not.toContain('edited');
    expect(
      ARTICLES.flatMap((article) => ws.state(`output/it/${article}.state.json`).segments).filter(
        (record) => record.target === null,
      ),
    ).toEqual([]);
  }, 30_000);
});
