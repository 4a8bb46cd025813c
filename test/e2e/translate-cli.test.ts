/** `storyloc translate` end to end (in process): summaries, --json, faults, bad input and exit codes. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { unprivilegedRuntime } from '../support/unprivileged.js';
import path from 'node:path';
import { acquireWorkspaceLock } from '../../src/memory/lock.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { runCli } from '../support/run-cli.js';
import { closedLocalPort } from '../support/closed-port.js';
import { copyWorkspace, useDeepLEngine, type TempWorkspace } from './workspace.js';

let ws: TempWorkspace;
let server: DeepLServer;
beforeAll(async () => {
  server = await startDeepLServer({ latencyMs: 5 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  ws = copyWorkspace();
  server.clearLog();
  server.clearFaults();
  server.configure({ characterLimit: null, latencyMs: 5 });
});
afterEach(() => ws.remove());

const useDeepL = (url: string): void => useDeepLEngine(ws, url, 20_000);

const env = (): NodeJS.ProcessEnv => ({ LANG: 'en_US.UTF-8', DEEPL_AUTH_KEY: server.authKey });
const translated = () =>
  server
    .requests({ path: '/v2/translate' })
    .filter((r) => r.status === 200)
    .flatMap((r) => r.texts);

describe('summary', () => {
  test('--json prints one object with the run figures', async () => {
    const result = await runCli(['translate', '--workspace', ws.dir, '--json'], { env: { LANG: 'C' } });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      engine: 'pseudo',
      articles: 3,
      segments: 22,
      sent: 21,
      reused: 0,
      billed_characters: 0,
      requests: 8,
      stopped: null,
    });
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining([
        'engine',
        'segments',
        'sent',
        'reused',
        'billed_characters',
        'requests',
        'retries',
        'seconds',
      ]),
    );
  });

  test('the text summary names the engine and why it ran', async () => {
    const result = await runCli(['translate', '--workspace', ws.dir], { env: { LANG: 'C' } });
    expect(result.stdout.split('\n')[0]).toBe(`Engine: pseudo (engine.default in ${ws.dir}/storyloc.config.yaml)`);
    expect(result.stdout).toContain(
      '3 articles, 22 segments: 0 reused (0 from the memory), 21 texts sent (1 duplicate sent once), 0 left untranslated',
    );
  });

  test('--dry-run --json prints the plan and sends nothing', async () => {
    useDeepL(server.url);
    const result = await runCli(['translate', '--workspace', ws.dir, '--dry-run', '--json'], { env: env() });
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { requests: number; billed_characters: number; plan: unknown[] };
    expect(plan.requests).toBe(8);
    expect(plan.plan).toHaveLength(8);
    expect(server.requests({ path: '/v2/translate' })).toEqual([]);
    expect(ws.files().some((f) => f.startsWith('output/'))).toBe(false);
  });
});

describe('DeepL glossary', () => {
  test('after `glossary sync`, DeepL gets the glossary id and the terms unprotected; without it, placeholders', async () => {
    useDeepL(server.url);
    const plain = await runCli(['translate', '--workspace', ws.dir, 'articles/en/set.md'], { env: env(), cwd: ws.dir });
    expect(plain.code).toBe(0);
    const first = server.requests({ path: '/v2/translate' });
    expect(first.flatMap((r) => r.texts)).toContain('<x id="t1"/> thanked the fans.');
    expect(first.every((r) => r.params.glossary_id === undefined)).toBe(true);

    expect((await runCli(['glossary', 'sync', '--workspace', ws.dir], { env: env(), cwd: ws.dir })).code).toBe(0);
    server.clearLog();
    const synced = await runCli(['translate', '--workspace', ws.dir, 'articles/en/finale.md'], {
      env: env(),
      cwd: ws.dir,
    });
    expect(synced.code).toBe(0);
    const requests = server.requests({ path: '/v2/translate' });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.params.glossary_id?.length === 1)).toBe(true);
    const texts = requests.flatMap((r) => r.texts);
    expect(texts).toContain('The last episode of <g id="1">Queen of Tears</g> reached a record audience.');
    expect(texts.some((text) => text.includes('id="t1"'))).toBe(false);
    // "Kim Soo-hyun thanked the fans." was translated with placeholders before: the memory has it
    // with the same glossary versions, so it is not sent again.
    expect(texts).not.toContain('Kim Soo-hyun thanked the fans.');
  });
});

describe('DeepL faults', () => {
  test('456: finished work is kept, a clear message, exit 2; the rerun resumes with only the rest', async () => {
    useDeepL(server.url);
    server.configure({ characterLimit: server.usage.characterCount + 120 });
    const first = await runCli(['translate', '--workspace', ws.dir], { env: env() });
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('The engine quota is used up: sending stopped.');
    const sentFirst = translated();
    expect(sentFirst.length).toBeGreaterThan(0);
    const records = () =>
      ['en/finale.md', 'en/set.md', 'ko/interview.md'].flatMap((a) => ws.state(`output/it/${a}.state.json`).segments);
    expect(records().filter((r) => r.engine === 'deepl')).toHaveLength(
      sentFirst.length + (sentFirst.includes('<x id="t1"/> thanked the fans.') ? 1 : 0),
    );

    server.configure({ characterLimit: null });
    const second = await runCli(['translate', '--workspace', ws.dir], { env: env() });
    expect(second.code).toBe(0);
    const all = translated();
    expect(all).toHaveLength(21);
    expect(new Set(all).size).toBe(21);
    expect(records().filter((r) => r.target === null)).toEqual([]);
  });

  test('--max-chars: never more billed characters than the budget, exit 1, the rest on the next run', async () => {
    useDeepL(server.url);
    const result = await runCli(['translate', '--workspace', ws.dir, '--max-chars', '150', '--json'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The budget of 150 billed characters is reached');
    const billed = server.requests({ path: '/v2/translate' }).reduce((sum, r) => sum + (r.billedCharacters ?? 0), 0);
    expect(billed).toBeGreaterThan(0);
    expect(billed).toBeLessThanOrEqual(150);
    expect(JSON.parse(result.stdout)).toMatchObject({ billed_characters: billed, stopped: 'budget' });
    const rest = await runCli(['translate', '--workspace', ws.dir], { env: env() });
    expect(rest.code).toBe(0);
    expect(translated()).toHaveLength(21);
    expect(new Set(translated()).size).toBe(21);
  });

  test('Ctrl-C: stops taking work, keeps what finished, exit 130', async () => {
    useDeepL(server.url);
    server.configure({ latencyMs: 60 });
    const controller = new AbortController();
    // Ctrl-C once the first batch is on disk.
    const watcher = setInterval(() => {
      try {
        if (ws.read('output/it/en/finale.md.state.json').includes('"engine": "deepl"')) controller.abort();
      } catch {
        // not written yet
      }
    }, 5);
    const result = await runCli(['translate', '--workspace', ws.dir], { env: env(), signal: controller.signal });
    clearInterval(watcher);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Interrupted:');
    const done = ['en/finale.md', 'en/set.md', 'ko/interview.md']
      .flatMap((a) => ws.state(`output/it/${a}.state.json`).segments)
      .filter((r) => r.target !== null);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(22);
  });

  test('an unreachable server: clear message, exit 2, outputs whole', async () => {
    const closed = await closedLocalPort();
    useDeepL(`http://localhost:${closed}`);
    const result = await runCli(['translate', '--workspace', ws.dir], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/The engine kept failing/);
    expect(ws.state('output/it/en/finale.md.state.json').segments.every((r) => r.target === null)).toBe(true);
    expect(ws.files().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('bad input', () => {
  const cases: Array<[string, string[], NodeJS.ProcessEnv, RegExp]> = [
    ['an unknown engine', ['--engine', 'babel'], { LANG: 'C' }, /Unknown engine "babel"/],
    ['an unknown target language', ['--to', 'xx'], { LANG: 'C' }, /Unknown target language "xx"/],
    ['a missing key for --engine deepl', ['--engine', 'deepl'], { LANG: 'C' }, /DEEPL_AUTH_KEY/],
    ['an article that does not exist', ['articles/en/nope.md'], { LANG: 'C' }, /nope\.md/],
    ['a bad --max-chars', ['--max-chars', 'lots'], { LANG: 'C' }, /--max-chars/],
  ];
  test.each(cases)('%s: a clear message, exit 2, nothing written', async (_name, args, environment, message) => {
    const result = await runCli(['translate', '--workspace', ws.dir, ...args], { env: environment, cwd: ws.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(ws.files().some((f) => f.startsWith('output/'))).toBe(false);
  });

  test('a second run while one holds the lock', async () => {
    const lock = acquireWorkspaceLock(ws.dir);
    try {
      const result = await runCli(['translate', '--workspace', ws.dir], { env: { LANG: 'C' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Another storyloc run (process ${process.pid}) is working on this workspace`);
    } finally {
      lock.release();
    }
  });

  test('an edited state file with invalid JSON: file and line, nothing overwritten', async () => {
    await runCli(['translate', '--workspace', ws.dir], { env: { LANG: 'C' } });
    const file = 'output/it/en/set.md.state.json';
    const broken = ws.read(file).replace('"state": "machine",', '"state": "machine"');
    writeFileSync(path.join(ws.dir, file), broken);
    writeFileSync(
      path.join(ws.dir, 'articles/en/set.md'),
      ws.read('articles/en/set.md').replace('The crew applauded.', 'The crew cheered.'),
    );
    const before = new Map(ws.files().map((f) => [f, ws.read(f)]));
    const result = await runCli(['translate', '--workspace', ws.dir], { env: { LANG: 'C' } });
    expect(result.code).toBe(2);
    const line = broken.split('\n').findIndex((l) => l.includes('"state": "machine"') && !l.endsWith(',')) + 2;
    expect(result.stderr).toContain(`${ws.dir}/${file}:${line}:`);
    expect(new Map(ws.files().map((f) => [f, ws.read(f)]))).toEqual(before);
  });

  test('a read-only output folder: a clear message, exit 2, nothing half-written', async () => {
    await runCli(['translate', '--workspace', ws.dir], { env: { LANG: 'C' } });
    writeFileSync(
      path.join(ws.dir, 'articles/en/set.md'),
      ws.read('articles/en/set.md').replace('The crew applauded.', 'The crew cheered.'),
    );
    // outputs and states must not change (.storyloc/ holds caches and may grow)
    const snapshot = () =>
      new Map(
        ws
          .files()
          .filter((f) => !f.startsWith('.storyloc/'))
          .map((f) => [f, ws.read(f)]),
      );
    const before = snapshot();
    // root ignores folder permissions: then the CLI runs as the unprivileged user `nobody` (setpriv)
    // (from a world-readable copy of the build: `nobody` may not read the clone, test/support/unprivileged.ts)
    const asRoot = process.getuid?.() === 0;
    const runtime = asRoot ? unprivilegedRuntime() : null;
    if (asRoot) execFileSync('chown', ['-R', '65534:65534', ws.dir]);
    chmodSync(path.join(ws.dir, 'output/it/en'), 0o555);
    try {
      const result = runtime
        ? (() => {
            const child = spawnSync(
              'setpriv',
              runtime.setprivArgs([runtime.cliEntry, 'translate', '--workspace', ws.dir]),
              { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } },
            );
            return { code: child.status, stderr: child.stderr };
          })()
        : await runCli(['translate', '--workspace', ws.dir], { env: { LANG: 'C' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/read-only/);
      expect(snapshot()).toEqual(before);
    } finally {
      chmodSync(path.join(ws.dir, 'output/it/en'), 0o755);
      runtime?.remove();
    }
  });
});
