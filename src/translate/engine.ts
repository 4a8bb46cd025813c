/**
 * The engine stage: builds the engine the run chose and sends the planned jobs through the queue. Each
 * finished batch goes to the journal (durable), then to the apply stage, then to the writer, which
 * writes the articles it settles; a crash or Ctrl-C loses at most the batches in flight.
 */
import type { ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import { pairKey, type LanguagePair } from '../languages.js';
import { createEngine, type EngineChoice } from '../engines/select.js';
import type { Engine } from '../engines/types.js';
import { glossaryIdsFor } from '../glossary/deepl-sync.js';
import { runTranslationQueue } from '../queue/run.js';
import type { QueueOutcome, QueuePlan, QueueProgress } from '../queue/types.js';
import { applyBatch } from './apply.js';
import type { PlanStageOutput } from './plan.js';
import type { RunJournal } from './journal.js';
import type { ArticleWriter } from './write.js';

/** Rate limit for local engines (pseudo, Apertium): effectively none. */
const LOCAL_REQUESTS_PER_SECOND = 1000;

/** The engine for the run; none for a DeepL dry run (it plans without a key and without network). */
export function engineForRun(
  config: ResolvedConfig,
  env: NodeJS.ProcessEnv,
  choice: EngineChoice,
  given: Engine | undefined,
  dryRun: boolean,
): Engine | null {
  if (given) return given;
  if (dryRun && choice.name === 'deepl') return null;
  return createEngine(choice.name, config, env, choice.name === 'deepl' ? { glossaryIds: glossaryIdsFor(config) } : {});
}

export interface EngineStageInput {
  config: ResolvedConfig;
  engine: Engine;
  planned: PlanStageOutput;
  writer: ArticleWriter;
  journal: RunJournal;
  concurrency: number | undefined;
  signal: AbortSignal | undefined;
  now: () => string;
  onPlan: ((plan: QueuePlan) => void) | undefined;
  onProgress: ((event: QueueProgress) => void) | undefined;
}

export async function runEngineStage(input: EngineStageInput): Promise<QueueOutcome> {
  const { config, engine, planned } = input;
  if (planned.plan) input.onPlan?.(planned.plan);
  const local = engine.name !== 'deepl';
  return runTranslationQueue(engine, planned.jobs, {
    ...planned.limits,
    concurrency: input.concurrency ?? config.queue.concurrency,
    // Local engines have no server to protect: a limit far above what a process can do.
    requestsPerSecond: local ? LOCAL_REQUESTS_PER_SECOND : config.queue.requestsPerSecond,
    maxRetries: config.queue.maxRetries,
    backoffBaseMs: config.queue.backoffBaseMs,
    backoffMaxMs: config.queue.backoffMaxMs,
    signal: input.signal,
    onBatchDone: async (result) => {
      // durable before it counts as received: a kill from here on does not send these texts again
      await input.journal.record(result);
      applyBatch(result, planned.waiters, engine.name, input.now());
      input.writer.settle(result.batch.keys);
      // a write that failed (a full disk) stops the sending; the journal keeps what was answered
      if (input.writer.failure() !== undefined) throw input.writer.failure();
    },
    onProgress: input.onProgress,
  });
}

/**
 * The language pairs of the jobs the engine cannot translate (Apertium has no Korean), with its reason,
 * by pair key. Asked pair by pair so one missing pair leaves the others to run.
 */
export async function refusedPairs(
  engine: Engine,
  pairs: readonly LanguagePair[],
): Promise<Map<string, StorylocError>> {
  const refused = new Map<string, StorylocError>();
  if (!engine.checkPairs) return refused;
  for (const pair of pairs) {
    try {
      await engine.checkPairs([pair]);
    } catch (error) {
      // an engine that cannot run at all (not installed, bad key) stops the run as before
      if (!(error instanceof StorylocError) || !error.code.endsWith('unsupportedPair')) throw error;
      refused.set(pairKey(pair), error);
    }
  }
  return refused;
}
