/**
 * The run's request keys: a text is sent once per run however many segments (in however many articles)
 * share it, while the run keeps only what is still open. A key is, in turn:
 *
 *  - planned: in a batch being filled or in the queue; the segments waiting for it are listed here;
 *  - answered: its batch came back; only a 53-bit hash of the key and where its answer lies in the
 *    journal are kept (a segment met later reads the answer back from there, checked against the key);
 *  - refused: too large for one request or over the `--max-chars` budget (never sent).
 *
 * Answers a dead run left in the journal are taken first (never sent again). The counts (jobs,
 * duplicates, translated) are the ones a plan of the whole run at once would give.
 */
import type { JournalSpan } from '../memory/journal.js';
import { AnsweredKeys } from './answered-keys.js';
import type { BatchPacker } from '../queue/plan.js';
import type { PlannedBatch, TranslationJob } from '../queue/types.js';
import type { RunJournal } from './journal.js';
import type { KnownAnswer, Waiter } from './types.js';

interface PlannedKey {
  /** segments (jobs) served by the key's one request */
  jobs: number;
  waiters: Waiter[];
  /** the batch, once the packer closed it */
  batch: PlannedBatch | null;
  /** `keyHash` of the key, computed once when it was planned (the answer is filed under it) */
  hash: number;
}

/** Where planned batches go: the queue (a real run) or the plan shown by `--dry-run`. */
export interface BatchSink {
  push(batch: PlannedBatch): void;
  /** one more segment joined a batch already handed out */
  joined(batch: PlannedBatch): void;
}

/** What became of one segment's job. */
export type KeyPlan =
  | { kind: 'translated'; text: string; replayed: boolean }
  | { kind: 'waiting' }
  | { kind: 'unsent' };

export class RunKeys {
  private readonly planned = new Map<string, PlannedKey>();
  private readonly answered = new AnsweredKeys();
  private readonly refused = new Set<string>();
  /** segments planned for sending (replayed answers excluded), duplicates included */
  jobs = 0;
  /** of `jobs`: segments served by another segment's request */
  duplicates = 0;
  /** of `jobs`: segments whose key got its answer in this run */
  translatedJobs = 0;

  constructor(
    private readonly journal: RunJournal,
    private readonly packer: BatchPacker,
    private readonly sink: BatchSink,
  ) {}

  /** How many segments a planned key serves (the packer asks when it builds a batch). */
  jobCountOf(key: string): number {
    return this.planned.get(key)?.jobs ?? 1;
  }

  /**
   * Plans one segment's job. `waiter` is registered when the answer is still to come (null: nobody will
   * wait, as in a dry run or once the queue has stopped).
   */
  plan(job: TranslationJob, waiter: Waiter | null): KeyPlan {
    const replayed = this.journal.takeReplayed(job.key);
    if (replayed !== undefined) return { kind: 'translated', text: replayed, replayed: true };
    this.jobs++;
    const planned = this.planned.get(job.key);
    if (planned) {
      this.duplicates++;
      planned.jobs++;
      if (planned.batch) {
        planned.batch.jobCount++;
        this.sink.joined(planned.batch);
      }
      if (!waiter) return { kind: 'unsent' };
      planned.waiters.push(waiter);
      return { kind: 'waiting' };
    }
    const hash = keyHash(job.key);
    const span = this.answered.get(hash);
    const text = span ? this.journal.answerAt(span, job.key) : null;
    if (text !== null) {
      this.duplicates++;
      this.translatedJobs++;
      return { kind: 'translated', text, replayed: false };
    }
    if (this.refused.has(job.key)) {
      this.duplicates++;
      return { kind: 'unsent' };
    }
    const entry: PlannedKey = { jobs: 1, waiters: waiter ? [waiter] : [], batch: null, hash };
    this.planned.set(job.key, entry);
    const { packed, closed } = this.packer.add(job);
    if (packed !== 'batched') {
      this.planned.delete(job.key);
      this.refused.add(job.key);
      return { kind: 'unsent' };
    }
    if (closed) this.handOut(closed);
    return waiter ? { kind: 'waiting' } : { kind: 'unsent' };
  }

  /** The batches still being filled are handed out (the last article has been planned). */
  flush(): void {
    for (const batch of this.packer.flush()) this.handOut(batch);
  }

  /** A batch came back (durable at `span`): its keys' waiting segments, each with its answer. */
  answer(batch: PlannedBatch, translations: readonly string[], span: JournalSpan): KnownAnswer[] {
    const answers: KnownAnswer[] = [];
    const spanNumber = this.answered.addSpan(span);
    batch.keys.forEach((key, i) => {
      const planned = this.planned.get(key);
      const text = translations[i];
      if (!planned || text === undefined) return;
      this.planned.delete(key);
      this.answered.set(planned.hash, spanNumber);
      this.translatedJobs += planned.jobs;
      for (const waiter of planned.waiters) answers.push({ waiter, text });
    });
    return answers;
  }

  /** Keys that got no answer: never sent, refused, or sent by a run that stopped. */
  untranslatedKeys(): string[] {
    return [...this.planned.keys(), ...this.refused];
  }

  private handOut(batch: PlannedBatch): void {
    for (const key of batch.keys) {
      const planned = this.planned.get(key);
      if (planned) planned.batch = batch;
    }
    this.sink.push(batch);
  }
}

/** cyrb53: a fast 53-bit string hash (public domain); a collision only costs a request, never a wrong text. */
function keyHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
