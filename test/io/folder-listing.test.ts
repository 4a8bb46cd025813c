import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../src/io/atomic-file.js';
import { folderListing, listedAbsent, listedPresence } from '../../src/io/folder-listing.js';
import { acquireWorkspaceLock, type WorkspaceLock } from '../../src/memory/lock.js';

let dir: string;
let lock: WorkspaceLock | null = null;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-listing-'));
  mkdirSync(path.join(dir, 'out'));
  writeFileSync(path.join(dir, 'out', 'present.md'), 'x');
});
afterEach(() => {
  lock?.release();
  lock = null;
  jest.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const file = (...parts: string[]): string => path.join(dir, ...parts);

describe('folder listings answer "missing" only under the workspace lock', () => {
  test('without the lock nothing counts as surely missing: callers look at the disk', () => {
    expect(listedAbsent(file('out', 'missing.md'))).toBe(false);
    expect(listedAbsent(file('not-made', 'missing.md'))).toBe(false);
    expect([listedPresence(file('out', 'missing.md')), listedPresence(file('out', 'present.md'))]).toEqual([
      'unknown',
      'unknown',
    ]);
  });

  test('with the lock a name the listing lacks is missing (in a folder not made yet too), a listed one is not', () => {
    lock = acquireWorkspaceLock(dir);
    expect(listedAbsent(file('out', 'missing.md'))).toBe(true);
    expect(listedAbsent(file('out', 'present.md'))).toBe(false);
    expect([listedPresence(file('out', 'missing.md')), listedPresence(file('out', 'present.md'))]).toEqual([
      'absent',
      'present',
    ]);
    // a folder not made yet lists as empty (a first run's output folder)
    expect(listedAbsent(file('not-made', 'a.md'))).toBe(true);
    // a "folder" that is a file: nothing is below it
    expect(listedAbsent(file('out', 'present.md', 'below'))).toBe(true);
  });

  test("the process's own atomic writes are in the listing at once, in a listed folder and in one made for them", async () => {
    lock = acquireWorkspaceLock(dir);
    expect(listedAbsent(file('out', 'new.md'))).toBe(true);
    expect(listedAbsent(file('made', 'new.md'))).toBe(true);
    await writeFileAtomic(file('out', 'new.md'), 'new');
    await writeFileAtomic(file('made', 'new.md'), 'new');
    expect(listedAbsent(file('out', 'new.md'))).toBe(false);
    expect(listedAbsent(file('made', 'new.md'))).toBe(false);
    expect(listedAbsent(file('made', 'other.md'))).toBe(true);
  });

  test('a file made by another hand is seen once the listing is a second old, or when the lock is taken again', () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    lock = acquireWorkspaceLock(dir);
    expect(listedAbsent(file('out', 'by-hand.md'))).toBe(true);
    writeFileSync(file('out', 'by-hand.md'), 'x');
    jest.setSystemTime(new Date('2026-12-07T10:00:01.000Z'));
    expect(listedAbsent(file('out', 'by-hand.md'))).toBe(true); // the listing answers for one second
    jest.setSystemTime(new Date('2026-12-07T10:00:01.001Z'));
    expect(listedAbsent(file('out', 'by-hand.md'))).toBe(false);

    writeFileSync(file('out', 'second.md'), 'x');
    lock.release();
    lock = acquireWorkspaceLock(dir); // a new run never starts from the last one's listings
    expect(listedAbsent(file('out', 'second.md'))).toBe(false);
  });

  test('a name that differs only in case or normalisation from a listed one is left to the disk', () => {
    writeFileSync(file('out', 'Story.md.state.json'), '{}');
    writeFileSync(file('out', '\u1112\u1161\u11ab.md'), 'x'); // 한 decomposed, as macOS may store it
    lock = acquireWorkspaceLock(dir);
    expect(listedPresence(file('out', 'story.md.state.json'))).toBe('unknown');
    expect(listedPresence(file('out', '\ud55c.md'))).toBe('unknown'); // 한 composed
    expect(listedPresence(file('out', 'other.md.state.json'))).toBe('absent');
  });

  test('a listing names the links among the entries', () => {
    symlinkSync(os.tmpdir(), file('out', 'link'));
    const listing = folderListing(file('out'));
    expect(listing && [...listing.names].sort()).toEqual(['link', 'present.md']);
    expect(listing && [...listing.links]).toEqual(['link']);
  });
});
