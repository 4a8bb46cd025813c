/**
 * The translation queue: sends planned batches to an engine through p-queue with a concurrency limit and
 * a requests-per-second limit (token bucket), and recovers from failures as one queue:
 *
 * - a retryable failure (429, 5xx, network) pauses the WHOLE queue (exponential backoff with jitter, or
 *   the server's Retry-After; from the third 429 in a row at least deepl-node's 1 s × 1.6 schedule, see
 *   backoff.ts) and puts the batch back at the front; a burst of failures from requests
 *   that were already in flight counts as one failure, so concurrency does not inflate the pause;
 * - quota (456), auth (403) and non-retryable failures stop new batches, let in-flight ones finish and
 *   return an outcome (a value, not an exception) with everything that finished;
 * - the `maxChars` budget keeps batches back (planned up front, checked again against what the engine
 *   actually billed);
 * - aborting the signal (Ctrl-C) stops taking work and keeps what finished. Requests already in flight
 *   are not abandoned: the engine has started (and DeepL has billed) them, so they are awaited and kept;
 *   abandoning them would pay for the same texts again on the rerun. The engine's own deadline bounds
 *   the wait; the CLI lets a second Ctrl-C end the process at once (state files are written atomically).
 *
 * Every finished batch is handed to `onBatchDone` (awaited) so the caller can persist it before the next
 * one counts: a crash loses at most the batches in flight.
 */
import PQueue from 'p-queue';
import { EngineError, type Engine } from '../engines/types.js';
import { backoffDelay } from './backoff.js';
import { planBatches } from './plan.js';
import { clientTokenBucket, type TokenBucket } from './rate-limit.js';
import type {
  PlannedBatch,
  QueueFailure,
  QueueOptions,
  QueueOutcome,
  QueuePlan,
  QueueProgress,
  QueueStop,
  QueueSummary,
  TranslationJob,
} from './types.js';

/** Rejects a bad option naming it, what was expected and what came (like p-queue does). */
export function validateQueueOptions(options: QueueOptions): void {
  const check = (name: string, value: unknown, ok: boolean, expected: string): void => {
    if (!ok) throw new TypeError(`Expected \`${name}\` to be ${expected}, got \`${String(value)}\` (${typeof value})`);
  };
  const { concurrency, requestsPerSecond, maxRetries, backoffBaseMs, backoffMaxMs } = options;
  check('concurrency', concurrency, Number.isInteger(concurrency) && concurrency >= 1, 'an integer >= 1');
  check(
    'requestsPerSecond',
    requestsPerSecond,
    typeof requestsPerSecond === 'number' && requestsPerSecond > 0,
    'a number > 0 (Infinity for no limit)',
  );
  check('maxRetries', maxRetries, Number.isInteger(maxRetries) && maxRetries >= 0, 'an integer >= 0');
  check('backoffBaseMs', backoffBaseMs, Number.isFinite(backoffBaseMs) && backoffBaseMs >= 0, 'a finite number >= 0');
  check(
    'backoffMaxMs',
    backoffMaxMs,
    Number.isFinite(backoffMaxMs) && backoffMaxMs >= backoffBaseMs,
    'a finite number >= backoffBaseMs',
  );
}

/** Translates `jobs` with `engine`; resolves with the outcome (rejects only on a non-engine error). */
export async function runTranslationQueue(
  engine: Engine,
  jobs: readonly TranslationJob[],
  options: QueueOptions,
): Promise<QueueOutcome> {
  validateQueueOptions(options);
  const plan = planBatches(jobs, options);
  return new QueueRun(engine, jobs, plan, options).run();
}

class QueueRun {
  private readonly queue: PQueue;
  private readonly random: () => number;
  private readonly bucket: TokenBucket;
  private readonly translations = new Map<string, string>();
  private stopReason: QueueStop | null = null;
  private failure: QueueFailure | null = null;
  /** a non-engine error (bug, input error from the engine, failing onBatchDone): rethrown at the end */
  private thrown: { error: unknown } | null = null;
  private readonly startedAt = Date.now();
  private readonly segmentsTotal: number;

  private requests = 0;
  private retries = 0;
  private billedCharacters = 0;
  private sentTexts = 0;
  private batchesDone = 0;
  private segmentsDone = 0;
  private charactersDone = 0;
  /** estimated billed characters of batches in flight, for the budget check */
  private reservedCharacters = 0;

  /** whole-queue pause: nothing starts before this time */
  private pausedUntil = 0;
  private pauseTimer: NodeJS.Timeout | undefined;
  /** when the latest pause began: failures of requests started earlier belong to the same burst */
  private lastPauseAt = Number.NEGATIVE_INFINITY;
  /** consecutive failures, for the exponential part of the backoff */
  private failureLevel = 0;
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly engine: Engine,
    private readonly jobs: readonly TranslationJob[],
    private readonly plan: QueuePlan,
    private readonly options: QueueOptions,
  ) {
    // p-queue owns concurrency, priority (retries first) and the whole-queue pause; the rate limit is a
    // token bucket taken just before each request.
    this.queue = new PQueue({ concurrency: options.concurrency });
    this.bucket = clientTokenBucket(options.requestsPerSecond);
    this.random = options.random ?? Math.random;
    this.segmentsTotal = plan.batches.reduce((sum, batch) => sum + batch.jobCount, 0);
  }

  async run(): Promise<QueueOutcome> {
    const signal = this.options.signal;
    const onAbort = (): void => this.stop('interrupted');
    if (this.engine.leavesUntranslated !== true) {
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) this.stop('interrupted');
      this.emit('start');
      for (const batch of this.plan.batches) this.enqueue(batch, 0, 0);
      await this.queue.onIdle();
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(this.pauseTimer);
      this.emit('end');
    }
    if (this.thrown) throw this.thrown.error;
    return this.outcome();
  }

  private enqueue(batch: PlannedBatch, attempt: number, priority: number): void {
    // Tasks never reject: every failure is handled inside `attempt`.
    void this.queue.add(() => this.attempt(batch, attempt), { priority }).catch(() => undefined);
  }

  private async attempt(batch: PlannedBatch, attempt: number): Promise<void> {
    if (this.stopReason !== null) return;
    // p-queue may have dequeued this task just before a pause began.
    await this.waitWhilePaused();
    const wait = this.bucket.reserve();
    if (wait > 0) await this.sleep(wait);
    // A pause may have begun while this request waited for its token: nothing is sent during a pause.
    await this.waitWhilePaused();
    if (this.stopReason !== null) return;
    const maxChars = this.options.maxChars;
    if (
      maxChars !== undefined &&
      maxChars !== null &&
      this.billedCharacters + this.reservedCharacters + batch.billedCharacters > maxChars
    ) {
      // Only reachable when the engine billed more than estimated: the plan already fits the budget.
      this.stop('budget');
      return;
    }

    this.reservedCharacters += batch.billedCharacters;
    this.requests += 1;
    const requestStartedAt = Date.now();
    let texts: string[];
    let billed: number;
    try {
      const result = await this.engine.translateBatch({
        texts: batch.texts,
        sourceLang: batch.sourceLang,
        targetLang: batch.targetLang,
        ...(batch.glossaryId !== undefined ? { glossaryId: batch.glossaryId } : {}),
        ...(batch.context !== undefined ? { context: batch.context } : {}),
      });
      if (result.texts.length !== batch.texts.length) {
        throw new EngineError(
          'fatal',
          `engine ${this.engine.name} returned ${result.texts.length} texts for ${batch.texts.length}`,
        );
      }
      texts = result.texts;
      billed = result.billedCharacters;
    } catch (error) {
      this.reservedCharacters -= batch.billedCharacters;
      this.handleFailure(batch, attempt, error, requestStartedAt);
      return;
    }
    this.reservedCharacters -= batch.billedCharacters;

    this.billedCharacters += billed;
    this.sentTexts += texts.length;
    this.batchesDone += 1;
    if (requestStartedAt > this.lastPauseAt) this.failureLevel = 0;
    batch.keys.forEach((key, i) => {
      this.translations.set(key, texts[i] as string);
    });
    try {
      await this.options.onBatchDone?.({ batch, translations: texts, billedCharacters: billed });
    } catch (error) {
      this.thrown ??= { error };
      this.stop('failed');
      return;
    }
    this.segmentsDone += batch.jobCount;
    this.charactersDone += batch.billedCharacters;
    this.emit('batch');
  }

  private handleFailure(batch: PlannedBatch, attempt: number, error: unknown, requestStartedAt: number): void {
    // After Ctrl-C a failed request is not retried: the batch simply did not finish.
    if (this.options.signal?.aborted) {
      this.stop('interrupted');
      return;
    }
    if (!(error instanceof EngineError)) {
      this.thrown ??= { error };
      this.stop('failed');
      return;
    }
    const failure: QueueFailure = { kind: error.kind, message: error.message, status: error.status };
    if (!error.shouldRetry) {
      this.stop(error.kind === 'quota' ? 'quota' : error.kind === 'auth' ? 'auth' : 'failed', failure);
      return;
    }
    if (attempt >= this.options.maxRetries) {
      this.stop('failed', failure);
      return;
    }
    if (this.stopReason !== null) return;
    // Requests that were in flight when the queue paused hit the same congestion: one burst, one level.
    if (requestStartedAt > this.lastPauseAt || this.failureLevel === 0) this.failureLevel += 1;
    const delay =
      error.retryAfterMs ?? backoffDelay(this.failureLevel, this.options, this.random, error.kind === 'rate-limited');
    this.retries += 1;
    this.pauseFor(delay);
    // Highest priority: the failed batch goes out first when the queue resumes.
    this.enqueue(batch, attempt + 1, 1);
    this.emit('backoff', { backoffMs: delay, backoffKind: error.kind });
  }

  private async waitWhilePaused(): Promise<void> {
    while (this.stopReason === null && Date.now() < this.pausedUntil) await this.sleep(this.pausedUntil - Date.now());
  }

  private pauseFor(delay: number): void {
    const now = Date.now();
    const until = now + delay;
    if (until <= this.pausedUntil) return;
    if (this.pausedUntil <= now) this.lastPauseAt = now;
    this.pausedUntil = until;
    this.queue.pause();
    clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = undefined;
      this.queue.start();
    }, delay);
  }

  private stop(reason: QueueStop, failure: QueueFailure | null = null): void {
    if (this.stopReason === null) {
      this.stopReason = reason;
      this.failure = failure;
    }
    this.queue.clear();
    clearTimeout(this.pauseTimer);
    this.pauseTimer = undefined;
    this.pausedUntil = 0;
    // Resume so that onIdle() can resolve once in-flight batches finish (nothing is queued any more).
    this.queue.start();
    for (const wake of this.sleepers) wake();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      this.sleepers.add(wake);
    });
  }

  private emit(type: QueueProgress['type'], extra: Pick<QueueProgress, 'backoffMs' | 'backoffKind'> = {}): void {
    if (!this.options.onProgress) return;
    this.options.onProgress({
      type,
      segmentsDone: this.segmentsDone,
      segmentsTotal: this.segmentsTotal,
      charactersDone: this.charactersDone,
      charactersTotal: this.plan.billedCharacters,
      requests: this.requests,
      retries: this.retries,
      ...extra,
    });
  }

  private outcome(): QueueOutcome {
    const untranslatedKeys: string[] = [];
    const seen = new Set<string>();
    for (const job of this.jobs) {
      if (seen.has(job.key)) continue;
      seen.add(job.key);
      if (!this.translations.has(job.key)) untranslatedKeys.push(job.key);
    }
    const summary: QueueSummary = {
      requests: this.requests,
      retries: this.retries,
      billedCharacters: this.billedCharacters,
      sentTexts: this.sentTexts,
      batches: this.batchesDone,
      seconds: (Date.now() - this.startedAt) / 1000,
    };
    return {
      stopped: this.stopReason ?? (this.plan.overBudget.length > 0 ? 'budget' : null),
      failure: this.failure,
      translations: this.translations,
      untranslatedKeys,
      plan: this.plan,
      summary,
    };
  }
}
