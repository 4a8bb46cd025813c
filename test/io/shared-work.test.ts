/**
 * io/shared-work.ts, the one mechanism behind `check --jobs` and `roundtrip --jobs` (issue 13): results in
 * item order whoever did them; a chunk a dead worker claimed (or a worker out of heap) is done again here;
 * an item that failed in a worker is done again here at its turn, so its error (class, code, position) is
 * raised in order after the items before it; an error thrown here is kept and rethrown at its turn without
 * redoing the item; the default number of threads. Workers run the compiled module only, so the tests with
 * workers load it from dist/ (built first) with a fixture worker; the test's own thread waits on a shared
 * gate so which thread claims which chunk is fixed, not a matter of timing.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { ensureBuilt } from '../e2e/build.js';
import { repoRoot } from '../e2e/workspace.js';
import { StorylocError } from '../../src/errors.js';
import {
  cpuSampleOf,
  defaultThreads,
  doSharedWork,
  othersBusyCores,
  othersLoad,
  workerResults,
} from '../../src/io/shared-work.js';

type Shared = typeof import('../../src/io/shared-work.js');
type Item = { index: number; by: 'main' | 'worker' };
interface FixtureData {
  gate: Int32Array;
  count: number;
  die: boolean;
  failAt: number[];
  hoard: boolean;
}

const workerUrl = new URL(pathToFileURL(path.join(repoRoot, 'test', 'fixtures', 'shared-work', 'worker.mjs')));
let compiled: Shared;

beforeAll(async () => {
  ensureBuilt();
  compiled = (await import(pathToFileURL(path.join(repoRoot, 'dist', 'src', 'io', 'shared-work.js')).href)) as Shared;
}, 120_000);

/** Fixture data: `count` items, the gate closed. */
function fixture(count: number, options: Partial<Omit<FixtureData, 'gate' | 'count'>> = {}): FixtureData {
  const gate = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  return { gate, count, die: false, failAt: [], hoard: false, ...options };
}

/** This thread's side: records what it did; its first item waits until the worker opens the gate. */
function here(data: FixtureData, fail: Map<number, Error> = new Map()) {
  const done: number[] = [];
  const doItem = (index: number): Item => {
    if (done.length === 0) Atomics.wait(data.gate, 0, 0, 30_000);
    done.push(index);
    const error = fail.get(index);
    if (error) throw error;
    return { index, by: 'main' };
  };
  return { done, doItem };
}

const work = (data: FixtureData, chunkSize: number) => ({
  count: data.count,
  chunkSize,
  minItemsForWorkers: 1,
  workerUrl,
  workerData: data,
});

const items = (from: number, to: number, by: Item['by']): Item[] =>
  Array.from({ length: to - from }, (_, offset) => ({ index: from + offset, by }));

describe('with a worker (compiled module)', () => {
  test('a chunk a dead worker claimed is done here, at its turn; results in item order', async () => {
    const data = fixture(12, { die: true });
    const main = here(data);
    const results = await compiled.doSharedWork(work(data, 4), 2, main.doItem);
    // this thread took 0–3 and 8–11; the worker claimed 4–7 and died: done here when read, in order
    expect([...results]).toEqual(items(0, 12, 'main'));
    expect(main.done).toEqual([0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7]);
  }, 60_000);

  test("the worker's results in order; an item that failed there raises this thread's error at its turn", async () => {
    const data = fixture(40, { failAt: [13, 27] });
    const empty = new StorylocError('article.empty', { file: 'story-13.md' });
    const main = here(data, new Map([[13, empty]]));
    const results = await compiled.doSharedWork(work(data, 4), 2, main.doItem);
    const read: Item[] = [];
    let raised: unknown;
    try {
      for (const item of results) read.push(item);
    } catch (error) {
      raised = error;
    }
    // the worker took every chunk after this thread's first (it opened the gate at its last item)
    expect(read).toEqual([...items(0, 4, 'main'), ...items(4, 13, 'worker')]);
    expect(raised).toBe(empty);
    expect((raised as StorylocError).code).toBe('article.empty');
    // 13 done again here; 27 never reached: the first error ends the reading
    expect(main.done).toEqual([0, 1, 2, 3, 13]);
  }, 60_000);

  test('a worker that outgrows its heap stops; what it claimed is done here', async () => {
    const data = fixture(8, { hoard: true });
    const main = here(data);
    const results = await compiled.doSharedWork(work(data, 4), 2, main.doItem);
    expect([...results]).toEqual(items(0, 8, 'main'));
    expect(main.done).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  }, 60_000);

  test('workerResults: what one worker delivered alone, undefined where it failed', async () => {
    const data = fixture(10, { failAt: [2] });
    const results = await workerResults<FixtureData, Item>(work(data, 3));
    expect(results).toEqual([...items(0, 2, 'worker'), undefined, ...items(3, 10, 'worker')]);
  }, 60_000);
});

describe('on this thread alone (the TypeScript sources have no compiled worker)', () => {
  test('an error thrown here is kept and rethrown at its turn, the item not done again', async () => {
    const calls: number[] = [];
    const errors = new Map([
      [5, new StorylocError('article.tooDeep', { file: 'a.md', depth: 9, limit: 8 })],
      [7, new RangeError('second')],
    ]);
    const doItem = (index: number): number => {
      calls.push(index);
      const error = errors.get(index);
      if (error) throw error;
      return index * 10;
    };
    const workUnit = { count: 10, chunkSize: 3, minItemsForWorkers: 1, workerUrl, workerData: null };
    const results = await doSharedWork(workUnit, 4, doItem);
    const read: number[] = [];
    expect(() => {
      for (const value of results) read.push(value);
    }).toThrow(errors.get(5));
    expect(read).toEqual([0, 10, 20, 30, 40]);
    expect(calls).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('threads by default', () => {
  test('the cores other processes leave free, rounded, at most 4 and never more than the cores, from the minimum on', () => {
    // (items, minimum, cores, cores other processes keep busy) → threads
    const cases: Array<[number, number, number, number, number]> = [
      [63, 64, 8, 0, 1],
      [64, 64, 2, 0.1, 2],
      [2000, 64, 2, 0.4, 2],
      [2000, 64, 2, 0.6, 1],
      [2000, 64, 2, 0.9, 1],
      [2000, 64, 2, 1.6, 1],
      [2000, 64, 2, 8.5, 1],
      [2000, 64, 8, 0, 4],
      [2000, 64, 8, 5.2, 3],
      [2000, 64, 8, 6.2, 2],
      [2000, 64, 1, 0, 1],
      [199, 200, 4, 0, 1],
      [200, 200, 4, 0, 4],
    ];
    for (const [count, minimum, cores, load, threads] of cases)
      expect([count, minimum, cores, load, defaultThreads(count, minimum, cores, load)]).toEqual([
        count,
        minimum,
        cores,
        load,
        threads,
      ]);
  });

  test('below the minimum the machine is not even measured', () => {
    let asked = 0;
    const load = (): number => {
      asked++;
      return 0;
    };
    expect(defaultThreads(199, 200, 2, load)).toBe(1);
    expect(asked).toBe(0);
    expect(defaultThreads(200, 200, 2, load)).toBe(2);
    expect(asked).toBe(1);
  });
});

describe('what other processes keep busy', () => {
  // /proc/stat: user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user)
  const procStat = (user: number, system: number, idle: number, iowait: number): string =>
    `cpu  ${user} 0 ${system} ${idle} ${iowait} 0 0 0 50 0\ncpu0 1 2 3 4 5 6 7 8 9 10\nintr 1 2 3\n`;

  test('a /proc/stat reading: busy and total ticks of all cores (idle and disk waits not busy)', () => {
    expect(cpuSampleOf(procStat(700, 300, 5000, 200), 12.5, 4000)).toEqual({
      wallMs: 12.5,
      busyTicks: 1000,
      totalTicks: 6200,
      ownMicros: 4000,
    });
    expect(cpuSampleOf('intr 1 2 3\n', 0, 0)).toBeNull();
    expect(cpuSampleOf('cpu  1 2\n', 0, 0)).toBeNull();
  });

  test("the busy cores of the window minus this process: a script's previous command does not count", () => {
    // 2 cores, 400 ms: 80 ticks in all; 40 busy (one core) of which this process used 400 ms (one core)
    const before = { wallMs: 1000, busyTicks: 10_000, totalTicks: 50_000, ownMicros: 100_000 };
    const alone = { wallMs: 1400, busyTicks: 10_040, totalTicks: 50_080, ownMicros: 500_000 };
    expect(othersBusyCores(before, alone, 2)).toBe(0);
    expect(
      defaultThreads(
        2000,
        200,
        2,
        othersLoad(2, before, alone, () => 2.4),
      ),
    ).toBe(2);
    // another process kept the other core busy all along: no worker
    const shared = { wallMs: 1400, busyTicks: 10_080, totalTicks: 50_080, ownMicros: 500_000 };
    expect(othersBusyCores(before, shared, 2)).toBe(1);
    expect(
      defaultThreads(
        2000,
        200,
        2,
        othersLoad(2, before, shared, () => 0),
      ),
    ).toBe(1);
    // half of it
    const half = { wallMs: 1400, busyTicks: 10_060, totalTicks: 50_080, ownMicros: 500_000 };
    expect(othersBusyCores(before, half, 2)).toBe(0.5);
    // this process measured busier than the machine (rounding of ticks): nobody else, never below 0
    const ownMore = { wallMs: 1400, busyTicks: 10_030, totalTicks: 50_080, ownMicros: 500_000 };
    expect(othersBusyCores(before, ownMore, 2)).toBe(0);
  });

  test('no /proc/stat, or a window too short to tell: the load average decides', () => {
    const before = { wallMs: 1000, busyTicks: 10_000, totalTicks: 50_000, ownMicros: 0 };
    const short = { wallMs: 1020, busyTicks: 10_004, totalTicks: 50_009, ownMicros: 20_000 };
    expect(othersBusyCores(before, short, 2)).toBeNull();
    expect(othersLoad(2, before, short, () => 1.75)).toBe(1.75);
    expect(othersLoad(2, null, short, () => 0.25)).toBe(0.25);
    expect(othersLoad(2, before, null, () => 3)).toBe(3);
    expect(
      defaultThreads(
        2000,
        200,
        2,
        othersLoad(2, null, null, () => 1.75),
      ),
    ).toBe(1);
    expect(
      defaultThreads(
        2000,
        200,
        2,
        othersLoad(2, null, null, () => 0.25),
      ),
    ).toBe(2);
  });
});
