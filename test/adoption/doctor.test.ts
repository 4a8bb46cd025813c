/**
 * `storyloc doctor` through the CLI: DeepL against the test server (deepl-node over HTTP, a fake key
 * that is never printed), the glossary and its DeepL sync, a broken config, the Node.js version.
 * (With and without Apertium: test/adoption/start-workspace.test.ts.)
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDoctor } from '../../src/doctor/index.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { closedLocalPort } from '../support/closed-port.js';
import { runCli } from '../support/run-cli.js';

let server: DeepLServer;
let dir: string;
const NO_TOOLS_PATH = '/nonexistent';

beforeAll(async () => {
  server = await startDeepLServer({ characterLimit: 500_000, echoAuthKeyInErrors: true });
});
afterAll(() => server.close());

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-doctor-'));
  expect((await runCli(['init', '--from', 'en'], { cwd: dir, env: { LANG: 'C' } })).code).toBe(0);
  pointDeepLAt(server.url);
  server.clearLog();
  server.configure({ authKeys: [server.authKey] });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function pointDeepLAt(url: string): void {
  const file = path.join(dir, 'storyloc.config.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace('    authKeyEnv: DEEPL_AUTH_KEY', `    serverUrl: ${url}\n    authKeyEnv: DEEPL_AUTH_KEY`),
  );
}

function doctor(key: string | undefined) {
  const env: NodeJS.ProcessEnv = { LANG: 'C', PATH: NO_TOOLS_PATH };
  if (key !== undefined) env.DEEPL_AUTH_KEY = key;
  return runCli(['doctor'], { cwd: dir, env });
}

function line(stdout: string, label: string): string {
  return (
    stdout.split('\n').find((row) => row.startsWith(`  `) && row.slice(4).startsWith(`${label}:`)) ??
    `(no ${label} line)`
  );
}

describe('storyloc doctor with DeepL', () => {
  test('a key the server accepts: usage and limit from /v2/usage, DeepL is the default engine, exit 0', async () => {
    const result = await doctor(server.authKey);
    expect(line(result.stdout, 'deepl')).toBe(
      `  ✓ deepl: key in DEEPL_AUTH_KEY accepted by ${server.url}; 0 of 500,000 characters used this period`,
    );
    expect(result.stdout).toContain('\nDefault engine: deepl (DEEPL_AUTH_KEY is set): it can run.\n');
    expect(result.code).toBe(0);
    expect(server.requests({ path: '/v2/usage' }).map((request) => [request.method, request.status])).toEqual([
      ['GET', 200],
    ]);
    expect(result.stdout + result.stderr).not.toContain(server.authKey);
  });

  test('the DeepL glossaries: out of step before glossary sync, in step after (checked on the server, nothing changed by doctor)', async () => {
    const before = await doctor(server.authKey);
    expect(line(before.stdout, 'DeepL glossaries')).toBe(
      '  ! DeepL glossaries: changes to send: 1 (dictionaries wanted: 1; checked on DeepL)',
    );
    expect(before.stdout).toContain('      fix: run storyloc glossary sync\n');
    expect(server.requests().filter((request) => request.method !== 'GET')).toEqual([]);
    const sync = await runCli(['glossary', 'sync'], { cwd: dir, env: { LANG: 'C', DEEPL_AUTH_KEY: server.authKey } });
    expect(sync.code).toBe(0);
    const after = await doctor(server.authKey);
    expect(line(after.stdout, 'DeepL glossaries')).toBe(
      '  ✓ DeepL glossaries: in step with the termbase (dictionaries: 1; checked on DeepL)',
    );
  });

  test('the glossary listing fails after /v2/usage answered: a warning, DeepL still can run', async () => {
    server.injectFault({ kind: 'status', status: 503, path: '/v3/glossaries' });
    const result = await doctor(server.authKey);
    expect(line(result.stdout, 'DeepL glossaries').startsWith('  ! DeepL glossaries: not checked: ')).toBe(true);
    expect(line(result.stdout, 'DeepL glossaries')).toContain('503');
    expect(result.code).toBe(0);
  });

  test('a key the server refuses: the check fails with the fix, the key is never printed (even when the server echoes it)', async () => {
    const wrongKey = 'wrong-secret-key-1234:fx';
    const result = await doctor(wrongKey);
    expect(line(result.stdout, 'deepl').startsWith(`  ✗ deepl: ${server.url} did not answer: `)).toBe(true);
    expect(result.stdout).toContain('      fix: check the key in DEEPL_AUTH_KEY (a Free key ends in ":fx")\n');
    expect(result.stdout).toContain(
      '\nDefault engine: deepl (DEEPL_AUTH_KEY is set): it cannot run; see the fixes above.\n',
    );
    expect(result.code).toBe(1);
    expect(server.requests({ path: '/v2/usage' }).map((request) => request.status)).toEqual([403]);
    expect(result.stdout + result.stderr).not.toContain(wrongKey);
    expect(result.stdout + result.stderr).not.toContain('wrong-secret');
  });

  test('the character limit reached: DeepL cannot run', async () => {
    server.configure({ characterLimit: 0 });
    try {
      const result = await doctor(server.authKey);
      expect(line(result.stdout, 'deepl')).toBe(
        '  ✗ deepl: key in DEEPL_AUTH_KEY accepted, but the character limit is reached (0 of 0)',
      );
      expect(result.code).toBe(1);
    } finally {
      server.configure({ characterLimit: 500_000 });
    }
  });

  test('a server that does not answer: the network fix', async () => {
    const url = `http://localhost:${await closedLocalPort()}`;
    const file = path.join(dir, 'storyloc.config.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(server.url, url));
    const result = await doctor(server.authKey);
    expect(line(result.stdout, 'deepl').startsWith(`  ✗ deepl: ${url} did not answer: `)).toBe(true);
    expect(result.stdout).toContain('      fix: check the network, a proxy, or engine.deepl.serverUrl in the config\n');
    expect(result.code).toBe(1);
  });

  test('no key, no Apertium, no Chromium: every finding with its fix, the default engine is none, exit 1', async () => {
    const result = await doctor(undefined);
    const nodeLine = `  ✓ Node.js: ${process.versions.node} (storyloc needs >=20.12)`;
    expect(result.stdout).toBe(
      [
        'storyloc 0.1.0: doctor',
        nodeLine,
        '  ✓ config: storyloc.config.yaml is valid',
        '  ✓ languages: from en into it',
        '  ✗ apertium: not installed (command "apertium" not found)',
        '      fix: apt-get install apertium apertium-eng-spa apertium-spa-ita (or set engine.apertium.command)',
        '  ✗ deepl: no key (DEEPL_AUTH_KEY is not set)',
        '      fix: export DEEPL_AUTH_KEY=… with your DeepL API key (never put it in a file of the workspace)',
        '  ✓ pseudo: always available (a test engine: marks text instead of translating it)',
        '  ✓ glossary: no problems (entries: 1, files: 1, in glossary)',
        '  - DeepL glossaries: not used (DEEPL_AUTH_KEY is not set and nothing was synced)',
        '  ! Chromium: not found (looked for chromium, chromium-browser, google-chrome, google-chrome-stable)',
        '      fix: storyloc review --serve opens in any browser; install Chromium (apt-get install chromium) only to run the review page tests',
        '',
        'Default engine: none (no DEEPL_AUTH_KEY set; apertium not installed): it cannot run; see the fixes above.',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
  });
});

describe('storyloc doctor on a broken workspace', () => {
  test("a glossary with an error: reported with the fix; the verdict stays the engine's", async () => {
    writeFileSync(
      path.join(dir, 'glossary', 'broken.yaml'),
      'entries:\n  - id: a\n    type: nonsense\n    forms: {en: A}\n',
    );
    const result = await runCli(['doctor'], {
      cwd: path.join(dir, 'articles'),
      env: { LANG: 'C', PATH: NO_TOOLS_PATH, DEEPL_AUTH_KEY: server.authKey },
    });
    expect(line(result.stdout, 'glossary')).toBe(
      '  ✗ glossary: errors: 1, warnings: 0 (entries: 1, files: 2, in ../glossary)',
    );
    expect(line(result.stdout, 'DeepL glossaries')).toBe(
      '  - DeepL glossaries: not checked until the glossary lints without errors',
    );
    expect(result.code).toBe(0);
  });

  test('an invalid config: the position and the message, exit 1', async () => {
    writeFileSync(path.join(dir, 'storyloc.config.yaml'), 'sourceLanguages: [en]\nqueue:\n  concurrency: many\n');
    const result = await runCli(['doctor'], { cwd: dir, env: { LANG: 'C', PATH: NO_TOOLS_PATH } });
    expect(line(result.stdout, 'config')).toBe(
      '  ✗ config: storyloc.config.yaml:3:16: queue.concurrency: expected a number from 1 to 64',
    );
    expect(result.stdout).toContain('\nNo valid workspace config: no engine can run.\n');
    expect(result.code).toBe(1);
  });

  test('no workspace at all: the fix is storyloc init', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'storyloc-doctor-empty-'));
    try {
      const result = await runCli(['doctor'], { cwd: empty, env: { LANG: 'C', PATH: NO_TOOLS_PATH } });
      expect(result.stdout).toContain('      fix: run storyloc init here, or give --workspace DIR\n');
      expect(result.code).toBe(1);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('a Node.js older than package.json engines fails with the fix', async () => {
    const report = await runDoctor({ cwd: dir, env: { PATH: NO_TOOLS_PATH }, nodeVersion: '18.19.1' });
    expect(report.findings[0]).toEqual({
      id: 'node',
      status: 'fail',
      message: { key: 'setup:doctor.node.old', params: { version: '18.19.1', required: '>=20.12' } },
      fix: { key: 'setup:doctor.node.fix', params: { required: '>=20.12' } },
    });
    const statusOn = async (nodeVersion: string) =>
      (await runDoctor({ cwd: dir, env: { PATH: NO_TOOLS_PATH }, nodeVersion })).findings[0]!.status;
    // crypto.hash and Dirent.parentPath came in 20.12
    expect([await statusOn('20.11.1'), await statusOn('20.12.0')]).toEqual(['fail', 'ok']);
  });
});
