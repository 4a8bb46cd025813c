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

interface Group {
  first: TranslationJob;
  jobs: TranslationJob[];
}

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
  validateBatchLimits(limits);
  const jobCountByKey = new Map<string, number>();
  const unique: TranslationJob[] = [];
  for (const job of jobs) {
    const seen = jobCountByKey.get(job.key);
    if (seen === undefined) unique.push(job);
    jobCountByKey.set(job.key, (seen ?? 0) + 1);
  }

  const tooLarge: string[] = [];
  const overBudget: string[] = [];
  const budget = limits.maxChars ?? Number.POSITIVE_INFINITY;
  let budgetUsed = 0;
  let budgetReached = false;
  const groups = new Map<string, Group>();
  for (const job of unique) {
    if (REQUEST_OVERHEAD_BYTES + textFieldBytes(job.text) > limits.maxBytesPerRequest) {
      tooLarge.push(job.key);
      continue;
    }
    // The budget takes a prefix of the work in input order, so a rerun with more budget continues where
    // this one stopped instead of leaving holes.
    const cost = billedCharacterCount(job.text);
    if (budgetReached || budgetUsed + cost > budget) {
      budgetReached = true;
      overBudget.push(job.key);
      continue;
    }
    budgetUsed += cost;
    const key = groupKey(job);
    const group = groups.get(key);
    if (group) group.jobs.push(job);
    else groups.set(key, { first: job, jobs: [job] });
  }

  const batches: PlannedBatch[] = [];
  for (const group of groups.values()) {
    let current: TranslationJob[] = [];
    let currentBytes = REQUEST_OVERHEAD_BYTES;
    const close = (): void => {
      if (current.length > 0)
        batches.push(buildBatch(batches.length, group.first, current, currentBytes, limits, jobCountByKey));
      current = [];
      currentBytes = REQUEST_OVERHEAD_BYTES;
    };
    for (const job of group.jobs) {
      const bytes = textFieldBytes(job.text);
      if (current.length >= limits.maxTextsPerRequest || currentBytes + bytes > limits.maxBytesPerRequest) close();
      current.push(job);
      currentBytes += bytes;
    }
    close();
  }

  return {
    batches,
    jobs: jobs.length,
    uniqueTexts: unique.length,
    duplicates: jobs.length - unique.length,
    requests: batches.length,
    billedCharacters: batches.reduce((sum, batch) => sum + batch.billedCharacters, 0),
    overBudget,
    tooLarge,
  };
}

function buildBatch(
  index: number,
  first: TranslationJob,
  jobs: TranslationJob[],
  textBytes: number,
  limits: BatchLimits,
  jobCountByKey: Map<string, number>,
): PlannedBatch {
  // Context is free and optional: it never changes how texts are packed, it only fills the room left.
  // The joined context's size is kept as a sum (form encoding is per character), not re-measured.
  const contexts: string[] = [];
  const seen = new Set<string>();
  const separatorBytes = formEncodedLength(CONTEXT_SEPARATOR);
  let contextBytes = '&context='.length;
  let bytes = textBytes;
  for (const job of jobs) {
    if (job.context === undefined || job.context.trim() === '' || seen.has(job.context)) continue;
    const joinedBytes = contextBytes + (contexts.length > 0 ? separatorBytes : 0) + formEncodedLength(job.context);
    if (textBytes + joinedBytes <= limits.maxBytesPerRequest) {
      contexts.push(job.context);
      seen.add(job.context);
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
    billedCharacters: jobs.reduce((sum, job) => sum + billedCharacterCount(job.text), 0),
    jobCount: jobs.reduce((sum, job) => sum + (jobCountByKey.get(job.key) ?? 1), 0),
  };
}
