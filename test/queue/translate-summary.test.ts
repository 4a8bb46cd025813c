/**
 * What `storyloc translate` tells the user about the engine and the plan: which engine ran and why (text
 * and --json), the --dry-run plan (no engine call), and the texts a plan keeps back (budget, too large).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { toolAvailable } from '../support/tools.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, type TempWorkspace } from '../e2e/workspace.js';

let server: DeepLServer;
let ws: TempWorkspace;
beforeAll(async () => {
  server = await startDeepLServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  ws = copyWorkspace();
  server.clearLog();
});
afterEach(() => ws.remove());

function editConfig(edit: (config: string) => string): void {
  writeFileSync(path.join(ws.dir, 'storyloc.config.yaml'), edit(ws.read('storyloc.config.yaml')));
}

/** `engine.default: auto`, with the DeepL test server as the endpoint when a key is set. */
function useAuto(): void {
  editConfig((config) =>
    config.replace('  default: pseudo\n', `  default: auto\n  deepl:\n    serverUrl: ${server.url}\n`),
  );
}

async function json(args: string[], env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const result = await runCli(['translate', '--workspace', ws.dir, '--json', ...args], { env, cwd: ws.dir });
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('the engine that ran, and why', () => {
  test('auto with a key: deepl, in the text summary and in --json', async () => {
    useAuto();
    const env = { LANG: 'C', DEEPL_AUTH_KEY: server.authKey };
    const text = await runCli(['translate', '--workspace', ws.dir, '--dry-run'], { env });
    expect(text.stdout.split('\n')[0]).toBe('Engine: deepl (DEEPL_AUTH_KEY is set)');
    const summary = await json(['--dry-run'], env);
    expect([summary.engine, summary.engine_reason]).toEqual(['deepl', 'DEEPL_AUTH_KEY is set']);
    expect(Object.keys(summary).slice(0, 2)).toEqual(['engine', 'engine_reason']);
  });

  test('auto without a key and without apertium on PATH: none, every segment left for a translator', async () => {
    useAuto();
    const summary = await json([], { LANG: 'C', PATH: '' });
    expect(summary).toMatchObject({
      engine: 'none',
      engine_reason: 'no DEEPL_AUTH_KEY set; apertium not installed',
      segments: 22,
      sent: 0,
      requests: 0,
      untranslated: 22,
      stopped: null,
    });
  });

  const apertiumInstalled = toolAvailable('apertium');
  (apertiumInstalled ? test : test.skip)(
    `auto without a key, apertium installed: apertium${apertiumInstalled ? '' : ' (SKIPPED: apertium is not installed)'}`,
    async () => {
      useAuto();
      const summary = await json(['articles/en/set.md'], { LANG: 'C', PATH: process.env.PATH });
      expect(summary).toMatchObject({
        engine: 'apertium',
        engine_reason: 'no DEEPL_AUTH_KEY set; apertium installed',
        untranslated: 0,
        stopped: null,
      });
    },
  );

  test('--engine wins over a key, and says so', async () => {
    useAuto();
    const summary = await json(['--dry-run', '--engine', 'pseudo'], { LANG: 'C', DEEPL_AUTH_KEY: server.authKey });
    expect([summary.engine, summary.engine_reason]).toEqual(['pseudo', 'chosen with --engine']);
  });
});

describe('--dry-run', () => {
  test('prints every request and the billed characters, calls no engine, and predicts the real run exactly', async () => {
    useAuto();
    const env = { LANG: 'C', DEEPL_AUTH_KEY: server.authKey };
    const result = await runCli(['translate', '--workspace', ws.dir, '--dry-run'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(1)).toEqual([
      'Dry run: nothing was sent and nothing was written.',
      'DeepL was not contacted: a dry run only plans and counts, with no key and no network.',
      '8 requests, 21 texts, 518 characters would be sent (518 billed characters)',
      '  request 1: en→it, 3 texts for 3 segments, 87 billed characters, 1185 bytes',
      '  request 2: en→it, 3 texts for 4 segments, 110 billed characters, 1500 bytes',
      '  request 3: en→it, 3 texts for 3 segments, 60 billed characters, 1257 bytes',
      '  request 4: en→it, 3 texts for 3 segments, 101 billed characters, 1175 bytes',
      '  request 5: en→it, 3 texts for 3 segments, 93 billed characters, 1327 bytes',
      '  request 6: en→it, 1 text for 1 segment, 15 billed characters, 1051 bytes',
      '  request 7: ko→it, 3 texts for 3 segments, 30 billed characters, 1512 bytes',
      '  request 8: ko→it, 2 texts for 2 segments, 22 billed characters, 1394 bytes',
      '3 articles, 22 segments: 0 reused (0 from the memory), 21 texts to send (1 duplicate sent once), 22 without a translation yet',
      '',
    ]);
    expect(server.log).toEqual([]);
    expect(ws.files().some((file) => file.startsWith('output/'))).toBe(false);

    const real = await json([], env);
    expect(real).toMatchObject({ requests: 8, sent: 21, billed_characters: 518, stopped: null });
    const translate = server.requests({ path: '/v2/translate' });
    expect(translate.map((request) => request.texts.length)).toEqual([3, 3, 3, 3, 3, 1, 3, 2]);
    expect(translate.reduce((sum, request) => sum + (request.billedCharacters ?? 0), 0)).toBe(518);
  });

  test('--max-chars: the plan never passes the budget and says how many texts wait for a later run', async () => {
    const result = await runCli(['translate', '--workspace', ws.dir, '--dry-run', '--max-chars', '100'], {
      env: { LANG: 'C' },
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(2, 5)).toEqual([
      '1 request, 3 texts, 87 characters would be sent (0 billed characters)',
      '18 more texts are left for a later run: they do not fit the --max-chars budget.',
      '  request 1: en→it, 3 texts for 3 segments, 87 characters, 1185 bytes',
    ]);
    const plan = await json(['--dry-run', '--max-chars', '100'], { LANG: 'C' });
    expect(plan).toMatchObject({
      billed_characters: 0,
      sent_characters: 87,
      requests: 1,
      over_budget: 18,
      too_large: 0,
    });
  });

  test('texts larger than one request are reported, never sent, and the rest is translated', async () => {
    editConfig((config) => `${config}  maxBytesPerRequest: 1100\n`);
    const result = await runCli(['translate', '--workspace', ws.dir, '--json'], { env: { LANG: 'C' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('storyloc: 7 texts are larger than one request allows and will not be sent.\n');
    expect(JSON.parse(result.stdout)).toMatchObject({ sent: 14, untranslated: 7, too_large: 7, over_budget: 0 });
  });
});
