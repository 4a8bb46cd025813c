/**
 * A local cache (under `.storyloc/cache/`, not for version control) of facts learnt by reading files,
 * each keyed by the status of the file it was read from, as git's index keys what it knows of a file:
 * size, modification and change times in nanoseconds, inode and device. The state index
 * (state-index.ts) and the source index of `translate` (translate/read.ts) are two of them.
 *
 * A cache never changes a result, it only saves reading:
 *  - a fact is used only when the file's status is exactly the one recorded; any write (a run, a review,
 *    a hand edit, a `git checkout`, a copy) changes the inode or the change time, which no tool can set
 *    back, even when it keeps the size and sets the modification time back;
 *  - racy timestamps: a file that changed less than `RACY_SECONDS` before the command started reading
 *    is not recorded (its entry is dropped): a second write within the file system's timestamp
 *    granularity could leave its status unchanged, as git's "racily clean" entries. The rule uses the
 *    wall clock against the file's times (`setStampIndexClock` replaces the clock in tests);
 *  - the file carries its format, the storyloc version and a sha256 of its entries: a truncated, corrupt
 *    or foreign cache, or one written by another version, or one with an entry of the wrong shape, is
 *    ignored and rebuilt; writing it is best effort (a read-only checkout just reads every file).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { storylocVersion } from '../package-info.js';

const FORMAT = 1;
/** A file changed this recently when it was read is not recorded (see the module doc). */
const RACY_SECONDS = 2n;
const NS_PER_SECOND = 1_000_000_000n;

let clock: () => number = Date.now;

/** Tests: the wall clock (ms) the racy rule reads; null restores `Date.now`. */
export function setStampIndexClock(next: (() => number) | null): void {
  clock = next ?? Date.now;
}

/** The key of a file's status: any write gives another one. */
export function statKey(stat: BigIntStats): string {
  return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}:${stat.dev}`;
}

interface Entry<T> {
  /** `statKey` of the file the value was learnt from */
  key: string;
  value: T;
}

/** One command's use of one cache file: look up, record what was read, save when something changed. */
export class StampIndex<T> {
  private readonly seen = new Set<string>();
  private changed = false;
  /** the second this command started reading, by the wall clock */
  private readonly readStartSecond = BigInt(Math.floor(clock() / 1000));

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, Entry<T>>,
  ) {}

  /** The cache in `file`; an empty one when it is missing, corrupt, stale or from another version. */
  static open<T>(file: string, isValue: (value: unknown) => value is T): StampIndex<T> {
    try {
      const entries = parseIndex(readFileSync(file, 'utf8'), isValue);
      if (entries) return new StampIndex(file, entries);
    } catch {
      // missing or unreadable: every file is read
    }
    return new StampIndex<T>(file, new Map());
  }

  /** The value recorded for `name` when the file still has this status, else null. */
  lookup(name: string, stat: BigIntStats): T | null {
    this.seen.add(name);
    const entry = this.entries.get(name);
    return entry?.key === statKey(stat) ? entry.value : null;
  }

  /**
   * Records what was learnt from a file with this status; not when it changed too recently (then the
   * old entry goes too). Returns whether it was recorded.
   */
  record(name: string, stat: BigIntStats, value: T): boolean {
    this.seen.add(name);
    if (this.isRacy(stat)) {
      if (this.entries.delete(name)) this.changed = true;
      return false;
    }
    const key = statKey(stat);
    if (this.entries.get(name)?.key === key) return true;
    this.entries.set(name, { key, value });
    this.changed = true;
    return true;
  }

  /** The value recorded for `name` whatever its status (to add to it), or undefined. */
  recorded(name: string): T | undefined {
    return this.entries.get(name)?.value;
  }

  /** Marks a value returned by `recorded` as changed in place. */
  touch(): void {
    this.changed = true;
  }

  /** Changed too shortly before this command read it: a later write could keep the same status. */
  isRacy(stat: BigIntStats): boolean {
    // biome-ignore lint/complexity/useMathMinMax: bigint nanoseconds (Math.max takes numbers only)
    const latest = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
    return latest / NS_PER_SECOND + RACY_SECONDS > this.readStartSecond;
  }

  /**
   * Writes the cache when an entry changed. `prune`: the command saw every file the cache may name, so
   * entries of files it did not see (deleted) are dropped. Failures are ignored: it is only a cache.
   */
  save(options: { prune: boolean }): void {
    if (options.prune) {
      for (const name of this.entries.keys()) {
        if (!this.seen.has(name)) {
          this.entries.delete(name);
          this.changed = true;
        }
      }
    }
    if (!this.changed) return;
    // named like writeFileAtomic's temporary files, so a run killed here leaves nothing a later run keeps
    const temp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.0.tmp`);
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temp, serializeIndex(this.entries));
      renameSync(temp, this.file);
      this.changed = false;
    } catch {
      rmSync(temp, { force: true });
    }
  }
}

/** Two lines: a header with the format, the storyloc version and the sha256 of the second line; the entries. */
function serializeIndex<T>(entries: ReadonlyMap<string, Entry<T>>): string {
  const body = JSON.stringify(Object.fromEntries(entries));
  const header = { format: FORMAT, storyloc: storylocVersion(), sha256: sha256(body) };
  return `${JSON.stringify(header)}\n${body}\n`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The entries of a cache file, or null when it is not one this version wrote intact. */
function parseIndex<T>(text: string, isValue: (value: unknown) => value is T): Map<string, Entry<T>> | null {
  const newline = text.indexOf('\n');
  if (newline < 0 || !text.endsWith('\n')) return null;
  const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; storyloc?: unknown; sha256?: unknown };
  const body = text.slice(newline + 1, -1);
  if (header.format !== FORMAT || header.storyloc !== storylocVersion() || header.sha256 !== sha256(body)) return null;
  const data = JSON.parse(body) as Record<string, Partial<Entry<unknown>> | null>;
  const entries = new Map<string, Entry<T>>();
  for (const [name, entry] of Object.entries(data)) {
    if (typeof entry !== 'object' || entry === null || typeof entry.key !== 'string') return null;
    if (!isValue(entry.value)) return null;
    entries.set(name, { key: entry.key, value: entry.value });
  }
  return entries;
}
