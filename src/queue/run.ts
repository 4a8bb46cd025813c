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
 * Every answered batch is handed to `onBatchDone` at once, and counts (progress, the outcome) only once
 * that has resolved, so the caller can make it durable first. The request's slot is free as soon as the
 * answer is in: the next request does not wait for the caller's fsync. Requests in flight plus batches
 * answered and not settled yet stay within twice `concurrency` (a new request waits while they would
 * not), so a crash loses at most that many batches' answers.
 */
import PQueue from 'p-queue';
import { EngineError, type Engine } from '../engines/types.js';
import { backoffDelay } from './backoff.js';
import { planBatches, validateBatchLimits } from './plan.js';
import { clientTokenBucket, type TokenBucket } from './rate-limit.js';
import type {
  BatchResult,
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
  const run = new QueueRun(engine, options, true);
  run.push(plan.batches);
  return run.close(plan, () => untranslatedOf(jobs, run.translations));
}

/** The distinct keys of `jobs` without a translation, in order. */
function untranslatedOf(jobs: readonly TranslationJob[], translations: ReadonlyMap<string, string>): string[] {
  const untranslated: string[] = [];
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.key)) continue;
    seen.add(job.key);
    if (!translations.has(job.key)) untranslated.push(job.key);
  }
  return untranslated;
}

/** Segments and characters a run expects to send in all (for the progress display). */
export interface ExpectedTotals {
  segments: number;
  characters: number;
}

/**
 * A queue fed while it runs: a translate run pushes each batch as soon as it is planned (later articles
 * are still being read) and closes the queue after the last one. Answers go to `onBatchDone` only; the
 * outcome's `translations` stays empty (a run of thousands of articles does not hold every answer).
 */
export interface TranslationQueue {
  /** Sends planned batches (a stopped queue drops them: their keys stay untranslated). */
  push(batches: readonly PlannedBatch[]): void;
  /** The totals the progress shows while planning goes on (an estimate; null: the batches pushed). */
  expect(totals: ExpectedTotals | null): void;
  /** A duplicate joined a batch already pushed and not answered yet: one more segment it serves. */
  joined(batch: PlannedBatch): void;
  /** Batches waiting for a free slot (not yet sent). */
  waiting(): number;
  /** Why the queue stopped, null while it runs. */
  stopReason(): QueueStop | null;
  /** Stops taking work (the run failed): batches in flight finish, `close` still waits for them. */
  stop(): void;
  /** No more batches: resolves with the outcome once the batches in flight are done. */
  close(plan: QueuePlan, untranslatedKeys: () => string[]): Promise<QueueOutcome>;
}

export function openTranslationQueue(engine: Engine, options: QueueOptions): TranslationQueue {
  validateQueueOptions(options);
  validateBatchLimits(options);
  const run = new QueueRun(engine, options, false);
  return {
    push: (batches) => run.push(batches),
    expect: (totals) => run.expect(totals),
    joined: (batch) => run.joined(batch),
    waiting: () => run.waiting(),
    stopReason: () => run.currentStop(),
    stop: () => run.stopFailed(),
    close: (plan, untranslatedKeys) => run.close(plan, untranslatedKeys),
  };
}

class QueueRun {
  private readonly queue: PQueue;
  private readonly random: () => number;
  private readonly bucket: TokenBucket;
  readonly translations = new Map<string, string>();
  private stopReason: QueueStop | null = null;
  private failure: QueueFailure | null = null;
  /** a non-engine error (bug, input error from the engine, failing onBatchDone): rethrown at the end */
  private thrown: { error: unknown } | null = null;
  private readonly startedAt = Date.now();
  private readonly sends: boolean;
  private started = false;
  /** segments and characters of the batches pushed (exact), and what the caller expects in all */
  private segmentsPushed = 0;
  private charactersPushed = 0;
  private expected: ExpectedTotals | null = null;

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
  /** answered batches whose `onBatchDone` has not resolved yet */
  private readonly settling = new Set<Promise<void>>();
  /** requests sent and not answered yet */
  private inFlight = 0;
  /** requests waiting for fewer batches settling */
  private settleWaiters: Array<() => void> = [];
  private readonly onAbort = (): void => this.stop('interrupted');

  constructor(
    private readonly engine: Engine,
    private readonly options: QueueOptions,
    /** keep every answer in `translations` (the one-shot API); a streamed run does not */
    private readonly keepTranslations: boolean,
  ) {
    // p-queue owns concurrency, priority (retries first) and the whole-queue pause; the rate limit is a
    // token bucket taken just before each request.
    this.queue = new PQueue({ concurrency: options.concurrency });
    this.bucket = clientTokenBucket(options.requestsPerSecond);
    this.random = options.random ?? Math.random;
    this.sends = engine.leavesUntranslated !== true;
    if (this.sends) {
      options.signal?.addEventListener('abort', this.onAbort, { once: true });
      if (options.signal?.aborted) this.stop('interrupted');
    }
  }

  expect(totals: ExpectedTotals | null): void {
    this.expected = totals;
  }

  push(batches: readonly PlannedBatch[]): void {
    if (!this.sends) return;
    for (const batch of batches) {
      this.segmentsPushed += batch.jobCount;
      this.charactersPushed += batch.billedCharacters;
    }
    if (!this.started) {
      this.started = true;
      this.emit('start');
    }
    if (this.stopReason === null) for (const batch of batches) this.enqueue(batch, 0, 0);
  }

  joined(_batch: PlannedBatch): void {
    this.segmentsPushed += 1;
  }

  waiting(): number {
    return this.queue.size;
  }

  stopFailed(): void {
    this.stop('failed');
  }

  currentStop(): QueueStop | null {
    return this.stopReason;
  }

  async close(plan: QueuePlan, untranslatedKeys: () => string[]): Promise<QueueOutcome> {
    this.expected = null;
    if (this.sends) {
      if (!this.started) this.emit('start');
      this.started = true;
      await this.queue.onIdle();
      while (this.settling.size > 0) await Promise.all(this.settling);
      this.options.signal?.removeEventListener('abort', this.onAbort);
      clearTimeout(this.pauseTimer);
      this.emit('end');
    }
    if (this.thrown) throw this.thrown.error;
    return this.outcome(plan, untranslatedKeys());
  }

  private enqueue(batch: PlannedBatch, attempt: number, priority: number): void {
    // Tasks never reject: every failure is handled inside `attempt`.
    void this.queue.add(() => this.attempt(batch, attempt), { priority }).catch(() => undefined);
  }

  private async attempt(batch: PlannedBatch, attempt: number): Promise<void> {
    if (this.stopReason !== null) return;
    // p-queue may have dequeued this task just before a pause began, or while answers pile up unsettled:
    // waited out before taking a token, so no token is spent waiting
    if (!this.mayStart()) await this.roomToSend();
    const wait = this.bucket.reserve();
    if (wait > 0) await this.sleep(wait);
    // Looked at again with no await between the last look and the send: a pause may have begun, or
    // other answers come in, while this request waited for its token; nothing is sent during a pause.
    while (this.stopReason === null && !this.mayStart()) await this.roomToSend();
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
    this.inFlight += 1;
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
      this.inFlight -= 1;
      this.reservedCharacters -= batch.billedCharacters;
      this.handleFailure(batch, attempt, error, requestStartedAt);
      this.wakeSettleWaiters();
      return;
    }
    this.inFlight -= 1;
    this.reservedCharacters -= batch.billedCharacters;

    this.billedCharacters += billed;
    this.sentTexts += texts.length;
    this.batchesDone += 1;
    if (requestStartedAt > this.lastPauseAt) this.failureLevel = 0;
    if (this.keepTranslations)
      batch.keys.forEach((key, i) => {
        this.translations.set(key, texts[i] as string);
      });
    // handed over now (a synchronous onBatchDone runs before the next request starts), not awaited here
    const settled = this.settle({ batch, translations: texts, billedCharacters: billed });
    this.settling.add(settled);
    void settled.then(() => {
      this.settling.delete(settled);
      this.wakeSettleWaiters();
    });
  }

  /** The caller's `onBatchDone`, then the batch counts as done (never rejects: a failure stops the run). */
  private async settle(result: BatchResult): Promise<void> {
    try {
      await this.options.onBatchDone?.(result);
    } catch (error) {
      this.thrown ??= { error };
      this.stop('failed');
      return;
    }
    this.segmentsDone += result.batch.jobCount;
    this.charactersDone += result.batch.billedCharacters;
    this.emit('batch');
  }

  /**
   * Not paused, and requests in flight plus answers not settled yet below twice the concurrency: the
   * answers a crash can lose stay bounded while the caller makes them durable.
   */
  private mayStart(): boolean {
    return Date.now() >= this.pausedUntil && this.inFlight + this.settling.size < 2 * this.options.concurrency;
  }

  /** Waits until a request may start (or the queue stopped). */
  private async roomToSend(): Promise<void> {
    while (this.stopReason === null && !this.mayStart()) {
      if (Date.now() < this.pausedUntil) await this.sleep(this.pausedUntil - Date.now());
      else await new Promise<void>((resolve) => this.settleWaiters.push(resolve));
    }
  }

  private wakeSettleWaiters(): void {
    const waiters = this.settleWaiters;
    this.settleWaiters = [];
    for (const wake of waiters) wake();
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
    this.wakeSettleWaiters();
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
      segmentsTotal: Math.max(this.segmentsPushed, this.expected?.segments ?? 0),
      charactersDone: this.charactersDone,
      charactersTotal: Math.max(this.charactersPushed, this.expected?.characters ?? 0),
      requests: this.requests,
      retries: this.retries,
      ...extra,
    });
  }

  private outcome(plan: QueuePlan, untranslatedKeys: string[]): QueueOutcome {
    const summary: QueueSummary = {
      requests: this.requests,
      retries: this.retries,
      billedCharacters: this.billedCharacters,
      sentTexts: this.sentTexts,
      batches: this.batchesDone,
      seconds: (Date.now() - this.startedAt) / 1000,
    };
    return {
      stopped: this.stopReason ?? (plan.overBudget.length > 0 ? 'budget' : null),
      failure: this.failure,
      translations: this.translations,
      untranslatedKeys,
      plan,
      summary,
    };
  }
}
