/**
 * Reading and writing segment state files: `output/<lang>/<article path>.state.json`, one per article and
 * target language, beside the translated article.
 *
 * The format is made for pull requests: records in article order, keys in a fixed order, 2-space JSON,
 * a trailing newline, so a change to one segment is a change to a few lines. Writes are atomic.
 */
import { recordContradiction } from './segment-life.js';
import { HISTORY_EXPECTED, isValidHistory } from './history-shape.js';
import { refuseSymlinkOutside } from '../config/symlinks.js';
import { readFileSync, type BigIntStats } from 'node:fs';
import { readTextWithStat } from '../io/read-with-stat.js';
import path from 'node:path';
import { StorylocError } from '../errors.js';
import { isSupportedLanguage, type Lang } from '../languages.js';
import type { ResolvedConfig } from '../config/types.js';
import { lineColumnAt } from '../text/positions.js';
import type { ArticleState, SegmentRecord, SegmentStatus } from './types.js';
import { writeFileAtomic, type AtomicWriteFs } from '../io/atomic-file.js';

export const STATE_SUFFIX = '.state.json';

export const segmentStatuses: readonly SegmentStatus[] = [
  'untranslated',
  'machine',
  'edited',
  'approved',
  'rejected',
  'stale',
];

/**
 * Where the translation of an article goes: `output/<lang>/<same relative path>`; with a `suffix`, the file
 * beside it (`.state.json`, `.diff`). Only the path returned is checked for links leaving the workspace.
 */
export function outputPathFor(
  config: ResolvedConfig,
  articleRelativePath: string,
  targetLang: Lang,
  suffix = '',
): string {
  const file = path.join(config.paths.output, targetLang, ...articleRelativePath.split('/')) + suffix;
  refuseSymlinkOutside(config, file);
  return file;
}

/** Where the segment state of an article goes: beside the output, `<output>.state.json`. */
export function statePathFor(config: ResolvedConfig, articleRelativePath: string, targetLang: Lang): string {
  return outputPathFor(config, articleRelativePath, targetLang, STATE_SUFFIX);
}

/**
 * The line of a wrong field (for shape errors): the `"key":` inside the record with this id when it is
 * there, else the record's `"id"` line, else the line of `"segments"` (or of a root key).
 */
function lineOfRecord(text: string, id: unknown, key?: string): number {
  const needle =
    typeof id === 'string'
      ? `"id": ${JSON.stringify(id)}`
      : key !== undefined && !key.includes('[')
        ? `"${key}":`
        : '"segments"';
  const at = text.indexOf(needle);
  if (at < 0) return 1;
  if (typeof id === 'string' && key !== undefined) {
    // The record ends at the next `"id":` (records are flat apart from `glossary` and `flags`).
    const next = text.indexOf('"id":', at + needle.length);
    const keyAt = text.indexOf(`"${key}":`, at);
    if (keyAt >= 0 && (next < 0 || keyAt < next)) return lineColumnAt(text, keyAt).line;
  }
  return lineColumnAt(text, at).line;
}

/**
 * Parses state file text. Throws StorylocError `state.invalidJson` or `state.invalidShape` with the file
 * and line when someone edited it into something else. Exported for tests and the review module.
 */
export function parseArticleState(text: string, file: string): ArticleState {
  const data = parseStateJson(text, file);
  const fail = shapeFailure(text, file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('(root)', 'object');
  const root = data as Record<string, unknown>;
  if (root.version !== 1) fail('version', '1');
  if (typeof root.article !== 'string' || root.article === '') fail('article', 'string');
  if (typeof root.sourceLang !== 'string' || !isSupportedLanguage(root.sourceLang)) fail('sourceLang', 'language code');
  if (typeof root.targetLang !== 'string' || !isSupportedLanguage(root.targetLang)) fail('targetLang', 'language code');
  if (typeof root.sourceFileHash !== 'string') fail('sourceFileHash', 'string');
  if (root.outputHash !== undefined && typeof root.outputHash !== 'string') fail('outputHash', 'string');
  if (root.previousOutputHash !== undefined && typeof root.previousOutputHash !== 'string')
    fail('previousOutputHash', 'string');
  if (!Array.isArray(root.segments)) fail('segments', 'array');
  const seen = new Set<string>();
  const segments = (root.segments as unknown[]).map((raw, index) => checkedRecord(raw, index, seen, fail, text, file));
  const state: ArticleState = {
    version: 1,
    article: root.article as string,
    sourceLang: root.sourceLang as Lang,
    targetLang: root.targetLang as Lang,
    sourceFileHash: root.sourceFileHash as string,
    segments,
  };
  if (typeof root.outputHash === 'string') state.outputHash = root.outputHash;
  if (typeof root.previousOutputHash === 'string') state.previousOutputHash = root.previousOutputHash;
  return state;
}

/** The JSON of a state file; a git merge conflict or invalid JSON throws with the file and line. */
function parseStateJson(text: string, file: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // A state file merged in git with both sides changed: say so, rather than "invalid JSON at position …".
    refuseMergeConflict(text, file);
    const message = (error as Error).message;
    const byLine = /line (\d+) column (\d+)/.exec(message);
    const byOffset = /position (\d+)/.exec(message);
    const where = byLine
      ? { line: Number(byLine[1]), column: Number(byLine[2]) }
      : lineColumnAt(text, byOffset ? Number(byOffset[1]) : text.length);
    throw new StorylocError(
      'state.invalidJson',
      'memory:state.invalidJson',
      { file, detail: message.split('\n')[0] },
      {
        position: { file, line: where.line, column: where.column },
      },
    );
  }
  // Valid JSON has no conflict marker at the start of a line: a line starts between tokens (a raw line
  // break cannot stand in a string), where < = > cannot. Except after U+2028 or U+2029, which a string
  // may hold as they are and which start a line for the marker's pattern: only then is it looked for.
  if (text.includes('\u2028') || text.includes('\u2029')) refuseMergeConflict(text, file);
  return data;
}

/** Throws `state.mergeConflict` at the first line that starts with a git conflict marker, if any. */
function refuseMergeConflict(text: string, file: string): void {
  const conflict = /^(?:<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (!conflict) return;
  const where = lineColumnAt(text, conflict.index);
  throw new StorylocError(
    'state.mergeConflict',
    'memory:state.mergeConflict',
    { file, line: where.line },
    { position: { file, line: where.line, column: 1 } },
  );
}

type ShapeFailure = (field: string, expected: string, id?: unknown) => never;

/** Throws `state.invalidShape` for a field, at the line of the record (by id) or of the field. */
function shapeFailure(text: string, file: string): ShapeFailure {
  return (field: string, expected: string, id?: unknown): never => {
    throw new StorylocError(
      'state.invalidShape',
      'memory:state.invalidShape',
      { file, field, expected },
      {
        position: { file, line: lineOfRecord(text, id, field.split('.').pop()) },
      },
    );
  };
}

/** what a record's `state` may be, as `state.invalidShape` says it (joined once, not per record) */
const STATUSES_EXPECTED = segmentStatuses.join('|');

/** One segment record of a state file, checked field by field (ids unique across `seen`). */
function checkedRecord(
  raw: unknown,
  index: number,
  seen: Set<string>,
  fail: ShapeFailure,
  text: string,
  file: string,
): SegmentRecord {
  const where = `segments[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(where, 'object');
  const r = raw as Record<string, unknown>;
  const id = r.id;
  const need = (key: string, ok: boolean, expected: string): void => {
    if (!ok) fail(`${where}.${key}`, expected, id);
  };
  const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
  need('id', typeof id === 'string' && id !== '', 'string');
  if (seen.has(id as string)) fail(`${where}.id`, 'unique id', id);
  seen.add(id as string);
  need('kind', typeof r.kind === 'string', 'string');
  need('line', Number.isInteger(r.line) && (r.line as number) >= 1, 'line number');
  need('source', typeof r.source === 'string', 'string');
  need('sourceHash', typeof r.sourceHash === 'string', 'string');
  need('target', r.target === null || typeof r.target === 'string', 'string or null');
  need('state', segmentStatuses.includes(r.state as SegmentStatus), STATUSES_EXPECTED);
  need('engine', r.engine === null || typeof r.engine === 'string', 'string or null');
  const glossaryOk =
    typeof r.glossary === 'object' &&
    r.glossary !== null &&
    !Array.isArray(r.glossary) &&
    Object.values(r.glossary as object).every((v) => typeof v === 'string');
  need('glossary', glossaryOk, 'object of entry id → hash');
  need('changedBy', r.changedBy === null || typeof r.changedBy === 'string', 'string or null');
  need('changedAt', r.changedAt === null || typeof r.changedAt === 'string', 'string or null');
  need('previousTarget', optionalString(r.previousTarget), 'string');
  need('approvedTarget', optionalString(r.approvedTarget), 'string');
  need('approvedSource', optionalString(r.approvedSource), 'string');
  need('forced', r.forced === undefined || typeof r.forced === 'boolean', 'boolean');
  need(
    'flags',
    r.flags === undefined || (Array.isArray(r.flags) && r.flags.every((f) => typeof f === 'string')),
    'array of strings',
  );
  need('history', isValidHistory(r.history), HISTORY_EXPECTED);
  const contradiction = recordContradiction(r as unknown as SegmentRecord);
  if (contradiction !== null) {
    const params = { file, id, state: r.state };
    throw new StorylocError('state.contradiction', contradiction, params, {
      position: { file, line: lineOfRecord(text, id) },
    });
  }
  return r as unknown as SegmentRecord;
}

/**
 * Reads a state file; null when it does not exist (never translated). Invalid content throws
 * StorylocError with file and line (nothing is overwritten: the run stops before writing).
 */
export function readArticleState(file: string): ArticleState | null {
  let text: string;
  try {
    // by path, in one call: Node reads a UTF-8 file by path natively (a read through a descriptor, as
    // readArticleStateWithStat needs for its status, goes through a buffer and a stat more per file)
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const failure = unreadableOrNull(file, error);
    if (failure === null) return null;
    throw failure;
  }
  return parseArticleState(text, file);
}

/** null for a file that does not exist (returned by the callers); any other read error as `state.unreadable` */
function unreadableOrNull(file: string, error: unknown): StorylocError | null {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  return new StorylocError(
    'state.unreadable',
    'memory:state.unreadable',
    { file, detail: (error as NodeJS.ErrnoException).code },
    {
      position: { file },
      cause: error,
    },
  );
}

/**
 * `readArticleState`, with the status of the very file read (taken from the open file before reading, so
 * the two belong together: the state index keys its entries by it).
 */
export function readArticleStateWithStat(file: string): { state: ArticleState; stat: BigIntStats } | null {
  let text: string;
  let stat: BigIntStats;
  try {
    ({ text, stat } = readTextWithStat(file));
  } catch (error) {
    const failure = unreadableOrNull(file, error);
    if (failure === null) return null;
    throw failure;
  }
  return { state: parseArticleState(text, file), stat };
}

/** Key order of a record in the file; optional keys appear only when set. */
const recordKeyOrder = [
  'id',
  'kind',
  'line',
  'source',
  'sourceHash',
  'target',
  'state',
  'engine',
  'glossary',
  'changedBy',
  'changedAt',
  'previousTarget',
  'approvedTarget',
  'approvedSource',
  'forced',
  'flags',
] as const;

/**
 * A record with keys in the canonical order. Optional fields are present only when set (empty `flags`
 * are dropped); fields added to the contract later are kept, after the known ones, in name order.
 */
export function normaliseRecord(record: SegmentRecord): SegmentRecord {
  const source = record as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of recordKeyOrder) {
    const value = source[key];
    if (value === undefined && !nullRecordKeys.has(key)) continue;
    if (key === 'flags') {
      if (Array.isArray(value) && value.length === 0) continue;
      out.flags = [...(value as string[])];
    } else if (key === 'glossary') out.glossary = sortedGlossary(record.glossary);
    else out[key] = value ?? null;
  }
  let extra: string[] | null = null;
  for (const key of Object.keys(source))
    if (!knownRecordKeys.has(key) && source[key] !== undefined) (extra ??= []).push(key);
  if (extra) for (const key of extra.sort()) out[key] = source[key];
  return out as unknown as SegmentRecord;
}

const knownRecordKeys: ReadonlySet<string> = new Set(recordKeyOrder);
/** Keys written as `null` when unset. */
const nullRecordKeys: ReadonlySet<string> = new Set(['target', 'engine', 'changedBy', 'changedAt']);

/** The glossary usage with its entry ids in order (the record's own object when they already are). */
function sortedGlossary(glossary: SegmentRecord['glossary']): SegmentRecord['glossary'] {
  const ids = Object.keys(glossary);
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1]! < ids[i]!;
  if (sorted) return glossary;
  const copy: Record<string, string> = {};
  for (const id of ids.sort()) copy[id] = glossary[id]!;
  return copy;
}

/**
 * True when `record` is already what `normaliseRecord` makes of it: its own keys in the canonical order,
 * none undefined, the null-when-unset keys present, `flags` not empty, glossary ids in order, no key
 * beyond the known ones. The records a run makes are built that way, so the state is serialised from
 * them directly instead of from a copy of each (a run of 2,000 articles copies 70,000 records otherwise);
 * anything else is normalised first. Both give the same text (tests compare them).
 */
export function isCanonicalRecord(record: SegmentRecord): boolean {
  const fields = record as unknown as Record<string, unknown>;
  let at = 0;
  for (const key in fields) {
    const value = fields[key];
    while (at < recordKeyOrder.length && recordKeyOrder[at] !== key) at++;
    if (at === recordKeyOrder.length || value === undefined) return false;
    if (key === 'flags' && (value as unknown[]).length === 0) return false;
    if (key === 'glossary' && sortedGlossary(value as SegmentRecord['glossary']) !== value) return false;
    at++;
  }
  return (
    fields.target !== undefined &&
    fields.engine !== undefined &&
    fields.changedBy !== undefined &&
    fields.changedAt !== undefined
  );
}

/** The exact text written for a state: deterministic, so equal states give byte-identical files. */
export function serializeArticleState(state: ArticleState): string {
  const ordered = {
    version: state.version,
    article: state.article,
    sourceLang: state.sourceLang,
    targetLang: state.targetLang,
    sourceFileHash: state.sourceFileHash,
    ...(state.outputHash !== undefined ? { outputHash: state.outputHash } : {}),
    ...(state.previousOutputHash !== undefined ? { previousOutputHash: state.previousOutputHash } : {}),
    segments: state.segments.map((record) => (isCanonicalRecord(record) ? record : normaliseRecord(record))),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Writes a state file atomically (temp file + rename); folders are created as needed. */
export async function writeArticleState(file: string, state: ArticleState, fs?: AtomicWriteFs): Promise<void> {
  await writeFileAtomic(file, serializeArticleState(state), fs);
}
