/**
 * SIGTERM (`timeout`, CI runners, `docker stop`) and SIGHUP (a closed terminal) to the compiled CLI while
 * a DeepL request is in flight at the test server (issue 16, case 4): the same clean stop as Ctrl-C. The
 * answered request is kept, the lock released, no temporary file left, what is left is said, and the
 * exit code is 143 or 129; the rerun sends only what was never answered.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
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

/** Starts the CLI and sends `signal` once the second request is at the server, the first answered. */
async function signalledRun(
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [cliEntry, 'translate', '--workspace', ws.dir], {
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, sig) => resolve({ code, signal: sig })),
  );
  const translateLog = () => server.requests({ path: '/v2/translate' });
  await waitFor(() => translateLog().length === 2 && translateLog()[1]!.status === null);
  child.kill(signal);
  return { ...(await exited), stderr };
}

const answeredTexts = (): string[] =>
  server
    .requests({ path: '/v2/translate' })
    .filter((request) => request.status === 200)
    .flatMap((request) => request.texts);

function leftovers(): string[] {
  return readdirSync(ws.dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ws.dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => file.startsWith('.storyloc/lock') || /\.tmp$|\.\d+$/.test(file) || file.includes('.lock'));
}

describe.each([
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const)('%s on the real process', (signal, exitCode) => {
  test(`the request in flight is kept, the lock released, no temp file left, what is left said; exit ${exitCode}`, async () => {
    const run = await signalledRun(signal);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: exitCode, signal: null });
    expect(run.stderr).toContain(
      `Stopping (${signal}): no new requests; waiting for the requests in flight to finish (they are already paid for). Send ${signal} again to quit at once.`,
    );
    expect(run.stderr).toContain(
      'Interrupted: 6 texts are translated and saved; run the same command again to translate the remaining 15.',
    );
    expect(server.requests({ path: '/v2/translate' }).map((request) => request.status)).toEqual([200, 200]);
    expect(leftovers()).toEqual([]);
    const saved = ARTICLES.flatMap((article) => ws.state(`output/it/${article}.state.json`).segments).filter(
      (record) => record.engine === 'deepl',
    );
    expect(saved.length).toBeGreaterThanOrEqual(6);

    // The rerun bills nothing twice: 21 distinct texts answered over both runs.
    server.configure({ latencyMs: 0 });
    const rerun = await runCli(['translate', '--workspace', ws.dir], { env: env() });
    expect(rerun.code).toBe(0);
    const all = answeredTexts();
    expect([all.length, new Set(all).size]).toEqual([21, 21]);
  }, 30_000);
});
