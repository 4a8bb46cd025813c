/**
 * `translateWorkspace`: the only module that knows the order of the stages.
 *
 *   read → segment → memory → plan → engine queue → apply → write
 *
 *  - read (read.ts): what the run covers, the glossary, the states and the source files;
 *  - segment (segment.ts): records aligned with each article (human edits, source edits, glossary edits);
 *    a broken edit stops the run here, before anything is written or sent;
 *  - memory (memory.ts): what the project-wide memory knows is reused;
 *  - plan (plan.ts): the rest becomes queue jobs and requests; answers a killed run left in the journal
 *    (journal.ts) are taken out of the plan; `--dry-run` stops here with the plan;
 *  - engine queue (engine.ts) → apply (apply.ts): each finished batch is journaled (durable), then goes
 *    back into the records;
 *  - write (write.ts): each article once, when all of its segments are settled (at once for those that
 *    wait for no answer), the rest at the end; then the journal is removed.
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Engine } from '../engines/types.js';
import type { StorylocError } from '../errors.js';
import { glossaryIdsFor } from '../glossary/deepl-sync.js';
import { pairKey, type LanguagePair } from '../languages.js';
import { acquireWorkspaceLock } from '../memory/lock.js';
import { shownTarget, TEST_ENGINES } from '../memory/segment-life.js';
import {
  loadWorkspaceStates,
  pruneSnapshots,
  readGlossaryCheckCache,
  writeGlossaryCheckCache,
  type GlossaryCheckCache,
} from '../memory/workspace.js';
import { resolveIdentity } from '../identity.js';
import { engineForRun, refusedPairs, runEngineStage } from './engine.js';
import { loadGlossaryContext } from './glossary-context.js';
import { reuseFromMemory } from './memory.js';
import { pairsOfJobs, planJobs, type PlanStageInput, type PlanStageOutput } from './plan.js';
import { readSourceFiles, resolveRunScope } from './read.js';
import { segmentArticles } from './segment.js';
import { baseCounts, dryRunSummary, runSummary, type RunReport, type SummaryBase } from './summary.js';
import { relativeToWorkspace } from './paths.js';
import type { ArticleWork, SkippedArticle, SourceFile, TranslateOptions, TranslateSummary } from './types.js';
import { openRunJournal, type RunJournal } from './journal.js';
import { createArticleWriter } from './write.js';
import { removeDeadTempFiles } from '../io/atomic-file.js';

export { BrokenEditsError, type BrokenEdit } from '../reassembly/human-edits.js';
export { summaryToJson } from './summary.js';
export type { TranslateOptions, TranslateSummary, UntranslatableBlock } from './types.js';

export async function translateWorkspace(options: TranslateOptions): Promise<TranslateSummary> {
  const startedAt = Date.now();
  const { config, env } = options;
  const clock = options.now ?? (() => new Date());
  const nowIso = (): string => clock().toISOString();
  const dryRun = options.dryRun ?? false;
  const scope = resolveRunScope(options);
  const lock = dryRun ? null : acquireWorkspaceLock(config.workspaceDir);
  let engine: Engine | null = null;
  let journal: RunJournal | null = null;
  try {
    // read
    const glossary = loadGlossaryContext(config, dryRun);
    const states = loadWorkspaceStates(config, { writeIndex: !dryRun });
    const glossaryCache = readGlossaryCheckCache(config, glossary.hash);
    const glossaryCacheSize = glossaryCache.checked.size;
    const now = nowIso();
    const read = readSourceFiles(scope.files, config, { writeIndex: !dryRun });
    const { sources } = read;
    // segment
    const replacesTestTargets = scope.choice.name !== 'none' && !TEST_ENGINES.has(scope.choice.name);
    const stageInput = { config, sources, targets: scope.targets, states, glossary, glossaryCache, now };
    const segmented = segmentArticles({ ...stageInput, editor: editorOf(options), replacesTestTargets });
    // memory
    engine = engineForRun(config, env, scope.choice, options.engineInstance, dryRun);
    const memory = reuseFromMemory({ config, works: segmented.works, states, now, replacesTestTargets });
    // plan (pairs the engine cannot translate are left out, their articles named)
    const sends = engine !== null && engine.leavesUntranslated !== true;
    const unserved = scope.choice.name === 'none' ? [] : memory.unserved;
    const refused = sends
      ? await refusedPairs(engine!, pairsOfJobs(unserved.map(({ work }) => work.pair)))
      : new Map<string, StorylocError>();
    const works = segmented.works.filter((work) => !refused.has(pairKey(work.pair)));
    journal = await openRunJournal(config, engine?.name ?? scope.choice.name);
    const served = unserved.filter(({ work }) => !refused.has(pairKey(work.pair)));
    const plannedAll = planStage(config, served, glossary, engine, options.maxChars);
    // answers a killed run left in the journal are not sent again
    const planned = journal.replayInto(plannedAll, now);
    const skipped = [...read.skipped, ...segmented.skipped, ...skippedPairs(segmented.works, refused)];
    const base: SummaryBase = {
      engine: scope.choice.name,
      engineReason: scope.choice.reason,
      articles: sources.length,
      targets: scope.targets,
      ...baseCounts(memory),
      humanEdits: segmented.humanEdits,
      stale: segmented.stale,
      skipped,
    };
    const report = reporter(config, works, sources, startedAt);
    if (dryRun) return dryRunSummary(base, planned, works, report([]));
    // write what is settled, then engine queue → apply → write, each article once when it is settled
    await removeDeadTempFiles([config.paths.output, path.join(config.workspaceDir, '.storyloc')]);
    const writer = createArticleWriter(config, works, planned.waiters);
    await writer.writeSettled();
    const outcome =
      sends && planned.jobs.length > 0
        ? await runEngineStage({
            config,
            engine: engine!,
            planned,
            writer,
            journal,
            now: nowIso,
            ...queueHooks(options),
          })
        : null;
    await writer.finish();
    await journal.finish((options.articles?.length ?? 0) === 0);
    await finishCaches(config, works, states, glossaryCache, glossaryCacheSize, (options.articles?.length ?? 0) === 0);
    return runSummary(base, planned, outcome, works, report(writer.written()));
  } finally {
    await journal?.close();
    if (engine && !options.engineInstance) await engine.close?.();
    lock?.release();
  }
}

/** Who edited the output: resolved (git, OS user) only when a run finds a human edit, then remembered. */
function editorOf(options: TranslateOptions): () => string {
  let editorName = options.editor;
  return () => (editorName ??= resolveIdentity({ cwd: options.config.workspaceDir, env: options.env }).name);
}

/** The plan stage: batches of the texts no memory answered, with the pairs' glossaries. */
function planStage(
  config: ResolvedConfig,
  unserved: PlanStageInput['unserved'],
  glossary: PlanStageInput['glossary'],
  engine: Engine | null,
  maxChars: number | null | undefined,
): PlanStageOutput {
  const glossaryIds = glossaryIdsFor(config);
  const enforcesGlossary = enforcesGlossaryFor(engine, glossaryIds);
  return planJobs({ config, unserved, glossary, enforcesGlossary, glossaryIds, maxChars: maxChars ?? null });
}

/** What the caller passes to the engine queue as it is: concurrency, cancellation and progress callbacks. */
function queueHooks(options: TranslateOptions) {
  const { concurrency, signal, onPlan, onProgress } = options;
  return { concurrency, signal, onPlan, onProgress };
}

/** Whether the engine applies a pair's glossary itself (without an engine: whether a DeepL glossary exists). */
function enforcesGlossaryFor(
  engine: Engine | null,
  glossaryIds: Readonly<Record<string, string>>,
): (pair: LanguagePair) => boolean {
  return (pair) =>
    engine ? engine.enforcesGlossary(pair.source, pair.target) : glossaryIds[pairKey(pair)] !== undefined;
}

/** One skip per article × target language whose pair the engine refused. */
function skippedPairs(works: readonly ArticleWork[], refused: ReadonlyMap<string, StorylocError>): SkippedArticle[] {
  const skipped: SkippedArticle[] = [];
  for (const work of works) {
    const error = refused.get(pairKey(work.pair));
    if (!error) continue;
    const pair = `${work.pair.source}→${work.pair.target}`;
    skipped.push({
      position: { file: work.source.path },
      targetLang: work.pair.target,
      pair,
      messageKey: error.messageKey,
      params: error.params,
    });
  }
  return skipped;
}

/** The report of a run that wrote `written`: what shows source text, untranslatable blocks, and the time taken. */
function reporter(
  config: ResolvedConfig,
  works: readonly ArticleWork[],
  sources: readonly SourceFile[],
  startedAt: number,
): (written: string[]) => RunReport {
  return (written) => ({
    written,
    writtenUntranslated: showingSource(config, works, written),
    untranslatableBlocks: untranslatableBlocks(sources),
    seconds: (Date.now() - startedAt) / 1000,
  });
}

/** The written outputs in which some segment still shows its source text. */
function showingSource(config: ResolvedConfig, works: readonly ArticleWork[], written: readonly string[]): string[] {
  const writtenSet = new Set(written);
  return works
    .filter(
      (work) =>
        writtenSet.has(relativeToWorkspace(config, work.outputPath)) &&
        work.records.some((record) => shownTarget(record) === null),
    )
    .map((work) => relativeToWorkspace(config, work.outputPath))
    .sort();
}

function untranslatableBlocks(sources: readonly SourceFile[]): TranslateSummary['untranslatableBlocks'] {
  return sources.flatMap((source) => source.untranslatableBlocks());
}

/** The glossary-check cache and the source snapshots, brought up to date after the last write. */
async function finishCaches(
  config: ResolvedConfig,
  works: readonly ArticleWork[],
  states: ReadonlyMap<string, { sourceFileHash: string }>,
  glossaryCache: GlossaryCheckCache,
  sizeBefore: number,
  wholeWorkspace: boolean,
): Promise<void> {
  // Every state written now has current glossary usage (no partial run leaves stale usage behind:
  // usage is set in the segment stage and kept through translation).
  for (const work of works) if (work.checkedKey) glossaryCache.checked.add(work.checkedKey);
  if (glossaryCache.checked.size !== sizeBefore) await writeGlossaryCheckCache(config, glossaryCache);
  if (wholeWorkspace) {
    const referenced = new Set<string>([...states.values()].map((state) => state.sourceFileHash));
    for (const work of works) referenced.add(work.sourceHash);
    await pruneSnapshots(config, referenced);
  }
}
