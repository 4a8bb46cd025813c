import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveIdentity } from '../src/identity.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-approver-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An environment where git reads only the given global config file. */
function gitEnv(globalConfig: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1' };
}

describe('who approves', () => {
  test('--by wins, trimmed', () => {
    expect(resolveIdentity({ by: '  Giulia Rossi ', cwd: dir, env: gitEnv('/dev/null') })).toEqual({
      name: 'Giulia Rossi',
      source: 'flag',
    });
  });

  test("else git's user.name", () => {
    const config = path.join(dir, 'gitconfig');
    writeFileSync(config, '[user]\n\tname = Kim Ji-won\n');
    expect(resolveIdentity({ cwd: dir, env: gitEnv(config) })).toEqual({ name: 'Kim Ji-won', source: 'git' });
    expect(resolveIdentity({ by: '   ', cwd: dir, env: gitEnv(config) })).toEqual({
      name: 'Kim Ji-won',
      source: 'git',
    });
  });

  test('else the OS user', () => {
    expect(resolveIdentity({ cwd: dir, env: gitEnv('/dev/null') })).toEqual({
      name: os.userInfo().username,
      source: 'os',
    });
  });
});
