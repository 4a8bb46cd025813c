/**
 * The segment stage: every article in every target language becomes an `ArticleWork` whose records
 * match the article as it is now. Human edits found in the output are recorded first, then source edits
 * are merged and glossary changes applied. A broken edit is collected, and all of them stop the run
 * together before anything is written or sent.
 */
import type { ParsedArticle } from '../articles/read.js';
import type { ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import type { Lang, LanguagePair } from '../languages.js';
import { applyGlossaryChanges } from '../memory/glossary-staleness.js';
import { BrokenEditsError, detectHumanEdits, type BrokenEdit } from '../reassembly/human-edits.js';
import { mergeState } from '../memory/merge.js';
import { applyHumanEdits, outputTargets } from '../memory/persist.js';
import { fileHash } from '../memory/records.js';
import { outputPathFor, statePathFor } from '../memory/state-store.js';
import type { ArticleState, SegmentRecord } from '../memory/types.js';
import {
  glossaryCheckKey,
  outputUnchangedFor,
  readSnapshot,
  stateSummaryOf,
  type GlossaryCheckCache,
} from '../memory/workspace.js';
import type { StateSummary } from '../memory/state-index.js';
import type { GlossaryContext } from './glossary-context.js';
import { readIfExists } from './read.js';
import { parseWithLoadedParser } from './parser.js';
import { skippedFor, UnreadableArticleError, type ArticleWork, type SkippedArticle, type SourceFile } from './types.js';
import { wantsTranslation } from './memory.js';
import { relativeToWorkspace } from './paths.js';

export interface SegmentStageInput {
  config: ResolvedConfig;
  sources: readonly SourceFile[];
  targets: readonly Lang[];
  /** every state file of the workspace, by path */
  states: ReadonlyMap<string, ArticleState>;
  glossary: GlossaryContext;
  /** states already checked against this termbase (updated with the ones found unchanged) */
  glossaryCache: GlossaryCheckCache;
  /** who is recorded on human edits (asked only when there is one) */
  editor: () => string;
  /** ISO 8601, recorded on the records this stage changes */
  now: string;
  /** the run's engine replaces targets of test engines (see memory.ts) */
  replacesTestTargets: boolean;
}

export interface SegmentStageOutput {
  works: ArticleWork[];
  humanEdits: number;
  stale: number;
  /** articles that cannot be segmented: left out of the run, the others go on */
  skipped: SkippedArticle[];
}

/** Aligns every article × target; throws BrokenEditsError listing every broken edit. */
export function segmentArticles(input: SegmentStageInput): SegmentStageOutput {
  const out: SegmentStageOutput = { works: [], humanEdits: 0, stale: 0, skipped: [] };
  const broken: BrokenEdit[] = [];
  for (const source of input.sources) {
    // counted apart, so an article skipped half way leaves no trace in the run
    const own: SegmentStageOutput = { works: [], humanEdits: 0, stale: 0, skipped: [] };
    const ownBroken: BrokenEdit[] = [];
    try {
      for (const target of input.targets) {
        if (target === source.lang) continue;
        const work = segmentArticle(input, source, target, ownBroken, own);
        // parsed now when a later stage needs the segments, so an unreadable article is skipped here
        if (
          work &&
          !work.unchanged &&
          (work.dirty || work.records.some((record) => wantsTranslation(record, input.replacesTestTargets)))
        ) {
          verifyAligned(work, input.states.get(work.statePath) ?? null);
        }
        if (work) own.works.push(work);
      }
    } catch (error) {
      if (!(error instanceof UnreadableArticleError)) throw error;
      out.skipped.push(skippedFor(source.path, error.error));
      continue;
    }
    out.works.push(...own.works);
    out.humanEdits += own.humanEdits;
    out.stale += own.stale;
    broken.push(...ownBroken);
  }
  if (broken.length > 0) throw new BrokenEditsError(broken);
  return out;
}

/**
 * Whether segmenting these sources may parse an article: false only when every article × target takes
 * the unchanged path of `segmentArticle` with the output the state wrote (known unchanged without reading
 * it). Then the run needs no parser for the group (translate/parser.ts); in doubt it says true.
 */
export function mayParse(input: SegmentStageInput): boolean {
  return input.sources.some((source) =>
    input.targets.some((target) => target !== source.lang && !knownUnchanged(input, source, target)),
  );
}

function knownUnchanged(input: SegmentStageInput, source: SourceFile, target: Lang): boolean {
  const statePath = statePathFor(input.config, source.relativePath, target);
  const state = input.states.get(statePath) ?? null;
  if (state === null || !outputUnchangedFor(state)) return false;
  return unchangedSummary(input, source, state, statePath, state.outputHash!) !== null;
}

function segmentArticle(
  input: SegmentStageInput,
  source: SourceFile,
  target: Lang,
  broken: BrokenEdit[],
  counts: SegmentStageOutput,
): ArticleWork | null {
  const { config } = input;
  const pair: LanguagePair = { source: source.lang, target };
  const statePath = statePathFor(config, source.relativePath, target);
  const outputPath = outputPathFor(config, source.relativePath, target);
  const state = input.states.get(statePath) ?? null;
  if (
    state &&
    (state.article !== source.relativePath || state.sourceLang !== source.lang || state.targetLang !== target)
  ) {
    const params = {
      file: statePath,
      found: `${state.article} (${state.sourceLang}→${state.targetLang})`,
      expected: `${source.relativePath} (${source.lang}→${target})`,
    };
    throw new StorylocError('state.otherArticle', 'memory:state.otherArticle', params, {
      position: { file: statePath },
    });
  }
  // the output the state wrote, found unchanged when the states were loaded, is not read again
  const knownOutput = state !== null && outputUnchangedFor(state);
  const diskOutput = knownOutput ? null : readIfExists(outputPath);
  const diskOutputHash = knownOutput ? state.outputHash! : diskOutput === null ? null : fileHash(diskOutput);
  const unchanged =
    state && diskOutputHash !== null ? unchangedSummary(input, source, state, statePath, diskOutputHash) : null;
  if (unchanged) return unchangedWork(source, pair, statePath, outputPath, state!, unchanged);
  let records = state?.segments ?? [];
  if (diskOutput !== null) {
    const disk = { text: diskOutput, hash: diskOutputHash! };
    const edited = recordHumanEdits(input, source, target, state, disk, statePath, outputPath, broken);
    if (edited === null) return null;
    if (edited.count > 0) counts.humanEdits += edited.count;
    records = edited.records;
  }
  const dirty = !state || diskOutputHash === null || diskOutputHash !== state.outputHash || records !== state.segments;
  const work = newWork({ source, pair, statePath, outputPath, diskOutputHash, dirty }, () => records);
  // A state aligned with this very source file has one record per segment, in order.
  if (state === null || state.sourceFileHash !== source.sourceHash) {
    const merged = mergeState(state ? { ...state, segments: records } : null, source.parsed().segments, {
      now: input.now,
    });
    work.records = merged.records;
    counts.stale += merged.records.filter(
      (record) => record.state === 'stale' && merged.changed.includes(record.id),
    ).length;
    work.dirty = true;
  }
  counts.stale += applyGlossaryStage(input, work, state);
  return work;
}

/**
 * The summary of the article's records when nothing about it changed since its state was written and no
 * record wants work in this run: same source file, the output on disk is the one the state wrote, the
 * glossary-check cache vouches for its glossary usage, no record to translate. Null otherwise (the
 * article then goes through the stage as always). The records are not read for this.
 */
function unchangedSummary(
  input: SegmentStageInput,
  source: SourceFile,
  state: ArticleState,
  statePath: string,
  diskOutputHash: string,
): StateSummary | null {
  const summary = stateSummaryOf(state);
  if (!summary || state.sourceFileHash !== source.sourceHash || diskOutputHash !== state.outputHash) return null;
  if (summary.needsWork > 0 || (input.replacesTestTargets && summary.testTargets > 0)) return null;
  const checkedKey = glossaryCheckKey(
    relativeToWorkspace(input.config, statePath),
    state.sourceFileHash,
    state.outputHash,
  );
  return input.glossaryCache.checked.has(checkedKey) ? summary : null;
}

/** The work of an unchanged article (see `unchangedSummary`): clean, its records read only if a stage asks. */
function unchangedWork(
  source: SourceFile,
  pair: LanguagePair,
  statePath: string,
  outputPath: string,
  state: ArticleState,
  unchanged: StateSummary,
): ArticleWork {
  const facts = { source, pair, statePath, outputPath, diskOutputHash: state.outputHash!, dirty: false, unchanged };
  return newWork(facts, () => state.segments);
}

type WorkFacts = Pick<
  ArticleWork,
  'source' | 'pair' | 'statePath' | 'outputPath' | 'diskOutputHash' | 'dirty' | 'unchanged'
>;

/**
 * An article's work. The article is parsed, and the records are first taken from `initialRecords`, only
 * when a stage asks (an unchanged article may never need either); a stage may replace the records.
 */
function newWork(facts: WorkFacts, initialRecords: () => SegmentRecord[]): ArticleWork {
  let records: SegmentRecord[] | undefined;
  const { source } = facts;
  // facts holds plain values only: spreading it evaluates no getter
  return {
    ...facts,
    get article() {
      return source.parsed();
    },
    sourceHash: source.sourceHash,
    get records() {
      records ??= initialRecords();
      return records;
    },
    set records(value: SegmentRecord[]) {
      records = value;
    },
    writtenState: null,
    touched: false,
  };
}

/**
 * A state that says it matches this very source (same file hash) must have a record per segment: one
 * for a segment the article does not have is a contradiction (a hand-edited or badly merged state).
 * The run stops before anything is written, naming the file and the segment. Parses the article.
 */
function verifyAligned(work: ArticleWork, state: ArticleState | null): void {
  const segments = work.article.segments;
  if (state === null || state.sourceFileHash !== work.sourceHash) return;
  const known = new Set(segments.map((segment) => segment.id));
  const stray = state.segments.find((record) => !known.has(record.id));
  if (stray === undefined) return;
  const params = { file: work.statePath, id: stray.id, article: work.source.path };
  throw new StorylocError('state.unknownSegment', 'memory:state.unknownSegment', params, {
    position: { file: work.statePath },
  });
}

/**
 * Reads a translator's edits out of the output on disk. Null when the output cannot be read against its
 * state (the reason is added to `broken`).
 */
function recordHumanEdits(
  input: SegmentStageInput,
  source: SourceFile,
  target: Lang,
  state: ArticleState | null,
  disk: { text: string; hash: string },
  statePath: string,
  outputPath: string,
  broken: BrokenEdit[],
): { records: SegmentRecord[]; count: number } | null {
  if (!state) {
    broken.push({ reason: 'noState', position: { file: outputPath }, stateFile: statePath });
    return null;
  }
  if (disk.hash === state.outputHash || disk.hash === state.previousOutputHash)
    return { records: state.segments, count: 0 };
  // Compare with the source the output was written from (a snapshot when the source changed since).
  const written = writtenFrom(input.config, source, state);
  if (!written) {
    broken.push({ reason: 'unverifiable', position: { file: outputPath }, stateFile: statePath });
    return null;
  }
  const detection = detectHumanEdits(written, outputTargets(written.segments, state.segments), target, disk.text);
  if (detection.status === 'broken') {
    broken.push({
      reason: detection.reason,
      position: { file: outputPath, line: detection.line, column: detection.column },
      stateFile: statePath,
      ...(detection.segmentId !== undefined ? { segmentId: detection.segmentId } : {}),
    });
    return null;
  }
  if (detection.status !== 'edited') return { records: state.segments, count: 0 };
  return {
    records: applyHumanEdits(state.segments, detection.edits, input.editor(), input.now),
    count: detection.edits.length,
  };
}

/** The article the output on disk was written from: this source, or its snapshot; null when lost. */
function writtenFrom(config: ResolvedConfig, source: SourceFile, state: ArticleState): ParsedArticle | null {
  if (state.sourceFileHash === source.sourceHash) return source.parsed();
  const snapshot = readSnapshot(config, state.sourceFileHash);
  if (snapshot === null) return null;
  const { path, relativePath, lang } = source;
  return parseWithLoadedParser({
    path,
    relativePath,
    lang,
    text: snapshot,
    frontMatterKeys: config.frontMatterKeys,
    limits: config.limits,
  });
}

/** Marks records whose glossary usage changed as stale; returns how many became stale. */
function applyGlossaryStage(input: SegmentStageInput, work: ArticleWork, state: ArticleState | null): number {
  // Checked against this termbase before, and unchanged since: no usage can have changed.
  const checkedKey = state
    ? glossaryCheckKey(relativeToWorkspace(input.config, work.statePath), state.sourceFileHash, state.outputHash)
    : null;
  if (checkedKey !== null && state!.sourceFileHash === work.sourceHash && input.glossaryCache.checked.has(checkedKey))
    return 0;
  const lang = work.pair.source;
  const glossary = applyGlossaryChanges(
    work.records,
    (record) => input.glossary.usageOf(lang, record.source),
    input.now,
  );
  if (glossary.records.some((record, i) => record !== work.records[i])) work.dirty = true;
  work.records = glossary.records;
  if (checkedKey !== null && !work.dirty) input.glossaryCache.checked.add(checkedKey);
  return glossary.stale.length;
}
