/**
 * The DeepL key never leaves the process: `storyloc translate --debug` (stack traces on) through
 * deepl-node against the test server, for a success and for every fault, with the server echoing the key
 * into its error messages. Nothing printed and no file written in the workspace may hold the key.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { runCli } from '../support/run-cli.js';
import { closedLocalPort } from '../support/closed-port.js';
import { copyWorkspace, useDeepLEngine, type TempWorkspace } from '../e2e/workspace.js';

/** A Free key (`:fx`): its bare and URL-encoded forms are checked too. */
const KEY = '5e0b7c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e:fx';
const WRONG_KEY = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d:fx';

let server: DeepLServer;
let ws: TempWorkspace;

beforeAll(async () => {
  server = await startDeepLServer({ authKeys: [KEY], echoAuthKeyInErrors: true, latencyMs: 2 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  ws = copyWorkspace();
  server.clearLog();
  server.clearFaults();
});
afterEach(() => ws.remove());

/** A request timeout of 20 s, or a short one where a test makes the server hang (a loaded machine never hits 20 s). */
const useDeepL = (url: string, timeoutMs = 20_000): void => useDeepLEngine(ws, url, timeoutMs);

/** Runs `translate --debug` and returns everything it printed plus every file of the workspace. */
async function runAndCollect(
  key: string,
  extra: string[] = [],
): Promise<{ code: number; stderr: string; everything: string }> {
  const result = await runCli(['translate', '--workspace', ws.dir, '--debug', ...extra], {
    env: { LANG: 'C', DEEPL_AUTH_KEY: key },
  });
  const files = ws.files().map((file) => `${file}\n${ws.read(file)}`);
  return { code: result.code, stderr: result.stderr, everything: [result.stdout, result.stderr, ...files].join('\n') };
}

function expectNoKey(text: string, key: string): void {
  expect(text).not.toContain(key);
  expect(text).not.toContain(key.slice(0, -3));
  expect(text).not.toContain(encodeURIComponent(key));
}

describe('the DeepL key is never printed, logged or written (translate --debug)', () => {
  test('a successful run: states, outputs, caches and the summary hold no key', async () => {
    useDeepL(server.url);
    const run = await runAndCollect(KEY, ['--json']);
    expect(run.code).toBe(0);
    expect(server.requests({ path: '/v2/translate' }).every((request) => request.status === 200)).toBe(true);
    expect(ws.files().filter((file) => file.endsWith('.state.json'))).toHaveLength(3);
    expectNoKey(run.everything, KEY);
  });

  test('a refused key echoed back by the server: exit 2, the message names the variable, no key', async () => {
    useDeepL(server.url);
    const run = await runAndCollect(WRONG_KEY);
    expect(run.code).toBe(2);
    expect(server.requests({ path: '/v2/translate' }).map((request) => request.status)).toEqual([403]);
    expect(run.stderr).toContain('The engine refused the authentication key: sending stopped.');
    expectNoKey(run.everything, WRONG_KEY);
  });

  test.each([
    [
      '5xx until retries run out',
      () => server.injectFault({ kind: 'status', status: 502, count: 10 }),
      /The engine kept failing \(The DeepL server failed \(HTTP 502\)/,
    ],
    [
      'a reset connection every time',
      () => server.injectFault({ kind: 'reset', count: 10 }),
      /The engine kept failing \(/,
    ],
    ['a hanging server', () => server.injectFault({ kind: 'hang', count: 10 }), /The engine kept failing \(/],
    ['456 quota', () => server.injectFault({ kind: 'status', status: 456, count: 1 }), /The engine quota is used up/],
  ])('%s: exit 2, a clear message, no key', async (_name, fault, message) => {
    useDeepL(server.url, 300);
    fault();
    const run = await runAndCollect(KEY);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expectNoKey(run.everything, KEY);
  });

  test('an unreachable server: exit 2, no key', async () => {
    const closedPort = await closedLocalPort();
    useDeepL(`http://localhost:${closedPort}`);
    const run = await runAndCollect(KEY);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/The engine kept failing \(.*ECONNREFUSED/);
    expectNoKey(run.everything, KEY);
  });
});
