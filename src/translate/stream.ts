/**
 * The streamed run: articles go through the stages a group at a time,
 *
 *   read → segment → memory → plan → (queue → apply) → write → released
 *
 * and the queue is fed across group boundaries: while the requests of one group are in flight the next
 * group is read and segmented, and each article is written as soon as its last answer is in, then
 * forgotten. What the run holds is bounded by the settings (the batches waiting in the queue, the writes
 * in progress), not by the number of articles: the next group is read only when the queue is short of
 * batches and the writer is not behind (or, for a network engine, when the queue is about to run dry and
 * the writer is not too far behind: see read-ahead.ts).
 *
 * Owns the run's counters (the summary's), the article accounting (how many answers each article waits
 * for) and the order of the stages; the stages themselves stay in their modules.
 */
import type { EngineName, ResolvedConfig } from '../config/types.js';
import type { Engine } from '../engines/types.js';
import type { StorylocError } from '../errors.js';
import { glossaryIdsFor } from '../glossary/deepl-sync.js';
import { pairKey, type Lang, type LanguagePair } from '../languages.js';
import { statePathFor } from '../memory/state-store.js';
import type { ArticleState } from '../memory/types.js';
import { StateReader, type GlossaryCheckCache } from '../memory/workspace.js';
import { BatchPacker } from '../queue/plan.js';
import type { TranslationQueue } from '../queue/run.js';
import type { BatchResult, PlannedBatch, QueueOutcome, QueuePlan, QueueProgress } from '../queue/types.js';
import { applyToWaiter } from './apply.js';
import { openEngineQueue, refusedPairs, sendsOverNetwork } from './engine.js';
import type { GlossaryContext } from './glossary-context.js';
import type { RunJournal } from './journal.js';
import { RunMemory } from './memory.js';
import { batchLimitsFor, planJobs, type PlanStageInput } from './plan.js';
import { openSourceIndex, readSourceFiles, type SourceIndex } from './read.js';
import { mayReadAhead, readAheadLimits, type ReadAheadLimits } from './read-ahead.js';
import { RunKeys, type BatchSink } from './run-keys.js';
import { mayParse, segmentArticles, type SegmentStageInput } from './segment.js';
import { loadArticleParser } from './parser.js';
import type { ArticleWork, KnownAnswer, SkippedArticle, SourceFile, UntranslatableBlock } from './types.js';
import { createArticleWriter, type ArticleWriter } from './write.js';

/**
 * Articles read and segmented together (small: the queue is fed between groups, and the answers that
 * came in meanwhile are handled and the freed slots refilled without waiting for a long group).
 */
const ARTICLES_PER_GROUP = 8;
/** Longest wait for room before the conditions are looked at again. */
const WAKE_AT_LEAST_EVERY_MS = 100;

export interface StreamInput {
  config: ResolvedConfig;
  targets: readonly Lang[];
  glossary: GlossaryContext;
  glossaryCache: GlossaryCheckCache;
  /** the engine that sends (null: nothing is sent, as in a dry run without a key or `--engine none`) */
  engine: Engine | null;
  /** the engine's name as recorded on the records (`none` plans nothing) */
  engineName: EngineName;
  journal: RunJournal;
  dryRun: boolean;
  /** the run reads every state and source of the workspace (the caches may drop entries it did not meet) */
  readsEverything: boolean;
  replacesTestTargets: boolean;
  editor: () => string;
  now: () => string;
  maxChars: number | null;
  concurrency: number | undefined;
  signal: AbortSignal | undefined;
  onPlan: ((plan: QueuePlan) => void) | undefined;
  onProgress: ((event: QueueProgress) => void) | undefined;
}

/** What the run counted; the summary is built from it. */
export interface StreamTotals {
  articles: number;
  segments: number;
  reused: number;
  fromMemory: number;
  humanEdits: number;
  stale: number;
  untranslated: number;
  skipped: SkippedArticle[];
  /** segments planned for sending, duplicates (of them) served by another segment's request */
  jobs: number;
  duplicates: number;
  translatedJobs: number;
  /** characters of the batches that came back */
  sentCharacters: number;
  /** the plan: every batch in a dry run, only the counts in a real run; null when nothing was planned */
  plan: QueuePlan | null;
  outcome: QueueOutcome | null;
  written: string[];
  writtenUntranslated: string[];
  untranslatableBlocks: UntranslatableBlock[];
  /** source hashes the run's states and articles refer to (the snapshots to keep) */
  referencedHashes: Set<string>;
  /** state files this run read (the others are out of its scope) */
  statesRead: Set<string>;
}

export class RunStream {
  private readonly totals: StreamTotals;
  private readonly memory: RunMemory;
  private readonly packer: BatchPacker;
  private readonly keys: RunKeys;
  private readonly queue: TranslationQueue | null;
  private readonly writer: ArticleWriter | null;
  private readonly planInput: PlanStageInput;
  /** articles planned and not written yet */
  private readonly open = new Set<ArticleWork>();
  /** per source: its place in the run and how many of its articles are not released yet */
  private readonly sources = new Map<SourceFile, { index: number; left: number }>();
  private readonly blocks: Array<{ index: number; blocks: UntranslatableBlock[] }> = [];
  private readonly refused = new Map<string, StorylocError>();
  private readonly checkedPairs = new Set<string>();
  /** batches planned in this group, handed to the queue once the group is planned */
  private readonly planned: PlannedBatch[] = [];
  private readonly pushed = new WeakSet<PlannedBatch>();
  /** every batch, for the plan a dry run shows */
  private readonly dryRunBatches: PlannedBatch[] = [];
  private planAnnounced = false;
  private batchesHanded = 0;
  private wakers: Array<() => void> = [];
  private readonly readAhead: ReadAheadLimits;
  /** the caches that let an unchanged article go through without reading its files (saved after the run) */
  private readonly stateReader: StateReader;
  private readonly sourceIndex: SourceIndex;

  constructor(private readonly input: StreamInput) {
    const { config } = input;
    this.totals = emptyTotals();
    this.stateReader = StateReader.open(config);
    this.sourceIndex = openSourceIndex(config);
    this.memory = new RunMemory(config, input.replacesTestTargets);
    const limits = batchLimitsFor(config, input.maxChars);
    this.packer = new BatchPacker(limits, (key) => this.keys.jobCountOf(key));
    this.keys = new RunKeys(input.journal, this.packer, this.sink());
    const glossaryIds = glossaryIdsFor(config);
    this.planInput = {
      config,
      glossary: input.glossary,
      glossaryIds,
      enforcesGlossary: (pair: LanguagePair) =>
        input.engine
          ? input.engine.enforcesGlossary(pair.source, pair.target)
          : glossaryIds[pairKey(pair)] !== undefined,
    };
    const concurrency = input.concurrency ?? config.queue.concurrency;
    const sends = !input.dryRun && input.engine !== null && input.engine.leavesUntranslated !== true;
    this.readAhead = readAheadLimits(concurrency, sends && sendsOverNetwork(input.engine!));
    this.queue = sends
      ? openEngineQueue({
          config,
          engine: input.engine!,
          limits,
          concurrency: input.concurrency,
          signal: input.signal,
          onProgress: (event) => {
            input.onProgress?.(event);
            this.wake();
          },
          onBatchDone: (result) => this.answered(result),
        })
      : null;
    this.writer = input.dryRun ? null : createArticleWriter(config, (work) => this.release(work), this.wake);
  }

  /** Runs every article through the stages; resolves once every article is written. */
  async run(files: readonly string[]): Promise<StreamTotals> {
    try {
      for (let at = 0; at < files.length; at += ARTICLES_PER_GROUP) {
        await this.roomForMore();
        await this.group(files.slice(at, at + ARTICLES_PER_GROUP), at, files.length);
      }
      this.keys.flush();
      this.handPlanned(1);
      if (this.queue && this.keys.jobs > 0) {
        const plan = this.packer.totals(this.keys.jobs, this.keys.duplicates);
        this.totals.outcome = await this.queue.close(plan, () => this.keys.untranslatedKeys());
      } else if (this.queue) await this.queue.close(this.packer.totals(0, 0), () => []);
      // the articles whose answers never came (a stopped queue) are written with what they have
      for (const work of [...this.open]) this.settle(work);
      await this.writer?.finish();
      this.saveIndexes();
    } catch (error) {
      await this.abandon();
      throw error;
    }
    return this.finishTotals();
  }

  /** One group: read, segment, memory, plan; the articles that wait for nothing are written at once. */
  private async group(files: readonly string[], firstIndex: number, fileCount: number): Promise<void> {
    const { config, targets } = this.input;
    const now = this.input.now();
    const read = readSourceFiles(files, config, this.sourceIndex);
    this.totals.skipped.push(...read.skipped);
    this.totals.articles += read.sources.length;
    const states = this.readStates(read.sources, targets);
    const segmentInput: SegmentStageInput = {
      config,
      sources: read.sources,
      targets,
      states,
      glossary: this.input.glossary,
      glossaryCache: this.input.glossaryCache,
      now,
      editor: this.input.editor,
      replacesTestTargets: this.input.replacesTestTargets,
    };
    if (mayParse(segmentInput)) await loadArticleParser();
    const segmented = segmentArticles(segmentInput);
    this.totals.humanEdits += segmented.humanEdits;
    this.totals.stale += segmented.stale;
    this.totals.skipped.push(...segmented.skipped);
    const memory = this.memory.reuse({
      config,
      works: segmented.works,
      now,
      replacesTestTargets: this.input.replacesTestTargets,
    });
    this.totals.segments += memory.segments;
    this.totals.reused += memory.reused;
    this.totals.fromMemory += memory.fromMemory;
    const unserved = this.input.engineName === 'none' ? [] : memory.unserved;
    await this.refusePairs(unserved.map(({ work }) => work.pair));
    const works = segmented.works.filter((work) => !this.refused.has(pairKey(work.pair)));
    this.totals.skipped.push(...skippedPairs(segmented.works, this.refused));
    const served = unserved.filter(({ work }) => !this.refused.has(pairKey(work.pair)));
    const waits = this.queue !== null && this.queue.stopReason() === null;
    this.applyKnown(planJobs(this.planInput, served, this.keys, waits), now);
    const share = (firstIndex + files.length) / fileCount;
    // after the last group the partly filled batches go too, so a one-group run announces the exact plan
    if (share >= 1) this.keys.flush();
    this.handPlanned(share);
    read.sources.forEach((source, i) => {
      this.sources.set(source, { index: firstIndex + i, left: 0 });
    });
    for (const work of works) this.sources.get(work.source)!.left++;
    for (const source of read.sources) if (this.sources.get(source)!.left === 0) this.sourceDone(source);
    for (const work of works) {
      if ((work.waitingFor ?? 0) > 0) this.open.add(work);
      else this.settle(work);
    }
  }

  /** The states of a group's articles, by path (read now: a streamed run never holds all of them). */
  private readStates(sources: readonly SourceFile[], targets: readonly Lang[]): Map<string, ArticleState> {
    const states = new Map<string, ArticleState>();
    for (const source of sources)
      for (const target of targets) {
        if (target === source.lang) continue;
        const file = statePathFor(this.input.config, source.relativePath, target);
        this.totals.statesRead.add(file);
        const state = this.stateReader.read(file);
        if (!state) continue;
        states.set(file, state);
        this.totals.referencedHashes.add(state.sourceFileHash);
      }
    return states;
  }

  /**
   * The state and source indexes, once every article is written (a dry run writes nothing, not even
   * these). Entries of files out of this run's scope stay; when it read everything, entries of files
   * it did not meet (deleted) go.
   */
  private saveIndexes(): void {
    if (this.input.dryRun) return;
    const prune = this.input.readsEverything;
    this.stateReader.save({ prune });
    this.sourceIndex.save({ prune });
  }

  /** Pairs met for the first time are checked with the engine (Apertium has no Korean). */
  private async refusePairs(pairs: readonly LanguagePair[]): Promise<void> {
    const engine = this.input.engine;
    if (!engine || engine.leavesUntranslated === true) return;
    const fresh = new Map<string, LanguagePair>();
    for (const pair of pairs) if (!this.checkedPairs.has(pairKey(pair))) fresh.set(pairKey(pair), pair);
    if (fresh.size === 0) return;
    for (const key of fresh.keys()) this.checkedPairs.add(key);
    for (const [key, error] of await refusedPairs(engine, [...fresh.values()])) this.refused.set(key, error);
  }

  private applyKnown(answers: readonly KnownAnswer[], now: string): void {
    for (const { waiter, text } of answers) applyToWaiter(waiter, text, this.input.engineName, now);
  }

  /** Where the packer's batches go: kept for the plan (dry run) or handed to the queue after the group. */
  private sink(): BatchSink {
    return {
      push: (batch) => {
        if (this.input.dryRun) this.dryRunBatches.push(batch);
        else this.planned.push(batch);
      },
      joined: (batch) => {
        if (this.pushed.has(batch)) this.queue?.joined(batch);
      },
    };
  }

  /**
   * Hands the group's batches to the queue. Before the first, the display learns the plan: exact when
   * every article is planned, else the part planned so far scaled to the whole run (and refined after
   * every group).
   */
  private handPlanned(share: number): void {
    if (!this.queue) return;
    const plan = this.packer.totals(this.keys.jobs, this.keys.duplicates);
    const scale = share >= 1 ? 1 : 1 / Math.max(share, 1e-9);
    const characters = Math.round(plan.billedCharacters * scale);
    this.queue.expect(share >= 1 ? null : { segments: Math.round(this.keys.jobs * scale), characters });
    if (this.planned.length === 0) return;
    if (!this.planAnnounced) {
      this.planAnnounced = true;
      this.input.onPlan?.({ ...plan, requests: Math.round(plan.requests * scale), billedCharacters: characters });
    }
    // in the plan's order (a run planned in one group sends exactly what `--dry-run` shows, in order)
    const batches = this.packer.inPlanOrder(this.planned.splice(0), this.batchesHanded);
    this.batchesHanded += batches.length;
    for (const batch of batches) this.pushed.add(batch);
    this.queue.push(batches);
  }

  /** An answered batch: durable first, then into its records; the articles it settles are written. */
  private async answered(result: BatchResult): Promise<void> {
    const span = await this.input.journal.record(result);
    const now = this.input.now();
    const settled = new Set<ArticleWork>();
    for (const { waiter, text } of this.keys.answer(result.batch, result.translations, span)) {
      applyToWaiter(waiter, text, this.input.engineName, now);
      const work = waiter.work;
      work.waitingFor = (work.waitingFor ?? 1) - 1;
      if (work.waitingFor === 0) settled.add(work);
    }
    this.totals.sentCharacters += result.batch.billedCharacters;
    for (const work of settled) this.settle(work);
    this.wake();
    // a write that failed (a full disk) stops the sending; the journal keeps what was answered
    if (this.writer?.failure() !== undefined) throw this.writer.failure();
  }

  /** The article waits for nothing more: written (then released), or released at once in a dry run. */
  private settle(work: ArticleWork): void {
    this.open.delete(work);
    if (this.writer) this.writer.write(work);
    else this.release(work);
  }

  /** The article is on disk: what the summary needs is counted, and nothing of it is kept. */
  private release(work: ArticleWork): void {
    if (work.unchanged) this.totals.untranslated += work.unchanged.total - work.unchanged.withTarget;
    else for (const record of work.records) if (record.target === null) this.totals.untranslated++;
    if (work.checkedKey) this.input.glossaryCache.checked.add(work.checkedKey);
    this.totals.referencedHashes.add(work.sourceHash);
    const source = this.sources.get(work.source);
    if (source && --source.left === 0) this.sourceDone(work.source);
  }

  private sourceDone(source: SourceFile): void {
    const entry = this.sources.get(source);
    this.sources.delete(source);
    const blocks = source.untranslatableBlocks();
    if (entry && blocks.length > 0) this.blocks.push({ index: entry.index, blocks });
  }

  /** Waits while the queue has enough batches waiting or the writer is behind (see read-ahead.ts). */
  private async roomForMore(): Promise<void> {
    const busy = (): boolean =>
      !mayReadAhead(
        {
          waitingBatches: this.queue?.waiting() ?? 0,
          queueRunning: this.queue !== null && this.queue.stopReason() === null,
          writeBacklog: this.writer?.backlog() ?? 0,
        },
        this.readAhead,
      );
    // woken by every answer and every write; the timer covers what wakes nobody (the queue stopping)
    while (busy())
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, WAKE_AT_LEAST_EVERY_MS);
        this.wakers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    // let answers and writes that are ready run before the next group takes the thread
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private readonly wake = (): void => {
    const wakers = this.wakers;
    this.wakers = [];
    for (const resolve of wakers) resolve();
  };

  /** A failed run: nothing more is sent, the requests in flight and the writes under way finish. */
  private async abandon(): Promise<void> {
    this.queue?.stop();
    await this.queue?.close(this.packer.totals(0, 0), () => []).catch(() => undefined);
    await this.writer?.finish().catch(() => undefined);
  }

  private finishTotals(): StreamTotals {
    const totals = this.totals;
    totals.jobs = this.keys.jobs;
    totals.duplicates = this.keys.duplicates;
    totals.translatedJobs = this.keys.translatedJobs;
    if (this.keys.jobs > 0) {
      const plan = this.packer.totals(this.keys.jobs, this.keys.duplicates);
      totals.plan = { ...plan, batches: this.packer.inPlanOrder(this.dryRunBatches) };
    }
    totals.written = this.writer?.written() ?? [];
    totals.writtenUntranslated = this.writer?.writtenUntranslated() ?? [];
    totals.untranslatableBlocks = this.blocks.sort((a, b) => a.index - b.index).flatMap((entry) => entry.blocks);
    return totals;
  }
}

function emptyTotals(): StreamTotals {
  return {
    articles: 0,
    segments: 0,
    reused: 0,
    fromMemory: 0,
    humanEdits: 0,
    stale: 0,
    untranslated: 0,
    skipped: [],
    jobs: 0,
    duplicates: 0,
    translatedJobs: 0,
    sentCharacters: 0,
    plan: null,
    outcome: null,
    written: [],
    writtenUntranslated: [],
    untranslatableBlocks: [],
    referencedHashes: new Set(),
    statesRead: new Set(),
  };
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
