/**
 * The memory's view of a workspace: every state file under `output/<lang>/`, the source snapshots that
 * let a run compare an edited output with the source it was translated from, and the units imported
 * from TMX files (`output/memory/<source>-<target>.json`).
 */
import { type Dirent, promises as fsp, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { refuseSymlinkOutside } from '../config/symlinks.js';
import { StorylocError } from '../errors.js';
import { isSupportedLanguage, pairKey, type LanguagePair } from '../languages.js';
import type { ArticleState, SegmentRecord } from './types.js';
import { STATE_SUFFIX, readArticleState, readArticleStateWithStat } from './state-store.js';
import { StateIndex, summarizeState, type StateSummary } from './state-index.js';
import { writeFileAtomic } from '../io/atomic-file.js';
import { readTextWithStat, type TextWithStat } from '../io/read-with-stat.js';
import { listedAbsent } from '../io/folder-listing.js';
import { fileHash, normaliseSource } from './records.js';

/** Every `*.state.json` at any depth below `dir`, in directory order; a missing or unreadable folder has none. */
export function findStateFiles(dir: string, files: string[] = []): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findStateFiles(full, files);
    else if (entry.isFile() && entry.name.endsWith(STATE_SUFFIX)) files.push(full);
  }
  return files;
}

/** Every `*.state.json` under `output/<lang>/`, sorted (a stable memory order). */
export function listStateFiles(config: ResolvedConfig): string[] {
  let langs: string[] = [];
  try {
    langs = readdirSync(config.paths.output).filter((name) => isSupportedLanguage(name));
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const lang of langs.sort()) findStateFiles(path.join(config.paths.output, lang), files);
  return files.sort();
}

/** The summaries of the states a `StateReader` returned (by state object). */
const summaries = new WeakMap<ArticleState, StateSummary>();
/** States a `StateReader` found their output unchanged for (the very file they wrote). */
const outputsUnchanged = new WeakSet<ArticleState>();

/**
 * The summary of a state a `StateReader` returned (its records' counts), null for any other.
 * Reading it never reads the records of a state the index vouched for.
 */
export function stateSummaryOf(state: ArticleState): StateSummary | null {
  return summaries.get(state) ?? null;
}

/**
 * True when a `StateReader` found the output beside this state to be the very file the state
 * wrote (its `outputHash`), by the state index or by reading it: the caller need not read it again.
 */
export function outputUnchangedFor(state: ArticleState): boolean {
  return outputsUnchanged.has(state);
}

/**
 * Reads state files through the state index, one at a time (a streamed `translate` reads a group's states
 * when it reaches the group); invalid ones throw with file and line. A state the index (state-index.ts)
 * vouches for is not read: its header comes from the index and its records are read the first time
 * `segments` is used, so a rerun that touches no record of an article never reads them. The output beside
 * each state is checked against the state's `outputHash` the same way (by its status when the index knows
 * it, else by reading it). `stateSummaryOf` and `outputUnchangedFor` answer for every state it returns.
 */
export class StateReader {
  private constructor(private readonly index: StateIndex) {}

  static open(config: ResolvedConfig): StateReader {
    return new StateReader(StateIndex.open(config));
  }

  /** The state in `file` (records read lazily when the index vouches for it); null when there is none. */
  read(file: string): ArticleState | null {
    if (listedAbsent(file)) return null; // never translated (a first run asks this of every article)
    const index = this.index;
    const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    const known = stat ? index.lookup(file, stat) : null;
    let state: ArticleState;
    let summary = known;
    if (summary) state = stateWithLazyRecords(file, summary);
    else {
      const read = readArticleStateWithStat(file);
      if (!read) return null;
      state = read.state;
      summary = summarizeState(state);
      index.record(file, read.stat, summary);
    }
    summaries.set(state, summary);
    if (state.outputHash !== undefined && outputUnchanged(index, file, state.outputHash)) outputsUnchanged.add(state);
    return state;
  }

  /** Writes the index (best effort); `prune` drops the entries of files not read this time. */
  save(options: { prune: boolean }): void {
    this.index.save(options);
  }
}

/** Whether the output beside a state file is the one with `outputHash`: by its status, else by reading it. */
function outputUnchanged(index: StateIndex, stateFile: string, outputHash: string): boolean {
  const output = stateFile.slice(0, -STATE_SUFFIX.length);
  const stat = statSync(output, { bigint: true, throwIfNoEntry: false });
  if (!stat?.isFile()) return false;
  if (index.outputUnchanged(stateFile, stat)) return true;
  let read: TextWithStat;
  try {
    read = readTextWithStat(output);
  } catch {
    return false; // the translate stages read it again and report what is wrong
  }
  const { text, stat: readStat } = read;
  if (fileHash(text) !== outputHash) return false;
  index.recordOutput(stateFile, readStat);
  return true;
}

/** A state whose header is known; its records are read from `file` when first used. */
function stateWithLazyRecords(file: string, summary: StateSummary): ArticleState {
  let segments: SegmentRecord[] | undefined;
  const state = {
    version: 1 as const,
    article: summary.article,
    sourceLang: summary.sourceLang,
    targetLang: summary.targetLang,
    sourceFileHash: summary.sourceFileHash,
    ...(summary.outputHash !== undefined ? { outputHash: summary.outputHash } : {}),
    ...(summary.previousOutputHash !== undefined ? { previousOutputHash: summary.previousOutputHash } : {}),
    get segments(): SegmentRecord[] {
      if (segments === undefined) {
        const read = readArticleState(file);
        // deleted since the index vouched for it (under the lock only a hand could do that)
        if (!read) {
          const params = { file, detail: 'ENOENT' };
          throw new StorylocError('state.unreadable', 'memory:state.unreadable', params, { position: { file } });
        }
        segments = read.segments;
      }
      return segments;
    },
    set segments(value: SegmentRecord[]) {
      segments = value;
    },
  };
  return state;
}

/** `<workspace>/.storyloc/sources/<hash>.md`: the source text an output was last written from. */
export function snapshotPathFor(config: ResolvedConfig, sourceFileHash: string): string {
  return path.join(config.workspaceDir, '.storyloc', 'sources', `${sourceFileHash}.md`);
}

export function readSnapshot(config: ResolvedConfig, sourceFileHash: string): string | null {
  const file = snapshotPathFor(config, sourceFileHash);
  refuseSymlinkOutside(config, file);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Stores a source snapshot once (content-addressed, so an existing one is never rewritten). */
export async function writeSnapshot(config: ResolvedConfig, sourceFileHash: string, text: string): Promise<void> {
  const file = snapshotPathFor(config, sourceFileHash);
  // asynchronous: on a first run every name is missing, and looking one up waits while the other writes
  // create files in the same folder
  const exists =
    !listedAbsent(file) &&
    (await fsp.access(file).then(
      () => true,
      () => false,
    ));
  if (exists) return;
  await writeFileAtomic(file, text);
}

/** Removes snapshots no state refers to any more. */
export async function pruneSnapshots(config: ResolvedConfig, referenced: ReadonlySet<string>): Promise<void> {
  const dir = path.join(config.workspaceDir, '.storyloc', 'sources');
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.endsWith('.md') && !referenced.has(name.slice(0, -3)))
      .map((name) => fsp.rm(path.join(dir, name), { force: true }).catch(() => undefined)),
  );
}

/** One unit imported from a TMX file: approved elsewhere, reused like an approved segment. */
export interface ImportedUnit {
  source: string;
  target: string;
  /** file the unit came from and its tuid, for people reading the file */
  origin: string;
}

export interface ImportedMemory {
  version: 1;
  sourceLang: string;
  targetLang: string;
  units: ImportedUnit[];
}

export function importedMemoryPathFor(config: ResolvedConfig, pair: LanguagePair): string {
  return path.join(config.paths.output, 'memory', `${pairKey(pair)}.json`);
}

/** Imported units of a pair; an empty list when none were imported. */
export function readImportedMemory(config: ResolvedConfig, pair: LanguagePair): ImportedUnit[] {
  const file = importedMemoryPathFor(config, pair);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  try {
    const data = JSON.parse(text) as ImportedMemory;
    if (!Array.isArray(data.units)) throw new Error('units');
    return data.units.filter((u) => typeof u.source === 'string' && typeof u.target === 'string');
  } catch (error) {
    throw new StorylocError(
      'state.invalidJson',
      'memory:state.invalidJson',
      { file, detail: (error as Error).message },
      { position: { file } },
    );
  }
}

/**
 * Adds units to a pair's imported memory (a unit with the same normalised source is replaced) and
 * writes it sorted by source, so the file diffs well. Returns the number of units stored.
 */
export async function addImportedUnits(
  config: ResolvedConfig,
  pair: LanguagePair,
  units: readonly ImportedUnit[],
): Promise<number> {
  const byKey = new Map<string, ImportedUnit>();
  for (const unit of readImportedMemory(config, pair)) byKey.set(normaliseSource(unit.source), unit);
  for (const unit of units) byKey.set(normaliseSource(unit.source), unit);
  const sorted = [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, unit]) => unit);
  const data: ImportedMemory = { version: 1, sourceLang: pair.source, targetLang: pair.target, units: sorted };
  await writeFileAtomic(importedMemoryPathFor(config, pair), `${JSON.stringify(data, null, 2)}\n`);
  return sorted.length;
}

/**
 * A local cache (not for version control) of the states already checked against the current termbase:
 * `<workspace>/.storyloc/cache/glossary-checked.json`. A state's glossary usage depends only on its
 * sources and the termbase, so a state checked with this termbase and unchanged since (same source and
 * output hashes) needs no new check. Keeps reruns fast without writing anything into the state files.
 */
export interface GlossaryCheckCache {
  termbase: string;
  checked: Set<string>;
}

export function glossaryCachePath(config: ResolvedConfig): string {
  return path.join(config.workspaceDir, '.storyloc', 'cache', 'glossary-checked.json');
}

export function glossaryCheckKey(statePath: string, sourceFileHash: string, outputHash: string | undefined): string {
  return `${statePath}|${sourceFileHash}|${outputHash ?? ''}`;
}

export function readGlossaryCheckCache(config: ResolvedConfig, termbase: string): GlossaryCheckCache {
  try {
    const data = JSON.parse(readFileSync(glossaryCachePath(config), 'utf8')) as {
      termbase?: unknown;
      checked?: unknown;
    };
    if (data.termbase === termbase && Array.isArray(data.checked)) {
      return { termbase, checked: new Set(data.checked.filter((key): key is string => typeof key === 'string')) };
    }
  } catch {
    // missing or unreadable: everything gets checked
  }
  return { termbase, checked: new Set() };
}

export async function writeGlossaryCheckCache(config: ResolvedConfig, cache: GlossaryCheckCache): Promise<void> {
  const data = { termbase: cache.termbase, checked: [...cache.checked].sort() };
  await writeFileAtomic(glossaryCachePath(config), `${JSON.stringify(data)}\n`);
}
