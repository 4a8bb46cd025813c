/**
 * A cache of parsed glossary files: a large termbase is parsed once per change instead of once per
 * command. YAML parsing dominates loading (a 50,000-entry file takes seconds); reading its result back
 * as JSON takes a small fraction of that.
 *
 * One cache file per glossary file, under `<workspace>/.storyloc/cache/glossary/` (local bookkeeping,
 * git-ignored), named by a hash of the glossary file's workspace-relative path:
 *   line 1  a JSON header: format, schema, storyloc, glossarySchema, file, source, payload
 *   rest    the JSON payload: the file's entries and problems (without `file`) and the entries' positions
 * It is used only when the header matches: `source` is the sha256 of the glossary file's bytes,
 * `storyloc` the package version, `schema` GLOSSARY_CACHE_SCHEMA_VERSION, `glossarySchema` a hash of the
 * JSON Schema the loader validates with, `file` the relative path; and `payload` must be the sha256 of
 * the payload bytes, so a torn or hand-edited cache never passes. Absent, stale, corrupt or unreadable
 * means a real parse (and a fresh cache file); a failed write is ignored. The cache can only save time:
 * it never changes a result or fails a command.
 *
 * Files outside the workspace (`storyloc glossary lint /elsewhere/draft.yaml`) are not cached: the cache
 * folder belongs to the workspace, and one-off files would only pile up in it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomicSync } from '../io/atomic-file.js';
import type { Lang } from '../languages.js';
import { errorCode } from '../error-codes.js';
import type { MessageKey } from '../i18n/catalogs.js';
import type { EntryPositions, ParsedGlossaryFile, SourcePoint } from './types.js';
import { glossarySchema } from './schema.js';
import type { GlossaryEntry, GlossaryProblem, TermType } from './types.js';

/**
 * Bump whenever what `parseGlossaryFile` returns changes (a new field, another position, another
 * message): the package version does not change between commits, this constant must.
 */
export const GLOSSARY_CACHE_SCHEMA_VERSION = 1;

const FORMAT = 'storyloc-glossary-cache';
/** temp files of a write that was killed half-way; older than this, nobody is still writing them */
const STALE_TEMP_MS = 60 * 60 * 1000;

export type GlossaryCacheOutcome = 'hit' | 'absent' | 'stale' | 'corrupt';

export interface GlossaryCacheStats {
  /** valid cache files used instead of parsing */
  hit: number;
  /** no cache file yet */
  absent: number;
  /** a cache file for other bytes, another storyloc version or another cache schema */
  stale: number;
  /** unreadable, torn, edited or malformed cache files */
  corrupt: number;
  written: number;
  /** writes that failed (read-only workspace, full disk): ignored */
  writeFailed: number;
}

export interface GlossaryCacheOptions {
  /** false: use the cache but never write it (a dry run writes nothing). Default true. */
  write?: boolean;
  /** the storyloc version the cache is keyed by (default: package.json's); tests simulate an upgrade */
  version?: string;
}

export interface GlossaryCache {
  /** the cache folder */
  readonly dir: string;
  readonly stats: GlossaryCacheStats;
  /** true when `file` is inside the workspace: only those files are cached */
  covers(file: string): boolean;
  /** the cache file of a glossary file */
  fileFor(file: string): string;
  /** the parse of `file` with these bytes: from the cache when it is valid, else `parse()`, then stored */
  parse(file: string, bytes: Uint8Array, parse: () => ParsedGlossaryFile): ParsedGlossaryFile;
  /** removes the cache files of glossary files not in `files` (renamed, deleted) and abandoned temp files */
  prune(files: readonly string[]): void;
}

interface CacheHeader {
  format: string;
  schema: number;
  storyloc: string;
  glossarySchema: string;
  /** workspace-relative path, `/`-separated */
  file: string;
  /** sha256 of the glossary file's bytes */
  source: string;
  /** sha256 of the payload bytes */
  payload: string;
}

/**
 * An entry as stored: a tuple rather than an object, which halves the payload and the time JSON.parse
 * takes on a 50,000-entry file. `file` is left out (it is the cache file's glossary file); positions are
 * flat: `["forms.en", line, column, "variants.en.0", line, column, …]`.
 */
type StoredEntry = [
  id: string,
  type: TermType,
  forms: GlossaryEntry['forms'],
  variants: GlossaryEntry['variants'],
  forbidden: GlossaryEntry['forbidden'],
  doNotTranslate: boolean,
  caseSensitive: boolean,
  line: number,
  column: number | null,
  hash: string,
  caseSensitiveIn: GlossaryEntry['caseSensitiveIn'] | null,
  note: string | null,
  positions: Array<string | number> | null,
];

/** A problem as stored: `[code, severity, line, column, messageKey, params]` */
type StoredProblem = [
  code: string,
  severity: GlossaryProblem['severity'],
  line: number,
  column: number,
  messageKey: string,
  params: Record<string, unknown>,
];

interface Payload {
  entries: StoredEntry[];
  problems: StoredProblem[];
}

export function glossaryCacheDir(workspaceDir: string): string {
  return path.join(workspaceDir, '.storyloc', 'cache', 'glossary');
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

let packageVersion: string | null | undefined;

/** The storyloc version: the first package.json named storyloc above this module (src/ or dist/src/). */
function storylocVersion(): string | null {
  if (packageVersion !== undefined) return packageVersion;
  packageVersion = null;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'storyloc' && typeof pkg.version === 'string') {
        packageVersion = pkg.version;
        break;
      }
    } catch {
      // not here: keep walking up
    }
    dir = path.dirname(dir);
  }
  return packageVersion;
}

let schemaHash: string | undefined;
function glossarySchemaHash(): string {
  return (schemaHash ??= sha256(JSON.stringify(glossarySchema)).slice(0, 16));
}

/**
 * The parse cache of a workspace; null when the storyloc version cannot be found (keying by an unknown
 * version could serve results from before an upgrade, so no cache at all).
 */
export function openGlossaryCache(workspaceDir: string, options: GlossaryCacheOptions = {}): GlossaryCache | null {
  const version = options.version ?? storylocVersion();
  if (version === null) return null;
  const writable = options.write ?? true;
  const dir = glossaryCacheDir(workspaceDir);
  const stats: GlossaryCacheStats = { hit: 0, absent: 0, stale: 0, corrupt: 0, written: 0, writeFailed: 0 };
  const relativeOf = (file: string): string => path.relative(workspaceDir, path.resolve(file));
  const fileFor = (file: string): string =>
    path.join(dir, `${sha256(relativeOf(file).split(path.sep).join('/')).slice(0, 24)}.json`);
  const covers = (file: string): boolean => {
    const relative = relativeOf(file);
    return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  };

  return {
    dir,
    stats,
    covers,
    fileFor,
    parse(file, bytes, parse) {
      const cacheFile = fileFor(file);
      const expected: Omit<CacheHeader, 'payload'> = {
        format: FORMAT,
        schema: GLOSSARY_CACHE_SCHEMA_VERSION,
        storyloc: version,
        glossarySchema: glossarySchemaHash(),
        file: relativeOf(file).split(path.sep).join('/'),
        source: sha256(bytes),
      };
      const cached = readCacheFile(cacheFile, expected, path.resolve(file));
      stats[cached.outcome]++;
      if (cached.parsed) return cached.parsed;
      const parsed = parse();
      if (writable) {
        try {
          writeCacheFile(cacheFile, expected, parsed);
          stats.written++;
        } catch {
          stats.writeFailed++;
        }
      }
      return parsed;
    },
    prune(files) {
      if (!writable) return;
      const keep = new Set(files.filter(covers).map((file) => path.basename(fileFor(file))));
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      const now = Date.now();
      for (const name of names) {
        const full = path.join(dir, name);
        try {
          if (name.endsWith('.tmp')) {
            if (now - statSync(full).mtimeMs > STALE_TEMP_MS) rmSync(full, { force: true });
          } else if (name.endsWith('.json') && !keep.has(name)) {
            rmSync(full, { force: true });
          }
        } catch {
          // another process pruned it first, or the folder is read-only: nothing to do
        }
      }
    },
  };
}

function writeCacheFile(cacheFile: string, expected: Omit<CacheHeader, 'payload'>, parsed: ParsedGlossaryFile): void {
  const payload: Payload = {
    entries: parsed.entries.map((entry): StoredEntry => {
      const points = parsed.positions.get(entry);
      return [
        entry.id,
        entry.type,
        entry.forms,
        entry.variants,
        entry.forbidden,
        entry.doNotTranslate,
        entry.caseSensitive,
        entry.line,
        entry.column ?? null,
        entry.hash,
        entry.caseSensitiveIn ?? null,
        entry.note ?? null,
        points ? Object.entries(points).flatMap(([part, point]) => [part, point.line, point.column]) : null,
      ];
    }),
    problems: parsed.problems.map(
      (problem): StoredProblem => [
        problem.code,
        problem.severity,
        problem.line,
        problem.column,
        problem.messageKey,
        problem.params,
      ],
    ),
  };
  const payloadBytes = Buffer.from(JSON.stringify(payload), 'utf8');
  const header: CacheHeader = { ...expected, payload: sha256(payloadBytes) };
  writeFileAtomicSync(cacheFile, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payloadBytes]));
}

function readCacheFile(
  cacheFile: string,
  expected: Omit<CacheHeader, 'payload'>,
  file: string,
): { outcome: GlossaryCacheOutcome; parsed?: ParsedGlossaryFile } {
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { outcome: code === 'ENOENT' || code === 'ENOTDIR' ? 'absent' : 'corrupt' };
  }
  try {
    const newline = data.indexOf(0x0a);
    if (newline < 0) return { outcome: 'corrupt' };
    const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as Partial<CacheHeader> | null;
    if (header === null || typeof header !== 'object' || header.format !== FORMAT) return { outcome: 'corrupt' };
    for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
      if (header[key] !== expected[key]) return { outcome: 'stale' };
    }
    const payloadBytes = data.subarray(newline + 1);
    if (typeof header.payload !== 'string' || sha256(payloadBytes) !== header.payload) return { outcome: 'corrupt' };
    return { outcome: 'hit', parsed: decodePayload(JSON.parse(payloadBytes.toString('utf8')) as unknown, file) };
  } catch {
    return { outcome: 'corrupt' };
  }
}

class MalformedCache extends Error {}

function fail(what: string): never {
  throw new MalformedCache(what);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integer(value: unknown, what: string): number {
  return Number.isInteger(value) ? (value as number) : fail(what);
}

function text(value: unknown, what: string): string {
  return typeof value === 'string' ? value : fail(what);
}

function flag(value: unknown, what: string): boolean {
  return typeof value === 'boolean' ? value : fail(what);
}

function stringsByLang(value: unknown, what: string): Partial<Record<Lang, string>> {
  if (!isRecord(value)) fail(what);
  for (const item of Object.values(value)) text(item, what);
  return value as Partial<Record<Lang, string>>;
}

function listsByLang(value: unknown, what: string): Partial<Record<Lang, string[]>> {
  if (!isRecord(value)) fail(what);
  for (const list of Object.values(value)) {
    if (!Array.isArray(list)) fail(what);
    for (const item of list) text(item, what);
  }
  return value as Partial<Record<Lang, string[]>>;
}

/**
 * The stored payload back as the parser returns it, with the same key order (a cached entry must
 * serialise exactly like a parsed one); throws MalformedCache on anything unexpected.
 */
function decodePayload(data: unknown, file: string): ParsedGlossaryFile {
  if (!isRecord(data) || !Array.isArray(data.entries) || !Array.isArray(data.problems)) fail('payload');
  const entries: GlossaryEntry[] = [];
  const positions: EntryPositions = new Map();
  for (const stored of data.entries as unknown[]) {
    if (!Array.isArray(stored) || stored.length !== 13) fail('entry');
    const [
      id,
      type,
      forms,
      variants,
      forbidden,
      doNotTranslate,
      caseSensitive,
      line,
      column,
      hash,
      caseSensitiveIn,
      note,
      points,
    ] = stored as unknown[];
    // the keys in the order parseGlossaryFile writes them
    const entry: Omit<GlossaryEntry, 'hash'> = {
      id: text(id, 'id'),
      type: text(type, 'type') as TermType,
      forms: stringsByLang(forms, 'forms'),
      variants: listsByLang(variants, 'variants'),
      forbidden: listsByLang(forbidden, 'forbidden'),
      doNotTranslate: flag(doNotTranslate, 'doNotTranslate'),
      caseSensitive: flag(caseSensitive, 'caseSensitive'),
      file,
      line: integer(line, 'line'),
    };
    if (column !== null) entry.column = integer(column, 'column');
    if (caseSensitiveIn !== null) {
      if (!isRecord(caseSensitiveIn)) fail('caseSensitiveIn');
      for (const value of Object.values(caseSensitiveIn)) flag(value, 'caseSensitiveIn');
      entry.caseSensitiveIn = caseSensitiveIn as Partial<Record<Lang, boolean>>;
    }
    if (note !== null) entry.note = text(note, 'note');
    const full: GlossaryEntry = { ...entry, hash: text(hash, 'hash') };
    entries.push(full);
    if (points !== null) {
      if (!Array.isArray(points) || points.length % 3 !== 0) fail('positions');
      const record: Record<string, SourcePoint> = {};
      for (let i = 0; i < points.length; i += 3) {
        record[text(points[i], 'position')] = {
          line: integer(points[i + 1], 'position'),
          column: integer(points[i + 2], 'position'),
        };
      }
      positions.set(full, record);
    }
  }
  const problems = (data.problems as unknown[]).map((stored): GlossaryProblem => {
    if (!Array.isArray(stored) || stored.length !== 6) fail('problem');
    const [code, severity, line, column, messageKey, params] = stored as unknown[];
    if (!isRecord(params)) fail('params');
    return {
      code: errorCode(text(code, 'code')) ?? fail('code'),
      severity: severity === 'error' || severity === 'warning' ? severity : fail('severity'),
      file,
      line: integer(line, 'line'),
      column: integer(column, 'column'),
      // written by this version of storyloc (the cache is keyed by it): a catalog key
      messageKey: text(messageKey, 'messageKey') as MessageKey,
      params,
    };
  });
  return { entries, problems, positions };
}
