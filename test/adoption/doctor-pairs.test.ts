/**
 * `storyloc doctor` on the default workspace of `storyloc init` (sources en and ko, into it), through the
 * CLI: the exit code says whether `translate` can run here; a configured pair no engine here translates
 * (Debian's Apertium has no Korean) is a warning with the remedy, not a failure. Apertium is the real
 * Debian one, DeepL the test server over HTTP with a key that is never printed.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isCommandOnPath } from '../../src/engines/select.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { runCli } from '../support/run-cli.js';

const hasApertium = isCommandOnPath('apertium');
const NO_TOOLS_PATH = '/nonexistent';
let server: DeepLServer;
let dir: string;

beforeAll(async () => {
  server = await startDeepLServer({ characterLimit: 500_000, echoAuthKeyInErrors: true });
});
afterAll(() => server.close());
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-doctor-pairs-'));
  expect((await runCli(['init'], { cwd: dir, env: { LANG: 'C' } })).code).toBe(0);
  editConfig((text) =>
    text.replace('    authKeyEnv: DEEPL_AUTH_KEY', `    serverUrl: ${server.url}\n    authKeyEnv: DEEPL_AUTH_KEY`),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function editConfig(edit: (text: string) => string): void {
  const file = path.join(dir, 'storyloc.config.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

const doctor = (env: NodeJS.ProcessEnv) => runCli(['doctor'], { cwd: dir, env: { LANG: 'C', ...env } });

/** The report's lines from the languages line to the verdict, without Node.js, the glossary and Chromium. */
function engineLines(stdout: string): string[] {
  const lines = stdout.split('\n');
  const from = lines.findIndex((row) => row.startsWith('  ✓ languages:'));
  const to = lines.findIndex((row) => row.includes(' glossary: '));
  return [...lines.slice(from, to), lines.find((row) => row.startsWith('Default engine:')) ?? '(no verdict)'];
}

const KOREAN_GAP = [
  '  ! language pairs: ko→it: no engine here can translate it; its stories are left for a translator (translate exits 1 while they wait)',
  "      fix: export DEEPL_AUTH_KEY=… with a DeepL API key (DeepL translates ko→it; Debian's Apertium has no Korean language data), or remove the language from storyloc.config.yaml",
];
const NO_KEY = [
  '  ✗ deepl: no key (DEEPL_AUTH_KEY is not set)',
  '      fix: export DEEPL_AUTH_KEY=… with your DeepL API key (never put it in a file of the workspace)',
];
const PSEUDO = '  ✓ pseudo: always available (a test engine: marks text instead of translating it)';

describe('storyloc doctor and the configured language pairs (en, ko → it)', () => {
  test('no Apertium, no key: the default engine is none and nothing can be translated: exit 1', async () => {
    const result = await doctor({ PATH: NO_TOOLS_PATH });
    expect(engineLines(result.stdout)).toEqual([
      '  ✓ languages: from en, ko into it',
      '  ✗ apertium: not installed (command "apertium" not found)',
      '      fix: apt-get install apertium apertium-eng-spa apertium-spa-ita (or set engine.apertium.command)',
      ...NO_KEY,
      PSEUDO,
      'Default engine: none (no DEEPL_AUTH_KEY set; apertium not installed): it cannot run; see the fixes above.',
    ]);
    expect(result.code).toBe(1);
  });

  if (hasApertium) {
    test('only Apertium: en→it runs, ko→it is a warning with the exact remedy: exit 0', async () => {
      const result = await doctor({ PATH: process.env.PATH ?? '' });
      expect(engineLines(result.stdout)).toEqual([
        '  ✓ languages: from en, ko into it',
        '  ! apertium: installed, but has no language data for ko→it',
        '      fix: install the Apertium language pairs for ko-it (apt-cache search apertium), or translate those stories with DeepL',
        ...NO_KEY,
        PSEUDO,
        ...KOREAN_GAP,
        'Default engine: apertium (no DEEPL_AUTH_KEY set; apertium installed): it can run, but not for ko→it (see the warnings above).',
      ]);
      expect(result.code).toBe(0);
      // the same warning in Italian
      const italian = await doctor({ PATH: process.env.PATH ?? '', LANG: 'it_IT.UTF-8' });
      expect(italian.stdout).toContain(
        '  ! coppie di lingue: ko→it: nessun motore qui la può tradurre; i suoi articoli restano a un traduttore (translate esce con 1 finché attendono)\n',
      );
      expect(italian.code).toBe(0);
    });

    test('only Apertium, a language it has no data for at all: fr→it names the Apertium data or DeepL', async () => {
      editConfig((text) => text.replace('sourceLanguages: [en, ko]', 'sourceLanguages: [en, fr]'));
      const result = await doctor({ PATH: process.env.PATH ?? '' });
      expect(engineLines(result.stdout).slice(-3)).toEqual([
        '  ! language pairs: fr→it: no engine here can translate it; its stories are left for a translator (translate exits 1 while they wait)',
        '      fix: install the Apertium language data for fr-it (apt-cache search apertium), or export DEEPL_AUTH_KEY=… with a DeepL API key',
        'Default engine: apertium (no DEEPL_AUTH_KEY set; apertium installed): it can run, but not for fr→it (see the warnings above).',
      ]);
      expect(result.code).toBe(0);
    });

    test('only Apertium with no configured pair it knows (sources: ko): the default engine translates nothing: exit 1', async () => {
      editConfig((text) => text.replace('sourceLanguages: [en, ko]', 'sourceLanguages: [ko]'));
      const result = await doctor({ PATH: process.env.PATH ?? '' });
      expect(engineLines(result.stdout)).toEqual([
        '  ✓ languages: from ko into it',
        '  ✗ apertium: installed, but has no language data for ko→it',
        '      fix: install the Apertium language pairs for ko-it (apt-cache search apertium), or translate those stories with DeepL',
        ...NO_KEY,
        PSEUDO,
        'Default engine: apertium (no DEEPL_AUTH_KEY set; apertium installed): it cannot run; see the fixes above.',
      ]);
      expect(result.code).toBe(1);
    });

    test('Apertium chosen in the config and a DeepL key set: ko→it points at --engine deepl, the key never printed', async () => {
      editConfig((text) => text.replace('  default: auto', '  default: apertium'));
      const result = await doctor({ PATH: process.env.PATH ?? '', DEEPL_AUTH_KEY: server.authKey });
      expect(engineLines(result.stdout).slice(-3)).toEqual([
        '  ! language pairs: ko→it: apertium, the default engine, cannot translate it here; deepl can',
        '      fix: translate those stories with storyloc translate --engine deepl',
        `Default engine: apertium (engine.default in ${path.join(dir, 'storyloc.config.yaml')}): it can run, but not for ko→it (see the warnings above).`,
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).not.toContain(server.authKey);
    });
  } else {
    test(`doctor with only Apertium (SKIPPED: apertium is not installed${process.env.CI === 'true' ? '; required under CI' : ''})`, () => {
      if (process.env.CI === 'true') throw new Error('apertium is not installed, and CI=true requires it');
    });
  }

  test('the key set in the environment: DeepL translates both pairs, no warning, exit 0, the key never printed', async () => {
    const result = await doctor({ PATH: NO_TOOLS_PATH, DEEPL_AUTH_KEY: server.authKey });
    expect(engineLines(result.stdout)).toEqual([
      '  ✓ languages: from en, ko into it',
      '  ✗ apertium: not installed (command "apertium" not found)',
      '      fix: apt-get install apertium apertium-eng-spa apertium-spa-ita (or set engine.apertium.command)',
      `  ✓ deepl: key in DEEPL_AUTH_KEY accepted by ${server.url}; 0 of 500,000 characters used this period`,
      PSEUDO,
      'Default engine: deepl (DEEPL_AUTH_KEY is set): it can run.',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(server.authKey);
  });

  test('engine.default: none leaves every story for a translator on purpose: no pair warning, exit 0', async () => {
    editConfig((text) => text.replace('  default: auto', '  default: none'));
    const result = await doctor({ PATH: NO_TOOLS_PATH });
    expect(result.stdout).not.toContain('language pairs');
    expect(result.stdout).toContain(
      `Default engine: none (engine.default in ${path.join(dir, 'storyloc.config.yaml')}): it can run.\n`,
    );
    expect(result.code).toBe(0);
  });
});
