/**
 * The run's answer journal (see memory/journal.ts): answers a dead run left behind are taken before
 * anything is sent (those texts are never sent or billed again), every answered batch is appended before
 * it counts as received, and once every answer is in the articles' files the journal is removed (or cut
 * down to the answers this run had no use for, e.g. a run over some articles only).
 *
 * It is also where a long run finds an answer again: a text met again after its request was answered is
 * served from the journal line that holds it (see run-keys.ts), so the run keeps no map of every answer.
 */
import type { EngineName, ResolvedConfig } from '../config/types.js';
import { writeFileAtomic } from '../io/atomic-file.js';
import {
  AnswerJournal,
  journalPathFor,
  journalText,
  readJournal,
  removeJournal,
  type JournalEntry,
  type JournalSpan,
} from '../memory/journal.js';
import type { BatchResult } from '../queue/types.js';

/** Parsed journal lines kept for answers met again (a repeated text tends to come back soon). */
const ENTRIES_KEPT = 8;

export interface RunJournal {
  /** The answer a dead run left for `key` (this engine's only), taken: the key is not sent again. */
  takeReplayed(key: string): string | undefined;
  /** Makes one answered batch durable (the journal is created on the first); resolves with its place. */
  record(result: BatchResult): Promise<JournalSpan>;
  /** The answer for `key` in the batch recorded at `span` (null when it is not there). */
  answerAt(span: JournalSpan, key: string): string | null;
  /**
   * After every article is written: the journal is removed, or keeps the answers of other engines and,
   * after a run over some articles only, the answers this run had no use for (other articles').
   */
  finish(wholeWorkspace: boolean): Promise<void>;
  /** Closes the file (a failed run keeps the journal for the next one). */
  close(): Promise<void>;
}

export async function openRunJournal(config: ResolvedConfig, engine: EngineName): Promise<RunJournal> {
  const file = journalPathFor(config.workspaceDir);
  const entries = await readJournal(file);
  // answers of another engine are kept for a run with that engine (`--engine none` must not drop them)
  const others: JournalEntry[] = entries.filter((entry) => entry.engine !== engine);
  const replayed = new Map<string, string>();
  for (const entry of entries)
    if (entry.engine === engine)
      entry.keys.forEach((key, i) => {
        replayed.set(key, entry.translations[i]!);
      });
  const used = new Set<string>();
  // the open is shared: two batches answered together must not open the file twice
  let journal: Promise<AnswerJournal> | null = null;
  let opened: AnswerJournal | null = null;
  const recent = new Map<number, JournalEntry>();
  return {
    takeReplayed(key) {
      if (replayed.size === 0) return undefined;
      const text = replayed.get(key);
      if (text !== undefined) used.add(key);
      return text;
    },
    async record(result) {
      journal ??= AnswerJournal.open(file).then((open) => (opened = open));
      const entry = { engine, keys: result.batch.keys, translations: result.translations };
      return (await journal).append(entry);
    },
    answerAt(span, key) {
      let entry = recent.get(span.offset);
      if (!entry) {
        const read = opened?.entryAt(span) ?? null;
        if (!read) return null;
        entry = read;
        if (recent.size >= ENTRIES_KEPT) recent.delete(recent.keys().next().value!);
        recent.set(span.offset, entry);
      }
      const at = entry.keys.indexOf(key);
      return at < 0 ? null : entry.translations[at]!;
    },
    async finish(wholeWorkspace) {
      await (await journal)?.close();
      journal = null;
      opened = null;
      // after a run over the whole workspace, an unused answer's records already have their translation
      const unused = wholeWorkspace ? [] : [...replayed].filter(([key]) => !used.has(key));
      const keep =
        unused.length === 0
          ? others
          : [...others, { engine, keys: unused.map(([key]) => key), translations: unused.map(([, text]) => text) }];
      if (keep.length === 0) await removeJournal(file);
      else await writeFileAtomic(file, journalText(keep));
    },
    async close() {
      const open = journal;
      journal = null;
      opened = null;
      await (await open?.catch(() => null))?.close();
    },
  };
}
