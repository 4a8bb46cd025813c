import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { defaultConfig } from '../../src/config/load.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { createEngine, isCommandOnPath, selectEngine } from '../../src/engines/select.js';
import { tIn } from '../../src/i18n/index.js';

function config(change: (c: ResolvedConfig) => void = () => {}): ResolvedConfig {
  const c = defaultConfig('/workspace');
  change(c);
  return c;
}
const installed = (): boolean => true;
const missing = (): boolean => false;

describe('selectEngine', () => {
  test('automatic: deepl when the key is set', () => {
    expect(selectEngine(config(), { env: { DEEPL_AUTH_KEY: 'k:fx' }, isApertiumInstalled: missing })).toEqual({
      name: 'deepl',
      reason: { key: 'engines:reason.key', params: { env: 'DEEPL_AUTH_KEY' } },
    });
  });

  test('automatic: apertium when no key is set and apertium is installed, with the reason printed in the summary', () => {
    const choice = selectEngine(config(), { env: { DEEPL_AUTH_KEY: '  ' }, isApertiumInstalled: installed });
    expect(choice).toEqual({
      name: 'apertium',
      reason: { key: 'engines:reason.apertium', params: { env: 'DEEPL_AUTH_KEY' } },
    });
    expect(`engine: ${choice.name} (${tIn('en', choice.reason.key, choice.reason.params)})`).toBe(
      'engine: apertium (no DEEPL_AUTH_KEY set; apertium installed)',
    );
  });

  test('automatic: none when there is neither a key nor apertium', () => {
    expect(selectEngine(config(), { env: {}, isApertiumInstalled: missing }).name).toBe('none');
  });

  test('the key variable is the one the config names', () => {
    const c = config((x) => (x.engine.deepl.authKeyEnv = 'NEWSROOM_DEEPL'));
    expect(selectEngine(c, { env: { DEEPL_AUTH_KEY: 'k' }, isApertiumInstalled: missing }).name).toBe('none');
    expect(selectEngine(c, { env: { NEWSROOM_DEEPL: 'k' }, isApertiumInstalled: missing }).name).toBe('deepl');
  });

  test('--engine overrides the automatic choice and the config', () => {
    const c = config((x) => (x.engine.default = 'apertium'));
    expect(selectEngine(c, { flag: 'pseudo', env: { DEEPL_AUTH_KEY: 'k' }, isApertiumInstalled: installed })).toEqual({
      name: 'pseudo',
      reason: { key: 'engines:reason.flag', params: {} },
    });
    expect(selectEngine(c, { env: { DEEPL_AUTH_KEY: 'k' }, isApertiumInstalled: installed })).toEqual({
      name: 'apertium',
      reason: { key: 'engines:reason.config', params: { file: 'storyloc.config.yaml' } },
    });
  });

  test('an unknown engine is an input error (exit 2) listing the engines', () => {
    expect(() => selectEngine(config(), { flag: 'google', env: {} })).toThrow(
      expect.objectContaining({
        code: 'engine.unknown',
        exitCode: 2,
        params: { name: 'google', expected: 'deepl, apertium, pseudo, none' },
      }),
    );
  });

  test('--engine deepl without a key, or apertium when not installed, is an input error (exit 2)', () => {
    expect(() => selectEngine(config(), { flag: 'deepl', env: {} })).toThrow(
      expect.objectContaining({ code: 'engine.deepl.missingKey', exitCode: 2, params: { env: 'DEEPL_AUTH_KEY' } }),
    );
    expect(() => selectEngine(config(), { flag: 'apertium', env: {}, isApertiumInstalled: missing })).toThrow(
      expect.objectContaining({ code: 'engine.apertium.notInstalled', exitCode: 2 }),
    );
  });
});

describe('isCommandOnPath', () => {
  test('finds an executable in PATH, not a plain file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storyloc-path-'));
    writeFileSync(path.join(dir, 'tool'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'tool'), 0o755);
    writeFileSync(path.join(dir, 'data'), '');
    expect(isCommandOnPath('tool', { PATH: `/nonexistent${path.delimiter}${dir}` })).toBe(true);
    expect(isCommandOnPath('data', { PATH: dir })).toBe(false);
    expect(isCommandOnPath(path.join(dir, 'tool'), {})).toBe(true);
    expect(isCommandOnPath('tool', {})).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('createEngine', () => {
  test('builds each engine by name', () => {
    const env = { DEEPL_AUTH_KEY: 'test-key' };
    expect(
      ['deepl', 'apertium', 'pseudo', 'none'].map((name) => createEngine(name as 'deepl', config(), env).name),
    ).toEqual(['deepl', 'apertium', 'pseudo', 'none']);
    expect(() => createEngine('deepl', config(), {})).toThrow(
      expect.objectContaining({ code: 'engine.deepl.missingKey' }),
    );
  });
});
