/**
 * The plan stage: records the memory could not serve become queue jobs (terms protected by placeholders
 * when the engine does not apply the glossary itself); identical texts share one job key, and every
 * record waiting for a key is remembered so the apply stage can fan the translation out.
 */
import type { ResolvedConfig } from '../config/types.js';
import { protectTerms } from '../glossary/index.js';
import type { TermPlaceholder } from '../glossary/placeholders.js';
import { pairKey, type LanguagePair } from '../languages.js';
import { planBatches } from '../queue/plan.js';
import type { BatchLimits, QueuePlan, TranslationJob } from '../queue/types.js';
import type { Segment } from '../segments/types.js';
import type { GlossaryContext } from './glossary-context.js';
import type { MemoryStageOutput } from './memory.js';
import type { ArticleWork, Waiter } from './types.js';

export interface PlanStageInput {
  config: ResolvedConfig;
  unserved: MemoryStageOutput['unserved'];
  glossary: GlossaryContext;
  /** true when the engine applies the pair's glossary itself (no placeholders then) */
  enforcesGlossary(pair: LanguagePair): boolean;
  /** DeepL glossary ids by pair key */
  glossaryIds: Readonly<Record<string, string>>;
  maxChars: number | null;
}

export interface PlanStageOutput {
  jobs: TranslationJob[];
  /** per job key, the records waiting for its translation */
  waiters: Map<string, Waiter[]>;
  limits: BatchLimits;
  /** the requests, null when there is nothing to send */
  plan: QueuePlan | null;
}

export function planJobs(input: PlanStageInput): PlanStageOutput {
  const { config } = input;
  const jobs: TranslationJob[] = [];
  const waiters = new Map<string, Waiter[]>();
  const segmentIndex = new Map<ArticleWork, Map<string, Segment>>();
  for (const { work, record } of input.unserved) {
    let segments = segmentIndex.get(work);
    if (!segments)
      segmentIndex.set(work, (segments = new Map(work.article.segments.map((segment) => [segment.id, segment]))));
    const segment = segments.get(record.id);
    const enforces = input.enforcesGlossary(work.pair);
    const glossaryId = enforces ? input.glossaryIds[pairKey(work.pair)] : undefined;
    let text = record.source;
    let placeholders: TermPlaceholder[] = [];
    if (!enforces && input.glossary.termbase.entries.length > 0) {
      const matches = input.glossary.matcherFor(work.pair.source).match(record.source);
      const protectedText = protectTerms(record.source, matches, input.glossary.termbase, work.pair.target);
      text = protectedText.text;
      placeholders = protectedText.placeholders;
    }
    const placeholderKey = placeholders.map((p) => `${p.id}=${p.entryId}`).join(',');
    const key = `${pairKey(work.pair)}|${glossaryId ?? ''}|${placeholderKey}|${text}`;
    const waiter: Waiter = { work, recordId: record.id, placeholders };
    const waiting = waiters.get(key);
    if (waiting) waiting.push(waiter);
    else waiters.set(key, [waiter]);
    jobs.push({
      key,
      text,
      sourceLang: work.pair.source,
      targetLang: work.pair.target,
      glossaryId,
      context:
        config.engine.deepl.sendContext && segment && segment.context !== segment.text ? segment.context : undefined,
    });
  }
  const limits: BatchLimits = {
    maxTextsPerRequest: config.queue.maxTextsPerRequest,
    maxBytesPerRequest: config.queue.maxBytesPerRequest,
    maxChars: input.maxChars,
  };
  return { jobs, waiters, limits, plan: jobs.length > 0 ? planBatches(jobs, limits) : null };
}

/** The distinct language pairs, in first-seen order (the engine checks it can serve them before anything is sent). */
export function pairsOfJobs(pairs: readonly LanguagePair[]): LanguagePair[] {
  return [...new Map(pairs.map((pair): [string, LanguagePair] => [pairKey(pair), pair])).values()];
}
