/**
 * The engine stage: builds the engine the run chose and opens the queue the planned batches are pushed
 * into. Each finished batch goes to the journal (durable), then to the apply stage, then to the writer,
 * which writes the articles it settles; a crash or Ctrl-C loses at most the batches in flight.
 */
import type { ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import { pairKey, type LanguagePair } from '../languages.js';
import { createEngine, type EngineChoice } from '../engines/select.js';
import type { Engine } from '../engines/types.js';
import { glossaryIdsFor } from '../glossary/deepl-sync.js';
import { openTranslationQueue, type TranslationQueue } from '../queue/run.js';
import type { BatchLimits, BatchResult, QueueProgress } from '../queue/types.js';

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
  limits: BatchLimits;
  concurrency: number | undefined;
  signal: AbortSignal | undefined;
  onProgress: ((event: QueueProgress) => void) | undefined;
  /** each answered batch: made durable, applied and its settled articles written (see index.ts) */
  onBatchDone: (result: BatchResult) => Promise<void>;
}

/** The engine talks to a server (DeepL): its requests are rate limited and their waits are wall time. */
export function sendsOverNetwork(engine: Engine): boolean {
  return engine.name === 'deepl';
}

/** The engine queue of a run, fed batch by batch while later articles are still being read. */
export function openEngineQueue(input: EngineStageInput): TranslationQueue {
  const { config, engine } = input;
  const local = !sendsOverNetwork(engine);
  return openTranslationQueue(engine, {
    ...input.limits,
    concurrency: input.concurrency ?? config.queue.concurrency,
    // Local engines have no server to protect: a limit far above what a process can do.
    requestsPerSecond: local ? LOCAL_REQUESTS_PER_SECOND : config.queue.requestsPerSecond,
    maxRetries: config.queue.maxRetries,
    backoffBaseMs: config.queue.backoffBaseMs,
    backoffMaxMs: config.queue.backoffMaxMs,
    signal: input.signal,
    onBatchDone: input.onBatchDone,
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
