/**
 * The queue contract: what the pipeline hands to the queue (jobs, options) and what it gets back (a plan
 * for `--dry-run`, progress events, per-batch results for persisting, and a final outcome).
 */
import type { EngineFailureKind } from '../engines/types.js';
import type { Lang } from '../languages.js';

/** One text to translate. Several segments may share a job key; the text is then sent once. */
export interface TranslationJob {
  /**
   * Dedupe key, built by the caller from pair + glossary + text (e.g. `en-it|<glossaryId>|<text>`).
   * Jobs with the same key are sent once per run and the translation is fanned out to all of them.
   */
  key: string;
  /** segment text (XML with inline tags) */
  text: string;
  sourceLang: Lang;
  targetLang: Lang;
  /** DeepL glossary id; jobs are only batched with jobs of the same pair and glossary */
  glossaryId?: string | undefined;
  /** surrounding paragraph (DeepL `context`, not billed) */
  context?: string | undefined;
}

/** Request size limits (DeepL: 50 texts and 128 KiB of form-encoded body per request). */
export interface BatchLimits {
  /** @default 50 */
  maxTextsPerRequest: number;
  /** bytes of the form-encoded request body; @default 131072 */
  maxBytesPerRequest: number;
  /** budget of billed characters for the run; `null`/absent = unlimited (`--max-chars`) */
  maxChars?: number | null | undefined;
}

export interface QueueOptions extends BatchLimits {
  /** batches in flight at once; @default 4 */
  concurrency: number;
  /** requests started per second (sliding window); `Infinity` for local engines */
  requestsPerSecond: number;
  /** retries of one batch after a retryable failure (429, 5xx, network); @default 6 */
  maxRetries: number;
  /** first whole-queue pause after a retryable failure, doubled per consecutive failure; @default 500 */
  backoffBaseMs: number;
  /** longest pause; @default 30000 */
  backoffMaxMs: number;
  /**
   * Ctrl-C: stop taking work, keep what finished (outcome `interrupted`). Requests in flight are awaited
   * and kept, not abandoned (they are paid for); the engine's deadline bounds the wait.
   */
  signal?: AbortSignal | undefined;
  /** awaited after every finished batch, before the batch counts as done (persist state here) */
  onBatchDone?: ((result: BatchResult) => Promise<void> | void) | undefined;
  /** progress for the display (called synchronously, keep it cheap) */
  onProgress?: ((event: QueueProgress) => void) | undefined;
  /** jitter source in [0, 1); injected by tests for exact pauses. @default Math.random */
  random?: (() => number) | undefined;
}

/** One request as planned: a group of unique jobs of one language pair and glossary. */
export interface PlannedBatch {
  /** position in the plan (0-based), stable for a given input */
  index: number;
  sourceLang: Lang;
  targetLang: Lang;
  glossaryId: string | undefined;
  /** job keys, one per text, in input order */
  keys: string[];
  texts: string[];
  /** distinct contexts of the batch's jobs joined by blank lines, trimmed to fit the byte limit */
  context: string | undefined;
  /** conservative size of the form-encoded request body */
  bytes: number;
  /** billed characters (code points without tags) of the batch's texts */
  billedCharacters: number;
  /** how many input jobs (segments) this batch serves, duplicates included */
  jobCount: number;
}

export interface QueuePlan {
  batches: PlannedBatch[];
  /** input jobs (segments), duplicates included */
  jobs: number;
  /** distinct keys */
  uniqueTexts: number;
  /** input jobs served by another job's request */
  duplicates: number;
  /** requests the plan sends (one per batch, no retries) */
  requests: number;
  /** billed characters of all planned batches */
  billedCharacters: number;
  /** keys left out because the `maxChars` budget would be exceeded */
  overBudget: string[];
  /** keys whose text alone exceeds `maxBytesPerRequest` (never sent) */
  tooLarge: string[];
}

export type QueueStop =
  | 'quota' // the engine's quota is exhausted (DeepL 456)
  | 'auth' // the key was refused (DeepL 403)
  | 'interrupted' // the signal was aborted (Ctrl-C)
  | 'budget' // `maxChars` kept some batches back
  | 'failed'; // retries exhausted or a non-retryable engine failure

export interface BatchResult {
  batch: PlannedBatch;
  /** one translation per `batch.keys` entry, same order */
  translations: string[];
  billedCharacters: number;
}

export interface QueueProgress {
  type: 'start' | 'batch' | 'backoff' | 'end';
  /** input jobs (segments) translated so far / planned for sending */
  segmentsDone: number;
  segmentsTotal: number;
  /** estimated billed characters of finished / planned batches */
  charactersDone: number;
  charactersTotal: number;
  requests: number;
  retries: number;
  /** for `backoff`: the whole-queue pause in ms and what caused it */
  backoffMs?: number;
  backoffKind?: EngineFailureKind;
}

export interface QueueSummary {
  /** engine calls, retries included */
  requests: number;
  /** retried attempts */
  retries: number;
  /** sum of what the engine reported as billed */
  billedCharacters: number;
  /** texts in successful requests (unique texts) */
  sentTexts: number;
  /** successful batches */
  batches: number;
  seconds: number;
}

export interface QueueFailure {
  kind: EngineFailureKind;
  /** the engine's message (engines redact secrets before throwing) */
  message: string;
  status: number | undefined;
}

export interface QueueOutcome {
  /** why the run stopped before translating everything; `null` when everything planned was translated */
  stopped: QueueStop | null;
  /** the engine failure behind `quota`, `auth` and `failed` */
  failure: QueueFailure | null;
  /** job key → translation, for every finished batch */
  translations: Map<string, string>;
  /** distinct keys that got no translation (not sent, over budget, too large, failed) */
  untranslatedKeys: string[];
  plan: QueuePlan;
  summary: QueueSummary;
}
