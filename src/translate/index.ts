/**
 * `translateWorkspace`: what a run covers, what it opens and closes around the stages, and its summary.
 * The stages run a group of articles at a time (stream.ts, which knows their order):
 *
 *   read → segment → memory → plan → engine queue → apply → write
 *
 *  - read (read.ts): the source files of the group and their states;
 *  - segment (segment.ts): records aligned with each article (human edits, source edits, glossary edits);
 *    a broken edit stops the run at its group, before anything of that group is written or sent;
 *  - memory (memory.ts): what the project-wide memory knows is reused;
 *  - plan (plan.ts, run-keys.ts): the rest becomes queue jobs and requests, each text sent once per run;
 *    answers a killed run left in the journal (journal.ts) are taken instead; `--dry-run` plans only;
 *  - engine queue (engine.ts) → apply (apply.ts): each finished batch is journaled (durable), then goes
 *    back into the records;
 *  - write (write.ts): each article once, when all of its segments are settled (at once for those that
 *    wait for no answer), the rest at the end; then the journal is removed.
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Engine } from '../engines/types.js';
import { acquireWorkspaceLock } from '../memory/lock.js';
import { TEST_ENGINES } from '../memory/segment-life.js';
import { readArticleState } from '../memory/state-store.js';
import {
  listStateFiles,
  pruneSnapshots,
  readGlossaryCheckCache,
  writeGlossaryCheckCache,
  type GlossaryCheckCache,
} from '../memory/workspace.js';
import { resolveIdentity } from '../identity.js';
import { engineForRun } from './engine.js';
import { loadGlossaryContext } from './glossary-context.js';
import { resolveRunScope } from './read.js';
import { RunStream, type StreamTotals } from './stream.js';
import { dryRunSummary, runSummary, type SummaryBase } from './summary.js';
import type { TranslateOptions, TranslateSummary } from './types.js';
import { openRunJournal, type RunJournal } from './journal.js';
import { removeDeadTempFiles } from '../io/atomic-file.js';
import { refuseWorkspaceLinksOutside } from '../config/symlinks.js';

export { BrokenEditsError } from '../reassembly/human-edits.js';
export { summaryToJson } from './summary.js';
export type { TranslateOptions, TranslateSummary } from './types.js';

export async function translateWorkspace(options: TranslateOptions): Promise<TranslateSummary> {
  const startedAt = Date.now();
  const { config, env } = options;
  const clock = options.now ?? (() => new Date());
  const nowIso = (): string => clock().toISOString();
  const dryRun = options.dryRun ?? false;
  const scope = resolveRunScope(options);
  // The CLI checks this when it loads the config; a library caller's config was never checked, and the
  // lock below is the first file written under `.storyloc/`.
  refuseWorkspaceLinksOutside(config);
  const lock = dryRun ? null : acquireWorkspaceLock(config.workspaceDir);
  let engine: Engine | null = null;
  let journal: RunJournal | null = null;
  try {
    const glossary = loadGlossaryContext(config, dryRun);
    const glossaryCache = readGlossaryCheckCache(config, glossary.hash);
    const glossaryCacheSize = glossaryCache.checked.size;
    const replacesTestTargets = scope.choice.name !== 'none' && !TEST_ENGINES.has(scope.choice.name);
    engine = engineForRun(config, env, scope.choice, options.engineInstance, dryRun);
    journal = await openRunJournal(config, engine?.name ?? scope.choice.name);
    // temporary files a dead run left are removed before this run writes anything
    if (!dryRun) await removeDeadTempFiles([config.paths.output, path.join(config.workspaceDir, '.storyloc')]);
    const stream = new RunStream({
      config,
      targets: scope.targets,
      glossary,
      glossaryCache,
      engine,
      engineName: engine?.name ?? scope.choice.name,
      journal,
      dryRun,
      readsEverything: (options.articles?.length ?? 0) === 0 && scope.targets.length === config.targetLanguages.length,
      replacesTestTargets,
      editor: editorOf(options),
      now: nowIso,
      maxChars: options.maxChars ?? null,
      ...queueHooks(options),
    });
    const totals = await stream.run(scope.files);
    const base: SummaryBase = {
      engine: scope.choice.name,
      engineReason: scope.choice.reason,
      articles: totals.articles,
      targets: scope.targets,
      segments: totals.segments,
      reused: totals.reused,
      fromMemory: totals.fromMemory,
      humanEdits: totals.humanEdits,
      stale: totals.stale,
      skipped: totals.skipped,
    };
    const report = {
      written: totals.written,
      writtenUntranslated: totals.writtenUntranslated,
      untranslatableBlocks: totals.untranslatableBlocks,
      seconds: (Date.now() - startedAt) / 1000,
    };
    if (dryRun) return dryRunSummary(base, totals, report);
    const wholeWorkspace = (options.articles?.length ?? 0) === 0;
    await journal.finish(wholeWorkspace);
    await finishCaches(config, totals, glossaryCache, glossaryCacheSize, wholeWorkspace);
    return runSummary(base, totals, { ...report, seconds: (Date.now() - startedAt) / 1000 });
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

/** What the caller passes to the engine queue as it is: concurrency, cancellation and progress callbacks. */
function queueHooks(options: TranslateOptions) {
  const { concurrency, signal, onPlan, onProgress } = options;
  return { concurrency, signal, onPlan, onProgress };
}

/** The glossary-check cache and the source snapshots, brought up to date after the last write. */
async function finishCaches(
  config: ResolvedConfig,
  totals: StreamTotals,
  glossaryCache: GlossaryCheckCache,
  sizeBefore: number,
  wholeWorkspace: boolean,
): Promise<void> {
  // Every state written now has current glossary usage (no partial run leaves stale usage behind:
  // usage is set in the segment stage and kept through translation). The run added their keys.
  if (glossaryCache.checked.size !== sizeBefore) await writeGlossaryCheckCache(config, glossaryCache);
  if (wholeWorkspace) {
    // states out of the run's scope (articles gone, other languages) still refer to their snapshots
    const referenced = new Set(totals.referencedHashes);
    for (const file of listStateFiles(config)) {
      if (totals.statesRead.has(file)) continue;
      const state = readArticleState(file);
      if (state) referenced.add(state.sourceFileHash);
    }
    await pruneSnapshots(config, referenced);
  }
}
