/**
 * The run's answer journal (see memory/journal.ts): answers a dead run left behind are replayed into the
 * plan before anything is sent (those texts are never sent or billed again), every answered batch is
 * appended before it counts as received, and once every answer is in the articles' files the journal is
 * removed (or cut down to the answers this run had no use for, e.g. a run over some articles only).
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
} from '../memory/journal.js';
import { planBatches } from '../queue/plan.js';
import type { BatchResult } from '../queue/types.js';
import { applyTranslations } from './apply.js';
import type { PlanStageOutput } from './plan.js';

export interface RunJournal {
  /** answers of earlier runs by job key (this engine's only) */
  readonly replayed: ReadonlyMap<string, string>;
  /** Takes the replayed answers out of the plan, applying them to the waiting records. */
  replayInto(planned: PlanStageOutput, now: string): PlanStageOutput;
  /** Makes one answered batch durable (the journal is created on the first). */
  record(result: BatchResult): Promise<void>;
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
  return {
    replayed,
    replayInto(planned, now) {
      const keys = [...new Set(planned.jobs.filter((job) => replayed.has(job.key)).map((job) => job.key))];
      if (keys.length === 0) return planned;
      for (const key of keys) used.add(key);
      applyTranslations(
        keys,
        keys.map((key) => replayed.get(key)!),
        planned.waiters,
        engine,
        now,
      );
      const jobs = planned.jobs.filter((job) => !used.has(job.key));
      const waiters = new Map([...planned.waiters].filter(([key]) => !used.has(key)));
      return { ...planned, jobs, waiters, plan: jobs.length > 0 ? planBatches(jobs, planned.limits) : null };
    },
    async record(result) {
      journal ??= AnswerJournal.open(file);
      await (await journal).append({ engine, keys: result.batch.keys, translations: result.translations });
    },
    async finish(wholeWorkspace) {
      await (await journal)?.close();
      journal = null;
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
      await (await open?.catch(() => null))?.close();
    },
  };
}
