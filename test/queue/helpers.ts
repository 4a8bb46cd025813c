/**
 * Test doubles for the queue's unit tests: jobs built from texts, and an engine that follows a script
 * (answer, fail with an EngineError, take some time) and records every call with timestamps.
 * The DeepL integration tests use the real deepl engine and the test server instead.
 */
import {
  EngineError,
  type Engine,
  type TranslateBatchRequest,
  type TranslateBatchResult,
} from '../../src/engines/types.js';
import type { Lang } from '../../src/languages.js';
import { billedCharacterCount } from '../../src/queue/measure.js';
import type { QueueOptions, TranslationJob } from '../../src/queue/types.js';

export function job(text: string, overrides: Partial<TranslationJob> = {}): TranslationJob {
  const sourceLang: Lang = overrides.sourceLang ?? 'en';
  const targetLang: Lang = overrides.targetLang ?? 'it';
  const glossaryId = overrides.glossaryId;
  return {
    key: `${sourceLang}-${targetLang}|${glossaryId ?? ''}|${text}`,
    text,
    sourceLang,
    targetLang,
    glossaryId,
    ...overrides,
  };
}

/** `count` distinct jobs `t0`, `t1`, … */
export function jobs(count: number, prefix = 't'): TranslationJob[] {
  return Array.from({ length: count }, (_, i) => job(`${prefix}${i}`));
}

export function queueOptions(overrides: Partial<QueueOptions> = {}): QueueOptions {
  return {
    maxTextsPerRequest: 50,
    maxBytesPerRequest: 128 * 1024,
    concurrency: 4,
    requestsPerSecond: Number.POSITIVE_INFINITY,
    maxRetries: 3,
    backoffBaseMs: 20,
    backoffMaxMs: 1000,
    random: () => 0.5,
    ...overrides,
  };
}

export interface RecordedCall {
  /** 0-based call order */
  call: number;
  texts: string[];
  request: TranslateBatchRequest;
  startedAt: number;
  endedAt: number;
  outcome: 'ok' | EngineError['kind'] | 'aborted' | 'other';
}

/** What the script says for one call: succeed (optionally billing a factor), fail, or take time first. */
export interface ScriptStep {
  delayMs?: number;
  error?: EngineError | Error;
  billFactor?: number;
}

export const translated = (text: string): string => `IT(${text})`;

export class ScriptedEngine implements Engine {
  readonly name = 'pseudo' as const;
  readonly calls: RecordedCall[] = [];

  constructor(private readonly script: (call: number, request: TranslateBatchRequest) => ScriptStep = () => ({})) {}

  enforcesGlossary(): boolean {
    return false;
  }

  async translateBatch(request: TranslateBatchRequest): Promise<TranslateBatchResult> {
    const call = this.calls.length;
    const record: RecordedCall = {
      call,
      texts: request.texts.slice(),
      request,
      startedAt: Date.now(),
      endedAt: 0,
      outcome: 'ok',
    };
    this.calls.push(record);
    const step = this.script(call, request);
    try {
      if (step.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, step.delayMs);
          request.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        });
      }
    } catch (error) {
      record.outcome = 'aborted';
      record.endedAt = Date.now();
      throw error;
    }
    record.endedAt = Date.now();
    if (step.error) {
      record.outcome = step.error instanceof EngineError ? step.error.kind : 'other';
      throw step.error;
    }
    const billed = request.texts.reduce((sum, text) => sum + billedCharacterCount(text), 0);
    return { texts: request.texts.map(translated), billedCharacters: billed * (step.billFactor ?? 1) };
  }
}
