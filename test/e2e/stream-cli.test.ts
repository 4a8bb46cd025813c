/**
 * The streamed translate run (src/translate/stream.ts) on workspaces larger than one group of articles:
 * the queue is fed while later articles are read, and what happens to the queue (a stop) reaches the
 * reader. Through the CLI, in process, against the DeepL test server.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, useDeepLEngine, type TempWorkspace } from './workspace.js';

let server: DeepLServer;
beforeAll(async () => {
  server = await startDeepLServer({ latencyMs: 5 });
});
afterAll(async () => {
  await server.close();
});

/** The example workspace with `count` generated news stories added (several groups of 16). */
async function largeWorkspace(count: number): Promise<TempWorkspace> {
  const { generateCorpus } = await import('../../bench/corpus.js');
  const ws = copyWorkspace();
  useDeepLEngine(ws, server.url, 20000);
  for (const article of generateCorpus(count)) {
    const file = path.join(ws.dir, 'articles', article.relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, article.text);
  }
  return ws;
}

const env = (): NodeJS.ProcessEnv => ({ LANG: 'en_US.UTF-8', DEEPL_AUTH_KEY: server.authKey });

describe('a queue that stops while the reader waits for room', () => {
  test('the run still reads and writes every article, says why it stopped, and exits 2', async () => {
    const ws = await largeWorkspace(40);
    try {
      server.clearLog();
      server.clearFaults();
      // one request at a time: the first group alone fills the queue, so the reader waits for room
      server.injectFault({ kind: 'status', status: 456, count: 1000 });
      const run = await runCli(['translate', '--workspace', ws.dir, '--concurrency', '1', '--json'], { env: env() });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('The engine quota is used up: sending stopped.');
      const summary = JSON.parse(run.stdout) as { articles: number; sent: number; stopped: string };
      expect(summary).toMatchObject({ articles: 43, sent: 0, stopped: 'quota' });
      // every article was read and written anyway (showing its source text), as before streaming
      const outputs = ws.files().filter((file) => file.startsWith('output/it/') && file.endsWith('.md'));
      expect(outputs).toHaveLength(43);
      expect(server.requests({ path: '/v2/translate' }).map((request) => request.status)).toEqual([456]);
    } finally {
      ws.remove();
    }
  }, 60_000);
});

describe('texts repeated across groups of articles', () => {
  test('are sent once per run: the real run sends what the dry run of the whole workspace plans', async () => {
    const ws = await largeWorkspace(24);
    try {
      server.clearLog();
      server.clearFaults();
      const dry = JSON.parse(
        (await runCli(['translate', '--workspace', ws.dir, '--dry-run', '--json'], { env: env() })).stdout,
      ) as { requests: number; sent: number; duplicates: number };
      const real = JSON.parse(
        (await runCli(['translate', '--workspace', ws.dir, '--concurrency', '2', '--json'], { env: env() })).stdout,
      ) as { requests: number; sent: number; duplicates: number };
      expect(dry.duplicates).toBeGreaterThan(0);
      expect(real).toMatchObject({ requests: dry.requests, sent: dry.sent, duplicates: dry.duplicates });
      const texts = server.requests({ path: '/v2/translate' }).flatMap((request) => request.texts);
      expect(texts).toHaveLength(dry.sent);
    } finally {
      ws.remove();
    }
  }, 60_000);
});
