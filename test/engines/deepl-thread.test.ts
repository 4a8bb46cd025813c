/**
 * The DeepL thread (engines/deepl-thread.ts) runs only compiled, so these tests drive the built `dist/`
 * in a child process against the DeepL test server of this process: deepl-node on the thread sends the
 * very requests the engine sends on this thread (same texts, same parameters, same billed characters),
 * returns the same translations, and its failures become the same EngineErrors, their causes redacted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDeepLEngine } from '../../src/engines/deepl.js';
import type { TranslateBatchRequest } from '../../src/engines/types.js';
import { ensureBuilt } from '../e2e/build.js';
import { repoRoot } from '../e2e/workspace.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';

const SECRET_KEY = '5be0f3d1-61a4-4d2b-9a37-7c1e0d9b2f44:fx';
/** a key the server refuses, echoed in its 403 message (as a careless proxy would) */
const WRONG_KEY = '0d9e7a52-3c1b-4f8e-a6d2-91b4c7e5f380:fx';

let server: DeepLServer;
beforeAll(async () => {
  ensureBuilt();
  server = await startDeepLServer({ authKeys: [SECRET_KEY] });
});
afterAll(async () => server.close());
beforeEach(() => {
  server.clearLog();
  server.clearFaults();
});

const BATCHES: TranslateBatchRequest[] = [
  {
    texts: ['The <g id="1">minister</g> said &amp; left.', 'Kim Soo-hyun won the award.'],
    sourceLang: 'en',
    targetLang: 'it',
  },
  // an ill-formed text goes alone with tag handling v1; the empty one is never sent
  {
    texts: ['A bare < sign', '', 'Your new drama, "Queen of Tears".'],
    sourceLang: 'en',
    targetLang: 'it',
    context: 'News.',
  },
];

/** What a batch gives back, or the EngineError fields of its failure (message, kind, status, cause). */
type Outcome =
  | { texts: string[]; billed: number }
  | { kind: string; status: number | null; message: string; cause: string };

/** Runs the batches through the compiled engine in a child process; returns the outcomes and thread counts. */
async function runCompiled(
  batches: TranslateBatchRequest[],
  key = SECRET_KEY,
): Promise<{ outcomes: Outcome[]; onThread: number; stderr: string }> {
  const dist = path.join(repoRoot, 'dist', 'src', 'engines');
  const script = `
    const { createDeepLEngine } = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'deepl.js')).href)});
    const thread = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'deepl-thread.js')).href)});
    const [url, batches] = [process.argv[1], JSON.parse(process.argv[2])];
    const engine = createDeepLEngine({ authKey: process.env.TEST_DEEPL_KEY, serverUrl: url, formality: 'default',
      sendContext: true, timeoutMs: 5000 });
    const outcomes = [];
    for (const batch of batches) {
      outcomes.push(await engine.translateBatch(batch).then(
        (result) => ({ texts: result.texts, billed: result.billedCharacters }),
        (error) => ({ kind: error.kind, status: error.status ?? null, message: error.message,
          cause: [error.cause?.name, error.cause?.message, error.cause?.stack].join('\\n') }),
      ));
    }
    await engine.close();
    console.log(JSON.stringify({ outcomes, onThread: thread.deeplThreadAnswerCount() }));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, server.url, JSON.stringify(batches)], {
    env: { PATH: process.env.PATH, TEST_DEEPL_KEY: key },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`child exited ${code}: ${stderr}`);
  return { ...(JSON.parse(stdout) as { outcomes: Outcome[]; onThread: number }), stderr };
}

/** The translate requests the server saw: texts and every parameter but the (identical) texts. */
function sentRequests(): Array<{
  params: Record<string, string[]>;
  status: number | null;
  billed: number | undefined;
}> {
  return server
    .requests({ path: '/v2/translate' })
    .map((request) => ({ params: request.params, status: request.status, billed: request.billedCharacters }));
}

describe('the DeepL thread', () => {
  test('sends the requests this thread sends and returns the same translations', async () => {
    const here = createDeepLEngine({
      authKey: SECRET_KEY,
      serverUrl: server.url,
      formality: 'default',
      sendContext: true,
      timeoutMs: 5000,
    });
    const expected: Outcome[] = [];
    for (const batch of BATCHES) {
      const result = await here.translateBatch(batch);
      expected.push({ texts: result.texts, billed: result.billedCharacters });
    }
    const sentHere = sentRequests();
    server.clearLog();

    const { outcomes, onThread, stderr } = await runCompiled(BATCHES);
    expect(stderr).toBe('');
    expect(outcomes).toEqual(expected);
    expect(sentRequests()).toEqual(sentHere);
    // batch 1: one request; batch 2: the well-formed text with v2 and the ill-formed one with v1
    expect(onThread).toBe(3);
    expect(sentHere.map((request) => request.params.tag_handling_version)).toEqual([['v2'], ['v2'], ['v1']]);
    expect(outcomes[0]).toEqual({
      texts: ['Il <g id="1">minister-it</g> ha detto &amp; left-it.', 'Kim-it Soo-hyun-it won-it il award-it.'],
      billed: 25 + 27, // "The minister said & left." and the second sentence, tags out, &amp; one character
    });
  }, 60_000);

  test('failures on the thread are the engine errors of this thread, the key redacted from their causes', async () => {
    server.configure({ echoAuthKeyInErrors: true });
    try {
      server.injectFault({ kind: 'status', status: 429, path: '/v2/translate' });
      server.injectFault({ kind: 'status', status: 503, path: '/v2/translate' });
      const batch = BATCHES[0]!;
      const { outcomes, onThread } = await runCompiled([batch, batch]);
      const wrongKey = (await runCompiled([batch], WRONG_KEY)).outcomes[0] as Extract<Outcome, { kind: string }>;
      expect(onThread).toBe(0);
      expect(outcomes.map((outcome) => ('kind' in outcome ? [outcome.kind, outcome.status] : 'answered'))).toEqual([
        ['rate-limited', 429],
        ['server', 503],
      ]);
      expect(wrongKey).toMatchObject({ kind: 'auth', status: 403 });
      expect(wrongKey.cause.split('\n')[0]).toBe('AuthorizationError');
      expect(wrongKey.message).toContain('[redacted]');
      expect(`${wrongKey.message}\n${wrongKey.cause}`).not.toContain(WRONG_KEY.slice(0, -3));
    } finally {
      server.configure({ echoAuthKeyInErrors: false });
    }
  }, 60_000);
});
