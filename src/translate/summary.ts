/** What a run reports: the summary of a dry run or a real run, and its `--json` form. */
import type { QueueOutcome } from '../queue/types.js';
import type { MemoryStageOutput } from './memory.js';
import type { PlanStageOutput } from './plan.js';
import type { ArticleWork, TranslateSummary } from './types.js';

/** The counts known before anything is sent. */
export type SummaryBase = Pick<
  TranslateSummary,
  | 'engine'
  | 'engineReason'
  | 'articles'
  | 'targets'
  | 'segments'
  | 'reused'
  | 'fromMemory'
  | 'humanEdits'
  | 'stale'
  | 'skipped'
>;

/** What the stages that ran report, whatever the run's outcome. */
export type RunReport = Pick<TranslateSummary, 'written' | 'writtenUntranslated' | 'untranslatableBlocks' | 'seconds'>;

/** Engines that bill per character; the others cost nothing, whatever they are sent. */
const BILLING_ENGINES: ReadonlySet<string> = new Set(['deepl']);

function untranslatedCount(works: readonly ArticleWork[]): number {
  return works.reduce(
    (sum, work) =>
      sum +
      (work.unchanged
        ? work.unchanged.total - work.unchanged.withTarget
        : work.records.filter((r) => r.target === null).length),
    0,
  );
}

export function baseCounts(memory: MemoryStageOutput): Pick<SummaryBase, 'segments' | 'reused' | 'fromMemory'> {
  return { segments: memory.segments, reused: memory.reused, fromMemory: memory.fromMemory };
}

export function dryRunSummary(
  base: SummaryBase,
  planned: PlanStageOutput,
  works: readonly ArticleWork[],
  report: RunReport,
): TranslateSummary {
  const { plan } = planned;
  return {
    ...base,
    dryRun: true,
    // texts held back by the budget or too large for one request are not sent
    sent: plan ? plan.batches.reduce((sum, batch) => sum + batch.texts.length, 0) : 0,
    duplicates: plan?.duplicates ?? 0,
    untranslated: untranslatedCount(works),
    billedCharacters: BILLING_ENGINES.has(base.engine) ? (plan?.billedCharacters ?? 0) : 0,
    sentCharacters: plan?.billedCharacters ?? 0,
    requests: plan?.requests ?? 0,
    retries: 0,
    seconds: report.seconds,
    stopped: null,
    outcome: null,
    plan,
    written: [],
    writtenUntranslated: [],
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
    sentCharacters: sentCharacters(outcome),
    requests: outcome?.summary.requests ?? 0,
    retries: outcome?.summary.retries ?? 0,
    seconds: report.seconds,
    stopped: outcome?.stopped ?? null,
    outcome,
    plan: planned.plan,
    written: report.written,
    writtenUntranslated: report.writtenUntranslated,
    untranslatableBlocks: report.untranslatableBlocks,
  };
}

/** Characters of the batches that came back translated. */
function sentCharacters(outcome: QueueOutcome | null): number {
  if (!outcome) return 0;
  const done = outcome.plan.batches.filter((batch) => batch.keys.every((key) => outcome.translations.has(key)));
  return done.reduce((sum, batch) => sum + batch.billedCharacters, 0);
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
  if (summary.skipped.length > 0) {
    json.skipped = summary.skipped.map((item) => ({
      file: item.position.file,
      target: item.targetLang,
      pair: item.pair,
      reason: item.messageKey,
    }));
  }
  if (summary.dryRun) json.sent_characters = summary.sentCharacters;
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
