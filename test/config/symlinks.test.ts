/**
 * The workspace boundary check at scale: a folder's files are checked through one listing of the
 * folder (issue 13 part 5) instead of an lstat per file; links that leave are still refused, whether
 * listed, created after the listing, reached through `..`, or made after the listing expired.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../src/config/load.js';
import { refuseSymlinkOutside } from '../../src/config/symlinks.js';
import type { ResolvedConfig } from '../../src/config/types.js';

let root: string;
let outside: string;
let config: ResolvedConfig;
let folder: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'storyloc-links-'));
  outside = mkdtempSync(path.join(os.tmpdir(), 'storyloc-links-outside-'));
  writeFileSync(path.join(outside, 'secret.md'), 'secret\n');
  config = defaultConfig(root);
  folder = path.join(root, 'output', 'it', 'en');
  mkdirSync(folder, { recursive: true });
  for (const name of ['a.md', 'b.md']) writeFileSync(path.join(folder, name), 'text\n');
});
afterEach(() => {
  jest.useRealTimers();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const refusal = (link: string) =>
  expect.objectContaining({ code: 'path.symlinkOutside', params: expect.objectContaining({ link }) });

describe('refuseSymlinkOutside, folder by folder', () => {
  test('plain files pass; a listed link to a file outside is refused, naming it', () => {
    symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'c.md'));
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'a.md'))).not.toThrow();
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'b.md'))).not.toThrow();
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'c.md'))).toThrow(refusal(path.join(folder, 'c.md')));
  });

  test('a link made after the folder was listed is looked at by itself', () => {
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'a.md'))).not.toThrow();
    symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'd.md'));
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'd.md'))).toThrow(refusal(path.join(folder, 'd.md')));
  });

  test('a path with `..` parts is normalised before it is checked', () => {
    symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'c.md'));
    const roundabout = `${folder}${path.sep}..${path.sep}en${path.sep}c.md`;
    expect(() => refuseSymlinkOutside(config, roundabout)).toThrow(refusal(path.join(folder, 'c.md')));
  });

  test('a file replaced by a link is seen once the listing is older than a second', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'a.md'))).not.toThrow();
    unlinkSync(path.join(folder, 'b.md'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'b.md'));
    jest.setSystemTime(1_000_000 + 1_001);
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'b.md'))).toThrow(refusal(path.join(folder, 'b.md')));
  });

  test('a name found missing counts as listed until the listing expires; a link made there is then refused', () => {
    jest.useFakeTimers({ now: 2_000_000 });
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'a.md'))).not.toThrow();
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'f.md'))).not.toThrow();
    symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'f.md'));
    jest.setSystemTime(2_000_000 + 1_001);
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'f.md'))).toThrow(refusal(path.join(folder, 'f.md')));
  });

  test('a link that stays inside the workspace passes; paths outside the workspace are not this check', () => {
    symlinkSync(path.join(folder, 'a.md'), path.join(folder, 'e.md'));
    expect(() => refuseSymlinkOutside(config, path.join(folder, 'e.md'))).not.toThrow();
    expect(() => refuseSymlinkOutside(config, path.join(outside, 'secret.md'))).not.toThrow();
  });
});
