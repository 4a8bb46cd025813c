/**
 * Batch planning: a pure function from jobs to requests, used by the queue and by `--dry-run`.
 *
 * Jobs with the same key are sent once. Unique jobs are grouped by language pair and glossary (one DeepL
 * request carries one pair and one glossary) and packed greedily in input order: a batch is closed when
 * the next text would exceed `maxTextsPerRequest` texts or `maxBytesPerRequest` bytes. For one group this
 * yields the minimal number of requests, since texts are never reordered and every batch but the last is
 * full on one of the two limits. The same input always yields the same plan.
 */
import { billedCharacterCount, formEncodedLength, REQUEST_OVERHEAD_BYTES, textFieldBytes } from './measure.js';
import type { BatchLimits, PlannedBatch, QueuePlan, TranslationJob } from './types.js';

const CONTEXT_SEPARATOR = '\n\n';

export function validateBatchLimits(limits: BatchLimits): void {
  const positiveInteger = (name: string, value: unknown): void => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new TypeError(`Expected \`${name}\` to be an integer >= 1, got \`${String(value)}\` (${typeof value})`);
    }
  };
  positiveInteger('maxTextsPerRequest', limits.maxTextsPerRequest);
  positiveInteger('maxBytesPerRequest', limits.maxBytesPerRequest);
  if (limits.maxBytesPerRequest <= REQUEST_OVERHEAD_BYTES) {
    throw new TypeError(
      `Expected \`maxBytesPerRequest\` to be more than ${REQUEST_OVERHEAD_BYTES}, got \`${limits.maxBytesPerRequest}\``,
    );
  }
  if (limits.maxChars !== undefined && limits.maxChars !== null) {
    if (typeof limits.maxChars !== 'number' || !Number.isInteger(limits.maxChars) || limits.maxChars < 0) {
      throw new TypeError(`Expected \`maxChars\` to be an integer >= 0 or null, got \`${String(limits.maxChars)}\``);
    }
  }
}

function groupKey(job: TranslationJob): string {
  return `${job.sourceLang}\u0000${job.targetLang}\u0000${job.glossaryId ?? ''}`;
}

/** Plans the requests for `jobs` under `limits`; no engine is called. */
export function planBatches(jobs: readonly TranslationJob[], limits: BatchLimits): QueuePlan {
  const jobCountByKey = new Map<string, number>();
  const unique: TranslationJob[] = [];
  for (const job of jobs) {
    const seen = jobCountByKey.get(job.key);
    if (seen === undefined) unique.push(job);
    jobCountByKey.set(job.key, (seen ?? 0) + 1);
  }
  const packer = new BatchPacker(limits, (key) => jobCountByKey.get(key) ?? 1);
  const batches: PlannedBatch[] = [];
  for (const job of unique) {
    const closed = packer.add(job).closed;
    if (closed) batches.push(closed);
  }
  batches.push(...packer.flush());
  return { ...packer.totals(jobs.length, jobs.length - unique.length), batches: packer.inPlanOrder(batches) };
}

/** What became of a job given to the packer. */
export type PackedAs = 'batched' | 'overBudget' | 'tooLarge';

interface OpenBatch {
  first: TranslationJob;
  jobs: TranslationJob[];
  bytes: number;
  billedCharacters: number;
}

/**
 * The packing of `planBatches`, one unique job at a time, so a run can send the first requests while it
 * still reads later articles: a batch is handed out as soon as it is full, the partly filled ones at
 * `flush`. Fed the same jobs in the same order it builds the same batches as a plan of all of them.
 * Each text is measured once (bytes and billed characters).
 */
export class BatchPacker {
  private readonly open = new Map<string, OpenBatch>();
  /** each group's rank by first job: `planBatches` lists a group's batches together, in this order */
  private readonly groupRanks = new Map<string, number>();
  private budgetUsed = 0;
  private budgetReached = false;
  private batchCount = 0;
  private billed = 0;
  private uniqueTexts = 0;
  readonly overBudget: string[] = [];
  readonly tooLarge: string[] = [];
  /** the last group's key: consecutive jobs nearly always share their pair and glossary (built once) */
  private lastGroup: { job: TranslationJob; key: string } | null = null;

  constructor(
    private readonly limits: BatchLimits,
    /** how many jobs (segments) a key serves, read when its batch is built */
    private readonly jobCountOf: (key: string) => number,
  ) {
    validateBatchLimits(limits);
  }

  /** Takes a job whose key the packer has not seen; returns the batch it closed, if any. */
  add(job: TranslationJob): { packed: PackedAs; closed: PlannedBatch | null } {
    this.uniqueTexts++;
    const bytes = textFieldBytes(job.text);
    if (REQUEST_OVERHEAD_BYTES + bytes > this.limits.maxBytesPerRequest) {
      this.tooLarge.push(job.key);
      return { packed: 'tooLarge', closed: null };
    }
    // The budget takes a prefix of the work in input order, so a rerun with more budget continues where
    // this one stopped instead of leaving holes.
    const cost = billedCharacterCount(job.text);
    const budget = this.limits.maxChars ?? Number.POSITIVE_INFINITY;
    if (this.budgetReached || this.budgetUsed + cost > budget) {
      this.budgetReached = true;
      this.overBudget.push(job.key);
      return { packed: 'overBudget', closed: null };
    }
    this.budgetUsed += cost;
    const key = this.groupKeyOf(job);
    if (!this.groupRanks.has(key)) this.groupRanks.set(key, this.groupRanks.size);
    let current = this.open.get(key);
    let closed: PlannedBatch | null = null;
    if (
      current &&
      (current.jobs.length >= this.limits.maxTextsPerRequest || current.bytes + bytes > this.limits.maxBytesPerRequest)
    ) {
      closed = this.close(current);
      current = undefined;
    }
    if (!current) {
      current = { first: job, jobs: [], bytes: REQUEST_OVERHEAD_BYTES, billedCharacters: 0 };
      this.open.set(key, current);
    }
    current.jobs.push(job);
    current.bytes += bytes;
    current.billedCharacters += cost;
    return { packed: 'batched', closed };
  }

  /** The partly filled batches, in the order their groups were first seen. */
  flush(): PlannedBatch[] {
    const batches = [...this.open.values()].map((open) => this.close(open));
    this.open.clear();
    return batches;
  }

  /**
   * Batches in `planBatches`' order: group by group (first seen first), each group's in packing order;
   * numbered from `firstIndex` (a run that hands its batches out in parts numbers them on).
   */
  inPlanOrder(batches: readonly PlannedBatch[], firstIndex = 0): PlannedBatch[] {
    const rank = (batch: PlannedBatch): number =>
      this.groupRanks.get(`${batch.sourceLang}\u0000${batch.targetLang}\u0000${batch.glossaryId ?? ''}`) ?? 0;
    const ordered = batches
      .map((batch, at) => ({ batch, at }))
      .sort((a, b) => rank(a.batch) - rank(b.batch) || a.at - b.at)
      .map(({ batch }) => batch);
    ordered.forEach((batch, index) => {
      batch.index = firstIndex + index;
    });
    return ordered;
  }

  /** The plan's counts so far (`batches` left empty: the caller keeps them if it needs them). */
  totals(jobs: number, duplicates: number): QueuePlan {
    return {
      batches: [],
      jobs,
      uniqueTexts: this.uniqueTexts,
      duplicates,
      requests: this.batchCount,
      billedCharacters: this.billed,
      overBudget: this.overBudget,
      tooLarge: this.tooLarge,
    };
  }

  private close(open: OpenBatch): PlannedBatch {
    const batch = buildBatch(this.batchCount++, open, this.limits, this.jobCountOf);
    this.billed += batch.billedCharacters;
    this.open.delete(this.groupKeyOf(open.first));
    return batch;
  }

  private groupKeyOf(job: TranslationJob): string {
    const last = this.lastGroup;
    if (
      last !== null &&
      last.job.sourceLang === job.sourceLang &&
      last.job.targetLang === job.targetLang &&
      last.job.glossaryId === job.glossaryId
    )
      return last.key;
    const key = groupKey(job);
    this.lastGroup = { job, key };
    return key;
  }
}

/** The last context measured: consecutive batches of one long paragraph share it, so it is measured once. */
let lastContext: { text: string; length: number | null } | null = null;

/** A context's form-encoded length, null when it is blank (then it is not sent). */
function measuredContext(context: string): number | null {
  if (lastContext?.text !== context) {
    lastContext = { text: context, length: context.trim() === '' ? null : formEncodedLength(context) };
  }
  return lastContext.length;
}

function buildBatch(
  index: number,
  open: OpenBatch,
  limits: BatchLimits,
  jobCountOf: (key: string) => number,
): PlannedBatch {
  const { first, jobs } = open;
  const textBytes = open.bytes;
  // Context is free and optional: it never changes how texts are packed, it only fills the room left.
  // The joined context's size is kept as a sum (form encoding is per character), not re-measured.
  const contexts: string[] = [];
  const seen = new Set<string>();
  const separatorBytes = formEncodedLength(CONTEXT_SEPARATOR);
  let contextBytes = '&context='.length;
  let bytes = textBytes;
  for (const job of jobs) {
    // a context is looked at once per batch, fitting or not: the room left only shrinks (the sentences of
    // one huge paragraph share its context, measured per sentence that was quadratic in the paragraph)
    if (job.context === undefined || seen.has(job.context)) continue;
    seen.add(job.context);
    const contextLength = measuredContext(job.context);
    if (contextLength === null) continue;
    const joinedBytes = contextBytes + (contexts.length > 0 ? separatorBytes : 0) + contextLength;
    if (textBytes + joinedBytes <= limits.maxBytesPerRequest) {
      contexts.push(job.context);
      contextBytes = joinedBytes;
      bytes = textBytes + joinedBytes;
    }
  }
  return {
    index,
    sourceLang: first.sourceLang,
    targetLang: first.targetLang,
    glossaryId: first.glossaryId,
    keys: jobs.map((job) => job.key),
    texts: jobs.map((job) => job.text),
    context: contexts.length > 0 ? contexts.join(CONTEXT_SEPARATOR) : undefined,
    bytes,
    billedCharacters: open.billedCharacters,
    jobCount: jobs.reduce((sum, job) => sum + jobCountOf(job.key), 0),
  };
}
