/**
 * `translateWorkspace`: the only module that knows the order of the stages.
 *
 *   read → segment → memory → plan → engine queue → apply → write
 *
 *  - read (read.ts): what the run covers, the glossary, the states and the source files;
 *  - segment (segment.ts): records aligned with each article (human edits, source edits, glossary edits);
 *    a broken edit stops the run here, before anything is written or sent;
 *  - memory (memory.ts): what the project-wide memory knows is reused;
 *  - plan (plan.ts): the rest becomes queue jobs and requests; `--dry-run` stops here with the plan;
 *  - engine queue (engine.ts) → apply (apply.ts): each finished batch goes back into the records;
 *  - write (write.ts): states and outputs are written first (human edits and reuse are safe on disk
 *    before any engine call), then after every batch, then once more at the end with the review diffs.
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Engine } from '../engines/types.js';
import { glossaryIdsFor } from '../glossary/deepl-sync.js';
import { pairKey, type LanguagePair } from '../languages.js';
import { acquireWorkspaceLock } from '../memory/lock.js';
import { TEST_ENGINES } from '../memory/segment-life.js';
import { loadWorkspaceStates, pruneSnapshots, readGlossaryCheckCache, writeGlossaryCheckCache, type GlossaryCheckCache } from '../memory/workspace.js';
import type { QueueOutcome } from '../queue/types.js';
import { defaultEditor } from './editor.js';
import { engineForRun, runEngineStage } from './engine.js';
import { loadGlossaryContext } from './glossary-context.js';
import { reuseFromMemory } from './memory.js';
import { pairsOfJobs, planJobs } from './plan.js';
import { readSourceFile, resolveRunScope } from './read.js';
import { segmentArticles } from './segment.js';
import { baseCounts, dryRunSummary, runSummary, type SummaryBase } from './summary.js';
import type { ArticleWork, SourceFile, TranslateOptions, TranslateSummary } from './types.js';
import { openRunJournal, type RunJournal } from './journal.js';
import { createArticleWriter } from './write.js';
import { removeDeadTempFiles } from '../memory/atomic-file.js';

export { BrokenEditsError, type BrokenEdit } from '../memory/human-edits.js';
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
    const states = loadWorkspaceStates(config);
    const glossaryCache = readGlossaryCheckCache(config, glossary.hash);
    const glossaryCacheSize = glossaryCache.checked.size;
    const now = nowIso();
    const sources = scope.files.map((file) => readSourceFile(file, config));
    // segment
    const editor = options.editor ?? defaultEditor(env);
    const segmented = segmentArticles({ config, sources, targets: scope.targets, states, glossary, glossaryCache, editor, now });
    const { works } = segmented;
    // memory
    engine = engineForRun(config, env, scope.choice, options.engineInstance, dryRun);
    const replacesTestTargets = scope.choice.name !== 'none' && !TEST_ENGINES.has(scope.choice.name);
    const memory = reuseFromMemory({ config, works, states, now, replacesTestTargets });
    // plan
    const glossaryIds = glossaryIdsFor(config);
    const enforcesGlossary = (pair: LanguagePair): boolean =>
      engine ? engine.enforcesGlossary(pair.source, pair.target) : glossaryIds[pairKey(pair)] !== undefined;
    const unserved = scope.choice.name === 'none' ? [] : memory.unserved;
    journal = await openRunJournal(config, engine?.name ?? scope.choice.name);
    const plannedAll = planJobs({ config, unserved, glossary, enforcesGlossary, glossaryIds, maxChars: options.maxChars ?? null });
    // answers a killed run left in the journal are not sent again
    const planned = journal.replayInto(plannedAll, now);
    const base: SummaryBase = {
      engine: scope.choice.name,
      engineReason: scope.choice.reason,
      articles: sources.length,
      targets: scope.targets,
      ...baseCounts(memory),
      humanEdits: segmented.humanEdits,
      stale: segmented.stale,
    };
    const report = (written: string[]) => ({ written, untranslatableBlocks: untranslatableBlocks(sources), seconds: (Date.now() - startedAt) / 1000 });
    const sending = planned.jobs.length > 0 && engine !== null && engine.leavesUntranslated !== true;
    if (dryRun) {
      // a plan the engine could not carry out (Apertium has no Korean) fails as the real run would
      if (sending) await engine!.checkPairs?.(pairsOfJobs(planned.jobs));
      return dryRunSummary(base, planned, works, report([]));
    }
    // An engine that cannot translate a pair (Apertium has no Korean) fails before anything is written.
    if (sending) await engine!.checkPairs?.(pairsOfJobs(planned.jobs));
    // write what is settled, then engine queue → apply → write, each article once when it is settled
    await removeDeadTempFiles([config.paths.output, path.join(config.workspaceDir, '.storyloc')]);
    const writer = createArticleWriter(config, works, planned.waiters);
    await writer.writeSettled();
    let outcome: QueueOutcome | null = null;
    if (sending) {
      outcome = await runEngineStage({
        config,
        engine: engine!,
        planned,
        writer,
        journal,
        concurrency: options.concurrency,
        signal: options.signal,
        now: nowIso,
        onPlan: options.onPlan,
        onProgress: options.onProgress,
      });
    }
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
