/**
 * Reading the termbase: every `glossary/*.yaml` (and `*.yml`) file of the workspace, in name order,
 * merged into one Termbase. Problems in the files are values (GlossaryProblem) with file, line and
 * column; only a file that cannot be read at all throws (exit code 2).
 *
 * Validation is the published JSON Schema (ajv); ajv's instance paths are mapped back to YAML nodes
 * and their ranges to line/column with yaml's LineCounter. An entry with a schema error is left out of
 * the termbase (the rest of the file still loads, so lint can report everything in one run).
 */
import { refuseSymlinkOutside } from '../config/symlinks.js';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { inputError, type ErrorCode } from '../errors.js';
import type { MessageKey } from '../i18n/catalogs.js';
import { supportedLanguages, type Lang } from '../languages.js';
import type { ResolvedConfig } from '../config/types.js';
import { openGlossaryCache, type GlossaryCache } from './cache.js';
import { entryHash } from './hash.js';
import { glossarySchema } from './schema.js';
import type {
  EntryPositions,
  GlossaryEntry,
  GlossaryProblem,
  ParsedGlossaryFile,
  SourcePoint,
  TermType,
  Termbase,
} from './types.js';

export type { EntryPositions, ParsedGlossaryFile, SourcePoint } from './types.js';

export interface LoadedTermbase {
  termbase: Termbase;
  /** YAML and schema problems (lint adds the rest) */
  problems: GlossaryProblem[];
  positions: EntryPositions;
}

let validator: ValidateFunction | undefined;
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    // ajv is loaded only when a glossary file is parsed (a run whose glossary cache is current never is)
    const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
    validator = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(glossarySchema);
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/** The glossary files of a folder: `*.yaml` and `*.yml`, sorted by name; none when it does not exist. */
export function listGlossaryFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw inputError('glossary.unreadable', 'glossary:error.unreadable', {
      file: dir,
      detail: (error as Error).message,
    });
  }
  return names
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

export interface WorkspaceLoadOptions {
  /**
   * false: read the workspace's parse cache (`.storyloc/cache/glossary/`) but never write it, for runs
   * that promise to write nothing (`translate --dry-run`). Default true.
   */
  writeCache?: boolean;
  /** a parse cache to use instead of the workspace's own (tests, bench); null: parse every file */
  cache?: GlossaryCache | null;
}

/**
 * Loads the workspace termbase (`paths.glossary/*.yaml`), or the given files instead. Files inside the
 * workspace (one with a config file) go through its parse cache (see cache.ts): the result is the
 * same, only faster.
 */
export function loadWorkspaceTermbase(
  config: ResolvedConfig,
  files?: readonly string[],
  options: WorkspaceLoadOptions = {},
): LoadedTermbase {
  const wholeFolder = !files || files.length === 0;
  const chosen = wholeFolder
    ? listGlossaryFiles(config.paths.glossary)
    : files.map((file) => path.resolve(config.workspaceDir, file));
  // a glossary file or folder linked from outside the workspace is refused like an article (config/symlinks.ts)
  for (const file of chosen) refuseSymlinkOutside(config, file);
  // no config file, no workspace (`glossary lint` in any folder): nothing of ours to write into
  const cache =
    options.cache !== undefined
      ? options.cache
      : config.configFile === null
        ? null
        : openGlossaryCache(config.workspaceDir, { write: options.writeCache ?? true });
  // its parse cache entries too: a cache file linked outside would be read in place of the glossary file
  if (cache) for (const file of chosen) if (cache.covers(file)) refuseSymlinkOutside(config, cache.fileFor(file));
  const loaded = readTermbaseFiles(chosen, cache ? { cache } : {});
  // the whole folder was read: cache files of glossary files that are gone can go too
  if (wholeFolder) cache?.prune(chosen);
  return loaded;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a glossary file, or the problem that stops it being read as YAML: a NUL byte (binary, or
 * UTF-16 as some Windows editors save) or bytes that are not UTF-8. Positioned at the first bad byte.
 */
function decodeGlossaryBytes(bytes: Uint8Array, file: string): { text: string } | { problem: GlossaryProblem } {
  const nul = bytes.indexOf(0);
  let bad = -1;
  let messageKey: MessageKey = 'glossary:problem.binary';
  if (nul < 0) {
    try {
      return { text: strictUtf8.decode(bytes) };
    } catch {
      messageKey = 'glossary:problem.encoding';
      bad = new TextDecoder('utf-8').decode(bytes).indexOf('\uFFFD');
    }
  }
  let line: number;
  let column: number;
  if (nul >= 0) {
    // not text: line and column in bytes
    const before = bytes.subarray(0, nul);
    line = before.filter((byte) => byte === 0x0a).length + 1;
    column = nul - (before.lastIndexOf(0x0a) + 1) + 1;
  } else {
    const before = new TextDecoder('utf-8').decode(bytes).slice(0, Math.max(bad, 0));
    line = before.split('\n').length;
    column = before.length - (before.lastIndexOf('\n') + 1) + 1;
  }
  return { problem: { code: 'glossary.encoding', severity: 'error', file, line, column, messageKey, params: {} } };
}

/**
 * Reads and merges files; the same file given twice (even by another path or a symlink) is read once.
 * With a cache, the files it covers are parsed only when their bytes changed.
 */
export function readTermbaseFiles(files: readonly string[], options: { cache?: GlossaryCache } = {}): LoadedTermbase {
  const seen = new Set<string>();
  const parsed: ParsedGlossaryFile[] = [];
  const unreadable: GlossaryProblem[] = [];
  const order: string[] = [];
  const { cache } = options;
  for (const file of files) {
    let real: string;
    let bytes: Buffer;
    try {
      real = realpathSync(file);
      if (seen.has(real)) continue;
      bytes = readFileSync(real);
    } catch (error) {
      throw inputError('glossary.unreadable', 'glossary:error.unreadable', {
        file,
        detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      });
    }
    seen.add(real);
    const resolved = path.resolve(file);
    order.push(resolved);
    const decoded = decodeGlossaryBytes(bytes, resolved);
    if ('problem' in decoded) unreadable.push(decoded.problem);
    else if (cache?.covers(resolved))
      parsed.push(cache.parse(resolved, bytes, () => parseGlossaryFile(decoded.text, resolved)));
    else parsed.push(parseGlossaryFile(decoded.text, resolved));
  }
  const loaded = mergeParsedFiles(parsed);
  loaded.problems.push(...unreadable);
  // every file read, in the order given (the ones that could not be decoded too: lint counts them)
  loaded.termbase.files = order;
  return loaded;
}

/** Merges already-read files (tests, stdin). */
export function parseTermbaseTexts(texts: ReadonlyArray<{ file: string; text: string }>): LoadedTermbase {
  const loaded = mergeParsedFiles(texts.map(({ file, text }) => parseGlossaryFile(text, file)));
  loaded.termbase.files = texts.map((t) => t.file);
  return loaded;
}

/** One termbase from parsed files, in order; `files` is left for the caller to fill in. */
function mergeParsedFiles(files: readonly ParsedGlossaryFile[]): LoadedTermbase {
  const entries: GlossaryEntry[] = [];
  const problems: GlossaryProblem[] = [];
  const positions: EntryPositions = new Map();
  for (const parsed of files) {
    for (const entry of parsed.entries) entries.push(entry);
    for (const problem of parsed.problems) problems.push(problem);
    for (const [entry, points] of parsed.positions) positions.set(entry, points);
  }
  const byId = new Map<string, GlossaryEntry>();
  for (const entry of entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return { termbase: { entries, byId, files: [] }, problems, positions };
}

interface RawEntry {
  id: string;
  type: TermType;
  forms: Record<string, string>;
  variants?: Record<string, string[]>;
  forbidden?: Record<string, string[]>;
  doNotTranslate?: boolean;
  caseSensitive?: boolean | Record<string, boolean>;
  note?: string;
}

/** Parses one file: its entries, and its YAML/schema problems. */
export function parseGlossaryFile(text: string, file: string): ParsedGlossaryFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourcePoint => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const problem = (
    code: ErrorCode,
    offset: number,
    messageKey: MessageKey,
    params: Record<string, unknown>,
  ): GlossaryProblem => ({
    code,
    severity: 'error',
    file,
    ...at(offset),
    messageKey,
    params,
  });
  if (doc.errors.length > 0) {
    // the first error only: the ones after it are mostly its echoes
    const first = doc.errors[0]!;
    return {
      entries: [],
      problems: [
        problem('glossary.yaml', first.pos[0], 'glossary:problem.yaml', { detail: first.message.split('\n')[0] }),
      ],
      positions: new Map(),
    };
  }
  const data: unknown = doc.toJS() ?? {};
  const problems = validate(data)
    .flatMap((error) => schemaProblem(error, doc, file, at))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  // entries with an error inside are left out; an error above the entries leaves the whole file out
  const badEntries = new Set<number>();
  let fileUnusable = false;
  for (const p of problems) {
    const index = (p.params as { entryIndex?: number }).entryIndex;
    if (index === undefined) fileUnusable = true;
    else badEntries.add(index);
  }
  const entries: GlossaryEntry[] = [];
  const positions: EntryPositions = new Map();
  const entriesNode = doc.get('entries', true) as Node | undefined;
  const rawEntries = (data as { entries?: unknown }).entries;
  if (fileUnusable || !isSeq(entriesNode) || !Array.isArray(rawEntries)) return { entries, problems, positions };
  rawEntries.forEach((raw: RawEntry, index) => {
    if (badEntries.has(index)) return;
    const node = entriesNode.items[index] as Node;
    const start = at(node.range?.[0] ?? 0);
    const caseSensitive = typeof raw.caseSensitive === 'boolean' ? raw.caseSensitive : false;
    const entry: Omit<GlossaryEntry, 'hash'> = {
      id: raw.id,
      type: raw.type,
      forms: raw.forms as Partial<Record<Lang, string>>,
      variants: (raw.variants ?? {}) as Partial<Record<Lang, string[]>>,
      forbidden: (raw.forbidden ?? {}) as Partial<Record<Lang, string[]>>,
      doNotTranslate: raw.doNotTranslate ?? false,
      caseSensitive,
      file,
      line: start.line,
      column: start.column,
    };
    if (raw.caseSensitive !== undefined && typeof raw.caseSensitive === 'object') {
      entry.caseSensitiveIn = raw.caseSensitive as Partial<Record<Lang, boolean>>;
    }
    if (raw.note !== undefined) entry.note = raw.note;
    const full: GlossaryEntry = { ...entry, hash: entryHash(entry) };
    entries.push(full);
    positions.set(full, formPositions(node, at));
  });
  return { entries, problems, positions };
}

/** "forms.en" → position of the value, for every form, variant and forbidden form of an entry node */
function formPositions(entryNode: Node, at: (offset: number) => SourcePoint): Record<string, SourcePoint> {
  const points: Record<string, SourcePoint> = {};
  if (!isMap(entryNode)) return points;
  for (const group of ['forms', 'variants', 'forbidden']) {
    const groupNode = entryNode.get(group, true) as Node | undefined;
    if (!isMap(groupNode)) continue;
    for (const pair of groupNode.items as Pair<Node, Node>[]) {
      const lang = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (isSeq(value)) {
        value.items.forEach((item, i) => {
          const range = (item as Node).range;
          if (range) points[`${group}.${lang}.${i}`] = at(range[0]);
        });
      } else if (value?.range) {
        points[`${group}.${lang}`] = at(value.range[0]);
      }
    }
  }
  return points;
}

function pathSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** entries[3].forms.en */
function readablePath(segments: readonly string[]): string {
  let out = '';
  for (const segment of segments) out += /^\d+$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out === '' ? '(top level)' : out;
}

function nodeAt(doc: Document, segments: readonly string[]): Node | undefined {
  if (segments.length === 0) return doc.contents ?? undefined;
  const keys = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return doc.getIn(keys, true) as Node | undefined;
}

function keyNodeOf(mapNode: Node | undefined, key: string): Node | undefined {
  if (!isMap(mapNode)) return undefined;
  for (const pair of mapNode.items as Pair<Node, Node>[]) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}

/** a value as the user wrote it: strings as they are, anything else as JSON (`[1,2]`, not `1,2`) */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

function schemaProblem(
  error: ErrorObject,
  doc: Document,
  file: string,
  at: (offset: number) => SourcePoint,
): GlossaryProblem[] {
  const segments = pathSegments(error.instancePath);
  const entryIndex =
    segments[0] === 'entries' && segments[1] !== undefined && /^\d+$/.test(segments[1])
      ? Number(segments[1])
      : undefined;
  let node = nodeAt(doc, segments);
  const where = readablePath(segments);
  let messageKey: MessageKey;
  let params: Record<string, unknown>;
  // oneOf (caseSensitive: boolean or map) also reports each branch's failure: keep only the summary
  if (error.keyword === 'type' && error.schemaPath.includes('/oneOf/')) return [];
  if (error.keyword === 'propertyNames') return []; // the enum error of the name says it better
  if (error.propertyName !== undefined) {
    node = keyNodeOf(node, error.propertyName) ?? node;
    messageKey = 'glossary:schema.language';
    params = { where, code: error.propertyName, expected: supportedLanguages.join(', ') };
  } else {
    switch (error.keyword) {
      case 'required':
        messageKey = 'glossary:schema.required';
        params = { where, property: (error.params as { missingProperty: string }).missingProperty };
        break;
      case 'additionalProperties': {
        const property = (error.params as { additionalProperty: string }).additionalProperty;
        node = keyNodeOf(node, property) ?? node;
        const allowed = Object.keys(
          (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
        ).join(', ');
        messageKey = 'glossary:schema.unknownProperty';
        params = { where, property, expected: allowed };
        break;
      }
      case 'type':
        messageKey = 'glossary:schema.type';
        params = { where, expected: (error.params as { type: string }).type };
        break;
      case 'enum':
        messageKey = 'glossary:schema.enum';
        params = {
          where,
          value: shown(error.data),
          expected: ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', '),
        };
        break;
      case 'pattern':
        messageKey = 'glossary:schema.id';
        params = { where, value: shown(error.data) };
        break;
      case 'const':
        messageKey = 'glossary:schema.version';
        params = { where, value: shown(error.data) };
        break;
      case 'minProperties':
        messageKey = 'glossary:schema.noForms';
        params = { where };
        break;
      case 'oneOf':
        messageKey = 'glossary:schema.caseSensitive';
        params = { where };
        break;
      default:
        messageKey = 'glossary:schema.other';
        params = { where, detail: error.message ?? error.keyword };
    }
  }
  if (entryIndex !== undefined) params.entryIndex = entryIndex;
  const point = at(node?.range?.[0] ?? 0);
  return [
    { code: 'glossary.schema', severity: 'error', file, line: point.line, column: point.column, messageKey, params },
  ];
}
