/**
 * The answer journal: `<workspace>/.storyloc/journal/answers.ndjson`, an append-only log of the engine's
 * answers, made durable as they arrive (one `fsync` per answered batch, not one per file written).
 *
 * A translate run appends every answered batch before it counts as received, writes each article once
 * when all of its segments are settled, and removes the journal at the end. A run killed at any moment
 * leaves the journal behind: the next run replays it, so the texts answered before the kill are taken
 * from it and never sent (or billed) again.
 *
 * Format: one JSON object per line, `{"engine": "deepl", "keys": [...], "translations": [...]}`, where a
 * key is the queue's job key (language pair, glossary, placeholders and text). The last line may be torn
 * by a kill or a full disk: replay ignores it and `open` cuts it off before appending.
 */
import { promises as fsp, readSync } from 'node:fs';
import path from 'node:path';
import { StorylocError } from '../errors.js';

/** One answered batch. */
export interface JournalEntry {
  /** the engine that answered (a later run with another engine does not reuse the answers) */
  engine: string;
  keys: string[];
  translations: string[];
}

/** The file-system calls the journal needs; tests inject failures (a full disk) through this. */
export interface JournalFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  open(file: string, flags: string, mode?: number): Promise<fsp.FileHandle>;
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  rm(file: string, options: { force: true }): Promise<void>;
}

const nodeFs: JournalFs = {
  mkdir: (dir, options) => fsp.mkdir(dir, options),
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  readFile: (file, encoding) => fsp.readFile(file, encoding),
  rm: (file, options) => fsp.rm(file, options),
};

/** Where a workspace's journal lives. */
export function journalPathFor(workspaceDir: string): string {
  return path.join(workspaceDir, '.storyloc', 'journal', 'answers.ndjson');
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<JournalEntry>;
  return (
    typeof entry.engine === 'string' &&
    Array.isArray(entry.keys) &&
    Array.isArray(entry.translations) &&
    entry.keys.length === entry.translations.length &&
    entry.keys.every((key) => typeof key === 'string') &&
    entry.translations.every((text) => typeof text === 'string')
  );
}

/** The complete entries of a journal text and the length of the text they span (the rest is torn). */
export function parseJournal(text: string): { entries: JournalEntry[]; completeLength: number } {
  const entries: JournalEntry[] = [];
  const completeLength = text.lastIndexOf('\n') + 1;
  for (const line of text.slice(0, completeLength).split('\n')) {
    if (line === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      // a line that parses but is not an entry is not ours to trust: skipped like a torn one
      if (isEntry(value)) entries.push(value);
    } catch {
      // a line torn in the middle of the file (a full disk, then a later append) is skipped
    }
  }
  return { entries, completeLength };
}

function journalError(file: string, error: unknown): StorylocError {
  if (error instanceof StorylocError) return error;
  const errno = error as NodeJS.ErrnoException;
  const diskFull = errno.code === 'ENOSPC' || errno.code === 'EDQUOT';
  return new StorylocError(
    diskFull ? 'write.diskFull' : 'write.failed',
    diskFull ? 'memory:write.diskFull' : 'memory:write.failed',
    { file, detail: errno.code ?? errno.message },
    { position: { file }, cause: error },
  );
}

/** The complete entries of the journal at `file` (none when there is no journal). */
export async function readJournal(file: string, fs: JournalFs = nodeFs): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw journalError(file, error);
  }
  return parseJournal(text).entries;
}

/** The answers a dead run left behind, by job key, for `engine` (empty when there is no journal). */
export async function replayJournal(
  file: string,
  engine: string,
  fs: JournalFs = nodeFs,
): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  for (const entry of await readJournal(file, fs)) {
    if (entry.engine !== engine) continue;
    entry.keys.forEach((key, i) => {
      answers.set(key, entry.translations[i]!);
    });
  }
  return answers;
}

/** The journal as one line per entry (to rewrite it with the entries still to keep). */
export function journalText(entries: readonly JournalEntry[]): string {
  return entries
    .map((entry) => `${JSON.stringify({ engine: entry.engine, keys: entry.keys, translations: entry.translations })}\n`)
    .join('');
}

/** Where one appended entry lies in the journal file (to read its answers again). */
export interface JournalSpan {
  offset: number;
  length: number;
}

/** An open journal: appends are serialised, each one written and fsynced before it resolves (in groups). */
export class AnswerJournal {
  private pending: Promise<void> = Promise.resolve();
  /** batches appended and not written yet (they go in the next write, together) */
  private waiting: Array<{ line: Buffer; resolve: (span: JournalSpan) => void; reject: (error: unknown) => void }> = [];
  /** a group is being written: the batches appended meanwhile wait for it */
  private writing = false;
  /** the error of a failed append: the file may end in a torn line, so nothing more is appended */
  private failure: StorylocError | null = null;

  private constructor(
    readonly file: string,
    private readonly handle: fsp.FileHandle,
    /** bytes of complete entries in the file: where the next entry goes */
    private size: number,
  ) {}

  /** Opens (creating) the journal for appending; a torn last line is cut off first. */
  static async open(file: string, fs: JournalFs = nodeFs): Promise<AnswerJournal> {
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const handle = await fs.open(file, 'a+', 0o644);
      const text = await handle.readFile('utf8');
      const { completeLength } = parseJournal(text);
      const completeBytes = Buffer.byteLength(text.slice(0, completeLength));
      if (completeLength < text.length) {
        await handle.truncate(completeBytes);
        await handle.sync();
      }
      return new AnswerJournal(file, handle, completeBytes);
    } catch (error) {
      throw journalError(file, error);
    }
  }

  /**
   * Appends one answered batch and makes it durable; resolves with where it lies, once it is on disk.
   * Batches answered while an append is being written wait and go together in the next one, with one
   * fsync for all of them (group commit): each still resolves only after the fsync that covers it, so
   * an answer is durable before it counts, but a burst of answers (a fast engine, many requests at once)
   * does not queue one fsync after another.
   */
  append(entry: JournalEntry): Promise<JournalSpan> {
    // encoded once: its length in bytes is where the next entry goes (measuring the string again and
    // encoding it for the write were two more passes over every answer)
    const line = Buffer.from(journalText([entry]), 'utf8');
    return new Promise<JournalSpan>((resolve, reject) => {
      this.waiting.push({ line, resolve, reject });
      if (this.waiting.length === 1 && !this.writing) this.pending = this.writeWaiting();
    });
  }

  /** Writes the waiting batches, a group at a time, until none waits. */
  private async writeWaiting(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      if (this.failure) {
        for (const batch of group) batch.reject(this.failure);
        continue;
      }
      try {
        await this.handle.appendFile(group.length === 1 ? group[0]!.line : Buffer.concat(group.map((b) => b.line)));
        await this.handle.sync();
      } catch (error) {
        this.failure = journalError(this.file, error);
        for (const batch of group) batch.reject(this.failure);
        continue;
      }
      for (const batch of group) {
        const span = { offset: this.size, length: batch.line.length };
        this.size += span.length;
        batch.resolve(span);
      }
    }
    this.writing = false;
  }

  /** The entry an earlier `append` made durable at `span` (null when it cannot be read back). */
  entryAt(span: JournalSpan): JournalEntry | null {
    const buffer = Buffer.alloc(span.length);
    try {
      readSync(this.handle.fd, buffer, 0, span.length, span.offset);
      return parseJournal(buffer.toString('utf8')).entries[0] ?? null;
    } catch {
      return null;
    }
  }

  async close(): Promise<void> {
    await this.pending;
    await this.handle.close();
  }
}

/** Removes the journal once every answer in it is in the articles' files (end of a run). */
export async function removeJournal(file: string, fs: JournalFs = nodeFs): Promise<void> {
  try {
    await fs.rm(file, { force: true });
  } catch (error) {
    throw journalError(file, error);
  }
}
