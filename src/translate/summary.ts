/** What a run reports: the summary of a dry run or a real run, and its `--json` form. */
import type { QueueOutcome } from '../queue/types.js';
import type { MemoryStageOutput } from './memory.js';
import type { PlanStageOutput } from './plan.js';
import type { ArticleWork, TranslateSummary } from './types.js';

/** The counts known before anything is sent. */
export type SummaryBase = Pick<
  TranslateSummary,
  'engine' | 'engineReason' | 'articles' | 'targets' | 'segments' | 'reused' | 'fromMemory' | 'humanEdits' | 'stale'
>;

/** What the stages that ran report, whatever the run's outcome. */
export type RunReport = Pick<TranslateSummary, 'written' | 'untranslatableBlocks' | 'seconds'>;

function untranslatedCount(works: readonly ArticleWork[]): number {
  return works.reduce((sum, work) => sum + work.records.filter((r) => r.target === null).length, 0);
}

export function baseCounts(memory: MemoryStageOutput): Pick<SummaryBase, 'segments' | 'reused' | 'fromMemory'> {
  return { segments: memory.segments, reused: memory.reused, fromMemory: memory.fromMemory };
}

export function dryRunSummary(base: SummaryBase, planned: PlanStageOutput, works: readonly ArticleWork[], report: RunReport): TranslateSummary {
  const { plan } = planned;
  return {
    ...base,
    dryRun: true,
    // texts held back by the budget or too large for one request are not sent
    sent: plan ? plan.batches.reduce((sum, batch) => sum + batch.texts.length, 0) : 0,
    duplicates: plan?.duplicates ?? 0,
    untranslated: untranslatedCount(works),
    billedCharacters: plan?.billedCharacters ?? 0,
    requests: plan?.requests ?? 0,
    retries: 0,
    seconds: report.seconds,
    stopped: null,
    outcome: null,
    plan,
    written: [],
    untranslatableBlocks: report.untranslatableBlocks,
  };
}

export function runSummary(
  base: SummaryBase,
  planned: PlanStageOutput,
  outcome: QueueOutcome | null,
  works: readonly ArticleWork[],
  report: RunReport,
): TranslateSummary {
  const translatedSegments = outcome ? planned.jobs.filter((job) => outcome.translations.has(job.key)).length : 0;
  return {
    ...base,
    dryRun: false,
    sent: outcome?.summary.sentTexts ?? 0,
    duplicates: outcome ? Math.max(0, translatedSegments - outcome.summary.sentTexts) : 0,
    untranslated: untranslatedCount(works),
    billedCharacters: outcome?.summary.billedCharacters ?? 0,
    requests: outcome?.summary.requests ?? 0,
    retries: outcome?.summary.retries ?? 0,
    seconds: report.seconds,
    stopped: outcome?.stopped ?? null,
    outcome,
    plan: planned.plan,
    written: report.written,
    untranslatableBlocks: report.untranslatableBlocks,
  };
}

/** The summary as the one JSON object `--json` prints (snake_case keys, stable order). */
export function summaryToJson(summary: TranslateSummary): Record<string, unknown> {
  const json: Record<string, unknown> = {
    engine: summary.engine,
    dry_run: summary.dryRun,
    articles: summary.articles,
    targets: summary.targets,
    segments: summary.segments,
    sent: summary.sent,
    reused: summary.reused,
    from_memory: summary.fromMemory,
    duplicates: summary.duplicates,
    untranslated: summary.untranslated,
    human_edits: summary.humanEdits,
    stale: summary.stale,
    billed_characters: summary.billedCharacters,
    requests: summary.requests,
    retries: summary.retries,
    seconds: Math.round(summary.seconds * 1000) / 1000,
    stopped: summary.stopped,
  };
  if (summary.dryRun && summary.plan) {
    json.plan = summary.plan.batches.map((batch) => ({
      pair: `${batch.sourceLang}-${batch.targetLang}`,
      texts: batch.texts.length,
      segments: batch.jobCount,
      billed_characters: batch.billedCharacters,
      bytes: batch.bytes,
    }));
  }
  return json;
}
