/**
 * The translation pipeline: the only module that knows the order of the stages.
 *
 *   articles → segments → (human edits in the output) → memory merge → glossary → translation memory →
 *   queue/engine → state (after every batch) → reassembly → review diff
 *
 * A run works in three phases so that a broken input never leaves half a result:
 *  1. read: every article, its state and its output; human edits are detected and source edits merged.
 *     A broken edit stops the run here, before anything is written or sent.
 *  2. reuse: segments whose translation is known (the state, or the project-wide memory) take it; the
 *     rest become queue jobs (terms protected by placeholders when the engine does not apply the
 *     glossary itself). `--dry-run` stops here and returns the plan.
 *  3. translate: states and outputs are written first (human edits and reuse are safe on disk before any
 *     engine call), then after every finished batch; the state is written before the output, with the
 *     hashes that let the next run tell a crash from a human edit.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { frontMatterLanguage } from './articles/front-matter.js';
import { articleLanguage, decodeArticleBytes, listArticles, parseArticle, type ParsedArticle } from './articles/read.js';
import type { EngineName, ResolvedConfig } from './config/types.js';
import { createEngine, selectEngine, type EngineChoice } from './engines/select.js';
import type { Engine } from './engines/types.js';
import { inputError, StorylocError } from './errors.js';
import { createTermMatcher, glossaryUsageFor, loadWorkspaceTermbase, placeholderFlags, protectTerms, restoreTerms } from './glossary/index.js';
import type { TermPlaceholder } from './glossary/placeholders.js';
import type { TermMatcher } from './glossary/matcher.js';
import type { GlossaryUsage, Termbase } from './glossary/types.js';
import { glossaryIdsFor } from './glossary/deepl-sync.js';
import { isSupportedLanguage, pairKey, type Lang, type LanguagePair } from './languages.js';
import { applyGlossaryChanges } from './memory/glossary-staleness.js';
import { BrokenEditsError, detectHumanEdits, type BrokenEdit } from './reassembly/human-edits.js';

export { BrokenEditsError, type BrokenEdit };
import { acquireWorkspaceLock, type WorkspaceLock } from './memory/lock.js';
import { mergeState } from './memory/merge.js';
import { fileHash, needsTranslation, PIPELINE_AUTHOR } from './memory/records.js';
import { applyHumanEdits, outputTargets, persistArticleResult, type ArticleResult } from './memory/persist.js';
import { outputPathFor, statePathFor } from './memory/state-store.js';
import { TranslationMemory } from './memory/translation-memory.js';
import type { SegmentRecord } from './memory/types.js';
import {
  glossaryCheckKey,
  loadWorkspaceStates,
  pruneSnapshots,
  readGlossaryCheckCache,
  readImportedMemory,
  readSnapshot,
  writeGlossaryCheckCache,
} from './memory/workspace.js';
import { planBatches } from './queue/plan.js';
import { runTranslationQueue } from './queue/run.js';
import type { BatchResult, QueueOutcome, QueuePlan, QueueProgress, QueueStop, TranslationJob } from './queue/types.js';
import { reassembleArticle } from './reassembly/reassemble.js';
import { writeReviewDiff } from './review/diff-file.js';
import type { Segment } from './segments/types.js';
import { sameTags } from './segments/xml.js';
import { computeLineStarts, positionOf } from './text/positions.js';

export interface TranslateOptions {
  config: ResolvedConfig;
  /** folder relative paths on the command line are resolved from */
  cwd: string;
  /** environment: the DeepL key is read from here, never from files */
  env: NodeJS.ProcessEnv;
  /** articles or folders as given (all articles under `articles/` when empty) */
  articles?: readonly string[];
  /** `--to`: target languages (default: the config's) */
  targetLangs?: readonly string[];
  /** `--engine` as typed */
  engine?: string | undefined;
  /** an engine built by the caller (bench, tests that count calls); `engine` is then only the label */
  engineInstance?: Engine;
  dryRun?: boolean;
  /** `--max-chars`: budget of billed characters */
  maxChars?: number | null;
  /** `--concurrency`: batches in flight */
  concurrency?: number;
  /** Ctrl-C: stop taking work, keep what finished */
  signal?: AbortSignal;
  /** name recorded on human edits found in the output (default: the OS user) */
  editor?: string;
  /** clock for `changedAt` (tests) */
  now?: () => Date;
  /** queue progress, for the display */
  onProgress?: (event: QueueProgress) => void;
  /** called with the plan before the first request (the display shows its size) */
  onPlan?: (plan: QueuePlan) => void;
}

export interface TranslateSummary {
  engine: EngineName;
  /** i18n key and params explaining why this engine ran */
  engineReason: EngineChoice['reason'];
  dryRun: boolean;
  articles: number;
  targets: Lang[];
  /** segments in scope (every article × target language) */
  segments: number;
  /** segments whose translation was already known (state or memory): no engine call */
  reused: number;
  /** of `reused`: found in the project-wide memory in this run */
  fromMemory: number;
  /** unique texts sent to the engine (planned, with --dry-run) */
  sent: number;
  /** segments served by the request of an identical text */
  duplicates: number;
  /** segments still without a translation at the end */
  untranslated: number;
  /** segments a translator edited in the output, recorded as `edited` */
  humanEdits: number;
  /** segments that became stale in this run (source or glossary changed) */
  stale: number;
  billedCharacters: number;
  requests: number;
  retries: number;
  seconds: number;
  /** why sending stopped early (quota, interrupted, budget, auth, failed), null when it did not */
  stopped: QueueStop | null;
  /** the queue outcome (for the stop message); null for dry runs and runs with nothing to send */
  outcome: QueueOutcome | null;
  /** the plan (dry runs; also real runs) */
  plan: QueuePlan | null;
  /** output files written (relative to the workspace) */
  written: string[];
  /** blocks left in the source language because their offsets could not be recovered (never silent) */
  untranslatableBlocks: UntranslatableBlock[];
}

export interface UntranslatableBlock {
  file: string;
  line: number;
  column: number;
  reason: string;
}

/** A hash of the whole termbase (entry ids and content hashes, in order). */
function termbaseHash(termbase: Termbase): string {
  return fileHash(termbase.entries.map((entry) => `${entry.id}:${entry.hash}`).join('\n')).slice(0, 16);
}

/** Rate limit for local engines (pseudo, Apertium): effectively none. */
const LOCAL_REQUESTS_PER_SECOND = 1000;

/** One article in one target language. */
interface ArticleWork extends ArticleResult {
  source: SourceFile;
  readonly article: ParsedArticle;
  statePath: string;
  outputPath: string;
  dirty: boolean;
  /** the output last written for this article (reused for the review diff) */
  lastOutput?: string;
  /** written in this run (its review diff is refreshed at the end) */
  touched: boolean;
  /** glossary-check cache key of the state as last written in this run */
  checkedKey?: string;
}

/** A job's segments waiting for its translation. */
interface Waiter {
  work: ArticleWork;
  recordId: string;
  placeholders: TermPlaceholder[];
}

function relativeToWorkspace(config: ResolvedConfig, file: string): string {
  return path.relative(config.workspaceDir, file).split(path.sep).join('/');
}

function defaultEditor(env: NodeJS.ProcessEnv): string {
  if (env.STORYLOC_USER) return env.STORYLOC_USER;
  try {
    return os.userInfo().username || 'translator';
  } catch {
    return 'translator';
  }
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StorylocError('write.failed', 'memory:write.failed', { file, detail: (error as NodeJS.ErrnoException).code }, { position: { file }, cause: error });
  }
}

/** An article's source file, read and hashed; parsed only when a stage needs its segments. */
interface SourceFile {
  path: string;
  relativePath: string;
  lang: Lang;
  text: string;
  sourceHash: string;
  parsed(): ParsedArticle;
  /** blocks of the parsed article left untranslated (none when it was not parsed in this run) */
  untranslatableBlocks(): UntranslatableBlock[];
}

/** Reads a source file like `readArticleFile` does, without parsing it yet. */
function readSourceFile(file: string, config: ResolvedConfig): SourceFile {
  const relativePath = path.relative(config.paths.articles, file).split(path.sep).join('/');
  const bytes = readSourceBytes(file);
  const text = decodeArticleBytes(bytes, file);
  // The same language rule as readArticleFile: the folder wins when it names a language, else front matter `lang`.
  const folder = relativePath.split('/')[0] ?? '';
  const inLanguageFolder = relativePath.includes('/') && isSupportedLanguage(folder);
  const lang = articleLanguage(relativePath, inLanguageFolder ? undefined : frontMatterLanguage(text, file), file);
  if (!config.sourceLanguages.includes(lang)) {
    throw inputError('article.notSourceLanguage', 'articles:notSourceLanguage', { file, code: lang, languages: config.sourceLanguages.join(', ') }, { file });
  }
  let parsed: ParsedArticle | null = null;
  return {
    path: file,
    relativePath,
    lang,
    text,
    sourceHash: fileHash(text),
    parsed: () => (parsed ??= parseArticle({ path: file, relativePath, lang, text, frontMatterKeys: config.frontMatterKeys })),
    untranslatableBlocks() {
      if (!parsed || parsed.warnings.length === 0) return [];
      const lineStarts = computeLineStarts(text);
      return parsed.warnings.map((warning) => ({ file, ...positionOf(lineStarts, warning.offset), reason: warning.reason }));
    },
  };
}

function readSourceBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw inputError('article.notFound', 'articles:notFound', { file }, { file });
    throw error;
  }
}

/** Which target languages the run covers; an unknown code is an input error. */
function resolveTargets(config: ResolvedConfig, given: readonly string[] | undefined): Lang[] {
  if (!given || given.length === 0) return [...config.targetLanguages];
  const targets: Lang[] = [];
  for (const code of given.flatMap((item) => item.split(',')).map((item) => item.trim().toLowerCase()).filter(Boolean)) {
    if (!isSupportedLanguage(code)) throw inputError('translate.unknownTarget', 'translate:error.unknownTarget', { code });
    if (!targets.includes(code)) targets.push(code);
  }
  return targets;
}

/** The next state of a record the engine translated. */
function machineRecord(record: SegmentRecord, target: string, engine: EngineName, flags: string[], now: string): SegmentRecord {
  const next: SegmentRecord = {
    ...record,
    target,
    // A stale segment stays stale until reviewed: the reviewer compares with `previousTarget`.
    state: record.state === 'stale' ? 'stale' : 'machine',
    engine,
    changedBy: PIPELINE_AUTHOR,
    changedAt: now,
  };
  if (record.state === 'rejected' && record.target !== null) next.previousTarget = record.target;
  if (flags.length > 0) next.flags = flags;
  else delete next.flags;
  delete next.forced;
  return next;
}

/** True when the record should get a translation from the memory or the engine in this run. */
function wantsTranslation(record: SegmentRecord): boolean {
  // Rejected segments are translated again (the review module keeps the rejected text for reading).
  return needsTranslation(record) || record.state === 'rejected';
}

export async function translateWorkspace(options: TranslateOptions): Promise<TranslateSummary> {
  const startedAt = Date.now();
  const { config, env } = options;
  const clock = options.now ?? (() => new Date());
  const nowIso = (): string => clock().toISOString();
  const editor = options.editor ?? defaultEditor(env);
  const dryRun = options.dryRun ?? false;
  const targets = resolveTargets(config, options.targetLangs);
  if (options.maxChars !== undefined && options.maxChars !== null && (!Number.isInteger(options.maxChars) || options.maxChars < 0)) {
    throw inputError('translate.badNumber', 'translate:error.badNumber', { option: '--max-chars', value: options.maxChars });
  }
  if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency < 1 || options.concurrency > 64)) {
    throw inputError('translate.badNumber', 'translate:error.badNumber', { option: '--concurrency', value: options.concurrency });
  }
  const files = listArticles(config, options.articles ?? [], options.cwd);
  if ((options.articles?.length ?? 0) > 0 && files.length === 0) {
    throw inputError('translate.noArticles', 'translate:error.noArticles', { given: (options.articles ?? []).join(', ') });
  }
  const choice: EngineChoice = options.engineInstance
    ? { name: options.engineInstance.name, reason: { key: 'translate:engineInjected', params: {} } }
    : selectEngine(config, { flag: options.engine, env });

  const lock: WorkspaceLock | null = dryRun ? null : acquireWorkspaceLock(config.workspaceDir);
  let engine: Engine | null = null;
  try {
    // Phase 1: read everything, detect human edits, merge source edits, apply glossary changes.
    // a dry run writes nothing, not even the glossary's parse cache
    const loaded = loadWorkspaceTermbase(config, undefined, { writeCache: !dryRun });
    const glossaryError = loaded.problems.find((problem) => problem.severity === 'error');
    if (glossaryError) {
      throw new StorylocError(glossaryError.code, glossaryError.messageKey, glossaryError.params, {
        position: { file: glossaryError.file, line: glossaryError.line, column: glossaryError.column },
      });
    }
    const termbase: Termbase = loaded.termbase;
    const matchers = new Map<Lang, TermMatcher>();
    const matcherFor = (lang: Lang): TermMatcher => {
      let matcher = matchers.get(lang);
      if (!matcher) matchers.set(lang, (matcher = createTermMatcher(termbase, lang)));
      return matcher;
    };
    const usageCache = new Map<string, GlossaryUsage>();
    const usageOf = (lang: Lang, source: string): GlossaryUsage => {
      const key = `${lang}\u0000${source}`;
      let usage = usageCache.get(key);
      if (!usage) usageCache.set(key, (usage = termbase.entries.length === 0 ? {} : glossaryUsageFor(source, matcherFor(lang), termbase)));
      return usage;
    };

    const states = loadWorkspaceStates(config);
    const glossaryCache = readGlossaryCheckCache(config, termbaseHash(termbase));
    const glossaryCacheSize = glossaryCache.checked.size;
    const works: ArticleWork[] = [];
    const broken: BrokenEdit[] = [];
    let humanEdits = 0;
    let stale = 0;
    const now = nowIso();
    const articles = files.map((file) => readSourceFile(file, config));
    for (const source of articles) {
      const sourceHash = source.sourceHash;
      // Parsed on first use: an unchanged article whose output is untouched is never parsed.
      const article = source;
      for (const target of targets) {
        if (target === article.lang) continue;
        const pair: LanguagePair = { source: article.lang, target };
        const statePath = statePathFor(config, article.relativePath, target);
        const outputPath = outputPathFor(config, article.relativePath, target);
        const state = states.get(statePath) ?? null;
        if (state && (state.article !== article.relativePath || state.sourceLang !== article.lang || state.targetLang !== target)) {
          throw new StorylocError('state.otherArticle', 'memory:state.otherArticle', { file: statePath, found: `${state.article} (${state.sourceLang}→${state.targetLang})`, expected: `${article.relativePath} (${article.lang}→${target})` }, { position: { file: statePath } });
        }
        let records = state?.segments ?? [];
        const diskOutput = readIfExists(outputPath);
        let diskOutputHash: string | null = null;
        if (diskOutput !== null) {
          diskOutputHash = fileHash(diskOutput);
          if (!state) {
            broken.push({ reason: 'noState', position: { file: outputPath }, stateFile: statePath });
            continue;
          }
          if (diskOutputHash !== state.outputHash && diskOutputHash !== state.previousOutputHash) {
            // Compare with the source the output was written from (a snapshot when the source changed since).
            let written: ParsedArticle | null = state.sourceFileHash === sourceHash ? source.parsed() : null;
            if (!written) {
              const snapshot = readSnapshot(config, state.sourceFileHash);
              written = snapshot === null
                ? null
                : parseArticle({ path: article.path, relativePath: article.relativePath, lang: article.lang, text: snapshot, frontMatterKeys: config.frontMatterKeys });
            }
            if (!written) {
              broken.push({ reason: 'unverifiable', position: { file: outputPath }, stateFile: statePath });
              continue;
            }
            const detection = detectHumanEdits(written, outputTargets(written.segments, records), target, diskOutput);
            if (detection.status === 'broken') {
              broken.push({
                reason: detection.reason,
                position: { file: outputPath, line: detection.line, column: detection.column },
                stateFile: statePath,
                ...(detection.segmentId !== undefined ? { segmentId: detection.segmentId } : {}),
              });
              continue;
            }
            if (detection.status === 'edited') {
              records = applyHumanEdits(records, detection.edits, editor, now);
              humanEdits += detection.edits.length;
            }
          }
        }
        const work: ArticleWork = {
          source,
          get article() {
            return source.parsed();
          },
          sourceHash,
          pair,
          statePath,
          outputPath,
          records,
          diskOutputHash,
          writtenState: null,
          touched: false,
          dirty: !state || diskOutputHash === null || diskOutputHash !== state.outputHash || records !== state.segments,
        };
        // A state aligned with this very source file has one record per segment, in order.
        if (state === null || state.sourceFileHash !== sourceHash) {
          const merged = mergeState(state ? { ...state, segments: records } : null, source.parsed().segments, { now });
          work.records = merged.records;
          stale += merged.records.filter((record) => record.state === 'stale' && merged.changed.includes(record.id)).length;
          work.dirty = true;
        }
        // Checked against this termbase before, and unchanged since: no usage can have changed.
        const checkedKey = state ? glossaryCheckKey(relativeToWorkspace(config, statePath), state.sourceFileHash, state.outputHash) : null;
        if (!(checkedKey !== null && state!.sourceFileHash === sourceHash && glossaryCache.checked.has(checkedKey))) {
          const glossary = applyGlossaryChanges(work.records, (record) => usageOf(article.lang, record.source), now);
          if (glossary.records.some((record, i) => record !== work.records[i])) work.dirty = true;
          stale += glossary.stale.length;
          work.records = glossary.records;
          if (checkedKey !== null && !work.dirty) glossaryCache.checked.add(checkedKey);
        }
        works.push(work);
      }
    }
    if (broken.length > 0) throw new BrokenEditsError(broken);

    // Phase 2: reuse what the memory knows; queue the rest.
    // The memory is built only when some segment needs a translation (a rerun with nothing to do skips it).
    let memoryCache: TranslationMemory | null = null;
    const memoryOf = (): TranslationMemory => {
      if (memoryCache) return memoryCache;
      const memory = new TranslationMemory();
      const inScope = new Set(works.map((work) => work.statePath));
      for (const [file, state] of states) if (!inScope.has(file)) memory.addState(state);
      for (const work of works) for (const record of work.records) memory.addRecord(work.pair, record, work.source.relativePath);
      for (const pair of new Set(works.map((work) => pairKey(work.pair)))) {
        const [sourceLang, targetLang] = pair.split('-') as [Lang, Lang];
        memory.addImported({ source: sourceLang, target: targetLang }, readImportedMemory(config, { source: sourceLang, target: targetLang }));
      }
      return (memoryCache = memory);
    };

    engine = options.engineInstance ?? (dryRun && choice.name === 'deepl' ? null : createEngine(choice.name, config, env, choice.name === 'deepl' ? { glossaryIds: glossaryIdsFor(config) } : {}));
    const glossaryIds = glossaryIdsFor(config);
    const enforces = (pair: LanguagePair): boolean => (engine ? engine.enforcesGlossary(pair.source, pair.target) : glossaryIds[pairKey(pair)] !== undefined);
    const jobs: TranslationJob[] = [];
    const waiters = new Map<string, Waiter[]>();
    let reused = 0;
    let fromMemory = 0;
    let segmentsTotal = 0;
    for (const work of works) {
      let segmentsByIdCache: Map<string, Segment> | null = null;
      const segmentsById = (): Map<string, Segment> => (segmentsByIdCache ??= new Map(work.article.segments.map((segment) => [segment.id, segment])));
      work.records = work.records.map((record) => {
        segmentsTotal++;
        if (!wantsTranslation(record)) {
          if (record.target !== null) reused++;
          return record;
        }
        const hit = memoryOf().lookup(work.pair, record.source, record.glossary);
        if (hit && !(record.state === 'rejected' && hit.target === record.target) && sameTags(record.source, hit.target)) {
          reused++;
          fromMemory++;
          work.dirty = true;
          const next: SegmentRecord = {
            ...record,
            target: hit.target,
            state: record.state === 'stale' ? 'stale' : hit.state === 'machine' || hit.state === 'stale' ? 'machine' : 'edited',
            engine: 'memory',
            changedBy: PIPELINE_AUTHOR,
            changedAt: now,
          };
          if (record.state === 'rejected' && record.target !== null) next.previousTarget = record.target;
          delete next.flags;
          return next;
        }
        if (choice.name === 'none') return record;
        const segment = segmentsById().get(record.id);
        const glossaryId = enforces(work.pair) ? glossaryIds[pairKey(work.pair)] : undefined;
        let text = record.source;
        let placeholders: TermPlaceholder[] = [];
        if (!enforces(work.pair) && termbase.entries.length > 0) {
          const protectedText = protectTerms(record.source, matcherFor(work.pair.source).match(record.source), termbase, work.pair.target);
          text = protectedText.text;
          placeholders = protectedText.placeholders;
        }
        const key = `${pairKey(work.pair)}|${glossaryId ?? ''}|${placeholders.map((p) => `${p.id}=${p.entryId}`).join(',')}|${text}`;
        const waiting = waiters.get(key);
        const waiter: Waiter = { work, recordId: record.id, placeholders };
        if (waiting) waiting.push(waiter);
        else waiters.set(key, [waiter]);
        jobs.push({
          key,
          text,
          sourceLang: work.pair.source,
          targetLang: work.pair.target,
          glossaryId,
          context: config.engine.deepl.sendContext && segment && segment.context !== segment.text ? segment.context : undefined,
        });
        return record;
      });
    }

    const limits = {
      maxTextsPerRequest: config.queue.maxTextsPerRequest,
      maxBytesPerRequest: config.queue.maxBytesPerRequest,
      maxChars: options.maxChars ?? null,
    };
    const plan = jobs.length > 0 ? planBatches(jobs, limits) : null;
    const base = {
      engine: choice.name,
      engineReason: choice.reason,
      articles: articles.length,
      targets,
      segments: segmentsTotal,
      reused,
      fromMemory,
      humanEdits,
      stale,
    };
    const pairsOfJobs = () => [...new Map(jobs.map((job) => [`${job.sourceLang}-${job.targetLang}`, { source: job.sourceLang, target: job.targetLang }])).values()];
    if (dryRun) {
      // a plan the engine could not carry out (Apertium has no Korean) fails as the real run would
      if (engine && jobs.length > 0 && engine.leavesUntranslated !== true) await engine.checkPairs?.(pairsOfJobs());
      return {
        ...base,
        dryRun: true,
        // texts held back by the budget or too large for one request are not sent
        sent: plan ? plan.batches.reduce((sum, batch) => sum + batch.texts.length, 0) : 0,
        duplicates: plan?.duplicates ?? 0,
        untranslated: works.reduce((sum, work) => sum + work.records.filter((r) => r.target === null).length, 0),
        billedCharacters: plan?.billedCharacters ?? 0,
        requests: plan?.requests ?? 0,
        retries: 0,
        seconds: (Date.now() - startedAt) / 1000,
        stopped: null,
        outcome: null,
        plan,
        written: [],
        untranslatableBlocks: articles.flatMap((article) => article.untranslatableBlocks()),
      };
    }

    // Phase 3: persist what is known, then translate batch by batch.
    const written = new Set<string>();
    let persisting: Promise<void> = Promise.resolve();
    const persist = async (work: ArticleWork, final: boolean): Promise<void> => {
      // persistArticleResult renders the output and the state from the records before its first await,
      // so the flag is cleared first: a batch finishing while the files are written marks the article
      // dirty again and is written by the next pass, instead of being lost with a late `dirty = false`.
      work.dirty = false;
      const outcome = await persistArticleResult(config, work, final);
      work.touched = true;
      work.lastOutput = outcome.output;
      work.checkedKey = glossaryCheckKey(relativeToWorkspace(config, work.statePath), work.sourceHash, outcome.outputHash);
      if (outcome.outputWritten) written.add(relativeToWorkspace(config, work.outputPath));
    };
    const persistDirty = (final = false): Promise<void> => {
      // One writer at a time: two batches finishing together must not interleave state and output.
      persisting = persisting.then(async () => {
        for (const work of works) if (work.dirty || (final && work.writtenState?.includes('"previousOutputHash"'))) await persist(work, final);
      });
      return persisting;
    };
    const sending = jobs.length > 0 && engine !== null && engine.leavesUntranslated !== true;
    // An engine that cannot translate a pair (Apertium has no Korean) fails before anything is written.
    if (sending) await engine!.checkPairs?.(pairsOfJobs());
    await persistDirty();

    let outcome: QueueOutcome | null = null;
    if (sending && engine) {
      if (plan) options.onPlan?.(plan);
      const engineName = engine.name;
      const local = engineName !== 'deepl';
      const onBatchDone = async (result: BatchResult): Promise<void> => {
        const at = nowIso();
        result.batch.keys.forEach((key, i) => {
          const translated = result.translations[i]!;
          for (const waiter of waiters.get(key) ?? []) {
            const restored = waiter.placeholders.length > 0 ? restoreTerms(translated, waiter.placeholders) : { text: translated, problems: [] };
            const index = waiter.work.records.findIndex((record) => record.id === waiter.recordId);
            const record = waiter.work.records[index];
            if (!record) continue;
            const flags = placeholderFlags(restored.problems);
            if (!sameTags(record.source, restored.text)) flags.push('tags.mismatch');
            waiter.work.records[index] = machineRecord(record, restored.text, engineName, flags, at);
            waiter.work.dirty = true;
          }
        });
        await persistDirty();
      };
      outcome = await runTranslationQueue(engine, jobs, {
        ...limits,
        concurrency: options.concurrency ?? config.queue.concurrency,
        // Local engines have no server to protect: a limit far above what a process can do.
        requestsPerSecond: local ? LOCAL_REQUESTS_PER_SECOND : config.queue.requestsPerSecond,
        maxRetries: config.queue.maxRetries,
        backoffBaseMs: config.queue.backoffBaseMs,
        backoffMaxMs: config.queue.backoffMaxMs,
        signal: options.signal,
        onBatchDone,
        onProgress: options.onProgress,
      });
    }
    await persistDirty(true);
    // Review diffs of the articles this run changed (the others' diffs are as the last run left them).
    for (const work of works) {
      if (!work.touched) continue;
      await writeReviewDiff({
        config,
        article: work.article,
        state: { version: 1, article: work.article.relativePath, sourceLang: work.pair.source, targetLang: work.pair.target, sourceFileHash: work.sourceHash, segments: work.records },
        // the output the final pass wrote (every later change would have made the article dirty again)
        candidate: work.lastOutput ?? reassembleArticle(work.article, outputTargets(work.article.segments, work.records), work.pair.target),
      });
    }
    // Every state written now has current glossary usage (no partial run leaves stale usage behind:
    // usage is set in phase 1 and kept through translation).
    for (const work of works) if (work.checkedKey) glossaryCache.checked.add(work.checkedKey);
    if (glossaryCache.checked.size !== glossaryCacheSize) await writeGlossaryCheckCache(config, glossaryCache);
    if ((options.articles?.length ?? 0) === 0) {
      const referenced = new Set<string>([...states.values()].map((state) => state.sourceFileHash));
      for (const work of works) referenced.add(work.sourceHash);
      await pruneSnapshots(config, referenced);
    }
    const translatedSegments = outcome ? jobs.filter((job) => outcome!.translations.has(job.key)).length : 0;
    return {
      ...base,
      dryRun: false,
      sent: outcome?.summary.sentTexts ?? 0,
      duplicates: outcome ? Math.max(0, translatedSegments - outcome.summary.sentTexts) : 0,
      untranslated: works.reduce((sum, work) => sum + work.records.filter((r) => r.target === null).length, 0),
      billedCharacters: outcome?.summary.billedCharacters ?? 0,
      requests: outcome?.summary.requests ?? 0,
      retries: outcome?.summary.retries ?? 0,
      seconds: (Date.now() - startedAt) / 1000,
      stopped: outcome?.stopped ?? null,
      outcome,
      plan,
      written: [...written].sort(),
      untranslatableBlocks: articles.flatMap((article) => article.untranslatableBlocks()),
    };
  } finally {
    if (engine && !options.engineInstance) await engine.close?.();
    lock?.release();
  }
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
