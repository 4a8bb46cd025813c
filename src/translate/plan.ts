/**
 * The plan stage: records the memory could not serve become queue jobs (terms protected by placeholders
 * when the engine does not apply the glossary itself); identical texts share one job key (run-keys.ts
 * sends each once per run), and every record waiting for a key is remembered so the apply stage can fan
 * the translation out.
 */
import type { ResolvedConfig } from '../config/types.js';
import { protectTerms } from '../glossary/index.js';
import type { TermPlaceholder } from '../glossary/placeholders.js';
import { pairKey, type LanguagePair } from '../languages.js';
import type { BatchLimits, TranslationJob } from '../queue/types.js';
import type { Segment } from '../segments/types.js';
import type { GlossaryContext } from './glossary-context.js';
import type { MemoryStageOutput } from './memory.js';
import type { RunKeys } from './run-keys.js';
import type { ArticleWork, KnownAnswer, Waiter } from './types.js';

export interface PlanStageInput {
  config: ResolvedConfig;
  glossary: GlossaryContext;
  /** true when the engine applies the pair's glossary itself (no placeholders then) */
  enforcesGlossary(pair: LanguagePair): boolean;
  /** DeepL glossary ids by pair key */
  glossaryIds: Readonly<Record<string, string>>;
}

/**
 * Plans one group's records the memory could not serve: each becomes a job given to the run's keys.
 * Returns the segments whose answer is known already; `waits` says whether segments may wait for an
 * answer (false in a dry run, or once the queue has stopped), and each article's waiting count goes up.
 */
export function planJobs(
  input: PlanStageInput,
  unserved: MemoryStageOutput['unserved'],
  keys: RunKeys,
  waits: boolean,
): KnownAnswer[] {
  const known: KnownAnswer[] = [];
  const segmentIndex = new Map<ArticleWork, Map<string, Segment>>();
  for (const { work, record } of unserved) {
    let segments = segmentIndex.get(work);
    if (!segments)
      segmentIndex.set(work, (segments = new Map(work.article.segments.map((segment) => [segment.id, segment]))));
    const { job, placeholders } = jobFor(input, work, record.source, segments.get(record.id));
    const waiter: Waiter = { work, recordId: record.id, placeholders };
    const planned = keys.plan(job, waits ? waiter : null);
    if (planned.kind === 'translated') known.push({ waiter, text: planned.text });
    else if (planned.kind === 'waiting') work.waitingFor = (work.waitingFor ?? 0) + 1;
  }
  return known;
}

/** The job of one segment: terms protected by placeholders unless the engine applies the glossary. */
function jobFor(
  input: PlanStageInput,
  work: ArticleWork,
  source: string,
  segment: Segment | undefined,
): { job: TranslationJob; placeholders: TermPlaceholder[] } {
  const enforces = input.enforcesGlossary(work.pair);
  const glossaryId = enforces ? input.glossaryIds[pairKey(work.pair)] : undefined;
  let text = source;
  let placeholders: TermPlaceholder[] = [];
  if (!enforces && input.glossary.termbase.entries.length > 0) {
    const matches = input.glossary.matchesOf(work.pair.source, source);
    const protectedText = protectTerms(source, matches, input.glossary.termbase, work.pair.target);
    text = protectedText.text;
    placeholders = protectedText.placeholders;
  }
  const placeholderKey = placeholders.map((p) => `${p.id}=${p.entryId}`).join(',');
  const key = `${pairKey(work.pair)}|${glossaryId ?? ''}|${placeholderKey}|${text}`;
  const sendsContext = input.config.engine.deepl.sendContext && segment && segment.context !== segment.text;
  return {
    job: {
      key,
      text,
      sourceLang: work.pair.source,
      targetLang: work.pair.target,
      glossaryId,
      context: sendsContext ? segment.context : undefined,
    },
    placeholders,
  };
}

/** The request limits of the run. */
export function batchLimitsFor(config: ResolvedConfig, maxChars: number | null): BatchLimits {
  return {
    maxTextsPerRequest: config.queue.maxTextsPerRequest,
    maxBytesPerRequest: config.queue.maxBytesPerRequest,
    maxChars,
  };
}
