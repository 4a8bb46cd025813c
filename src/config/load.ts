/**
 * Finds and validates `storyloc.config.yaml`. Every problem is reported with file, line and column and
 * what was expected, before any work starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node, type Document } from 'yaml';
import { inputError } from '../errors.js';
import { isSupportedLanguage, supportedLanguages, type Lang } from '../languages.js';
import type { EngineName, ResolvedConfig, Severity } from './types.js';
import { DEFAULT_ARTICLE_LIMITS } from './limits.js';
import { refuseConfigLinkOutside } from './symlinks.js';
import type { MessageKey } from '../i18n/catalogs.js';

export const CONFIG_FILE_NAME = 'storyloc.config.yaml';

// the default limits live in limits.ts (read by the segmenter without this module's YAML parser)
export { DEFAULT_ARTICLE_LIMITS };

export function defaultConfig(workspaceDir: string): ResolvedConfig {
  return {
    workspaceDir,
    configFile: null,
    sourceLanguages: ['en', 'ko'],
    targetLanguages: ['it'],
    paths: {
      articles: path.join(workspaceDir, 'articles'),
      glossary: path.join(workspaceDir, 'glossary'),
      output: path.join(workspaceDir, 'output'),
      allowSymlinksOutside: false,
    },
    limits: { ...DEFAULT_ARTICLE_LIMITS },
    frontMatterKeys: ['title', 'summary'],
    engine: {
      default: 'auto',
      deepl: {
        authKeyEnv: 'DEEPL_AUTH_KEY',
        serverUrl: null,
        formality: 'default',
        sendContext: true,
        timeoutMs: 30_000,
      },
      apertium: { command: 'apertium' },
    },
    queue: {
      concurrency: 4,
      requestsPerSecond: 10,
      maxTextsPerRequest: 50,
      maxBytesPerRequest: 128 * 1024,
      // A short first pause and many doublings: an isolated 429 costs ~0.1 s (bench: api_wall_ratio_429),
      // a lasting one is ridden out for up to ~80 s before the run stops.
      maxRetries: 10,
      backoffBaseMs: 100,
      backoffMaxMs: 30_000,
    },
    check: { severities: {} },
  };
}

/** Walks up from `startDir` to the first folder holding storyloc.config.yaml. */
export function findWorkspace(startDir: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE_NAME))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Loads the workspace config: from `--workspace DIR` when given, else found from `cwd` upwards.
 * A workspace without a config file is refused (so a typo in a path never writes outputs elsewhere).
 */
export function loadConfig(options: { workspace?: string | undefined; cwd?: string } = {}): ResolvedConfig {
  const cwd = options.cwd ?? process.cwd();
  let workspaceDir: string | null;
  if (options.workspace !== undefined) {
    workspaceDir = path.resolve(cwd, options.workspace);
    if (!existsSync(path.join(workspaceDir, CONFIG_FILE_NAME))) {
      throw inputError('config.notFound', 'config:notFoundIn', { dir: workspaceDir, name: CONFIG_FILE_NAME });
    }
  } else {
    workspaceDir = findWorkspace(cwd);
    if (workspaceDir === null)
      throw inputError('config.notFound', 'config:notFound', { dir: cwd, name: CONFIG_FILE_NAME });
  }
  const file = path.join(workspaceDir, CONFIG_FILE_NAME);
  refuseConfigLinkOutside(workspaceDir, file);
  return parseConfig(readFileSync(file, 'utf8'), file, workspaceDir);
}

type Validator = (node: Node | null | undefined, where: string) => unknown;

/** Parses and validates config text. Exported for tests. */
export function parseConfig(text: string, file: string, workspaceDir: string): ResolvedConfig {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0]);
    throw inputError(
      'config.yaml',
      'config:invalidYaml',
      { detail: firstError.message.split('\n')[0] },
      { file, line: pos.line, column: pos.col },
    );
  }
  const config = defaultConfig(workspaceDir);
  config.configFile = file;
  if (doc.contents === null) return config;

  const validators = configValidators(lineCounter, file, workspaceDir);
  applyConfigDocument(doc.contents as Node, config, validators);
  for (const target of config.targetLanguages) {
    if (config.sourceLanguages.includes(target)) {
      validators.fail(doc.contents as Node, 'config:sameLanguage', { code: target });
    }
  }
  return config;
}

/** The typed readers of config values; each throws an input error naming the file, line and column. */
function configValidators(lineCounter: LineCounter, file: string, workspaceDir: string) {
  const fail = (node: Node | null | undefined, key: MessageKey, params: Record<string, unknown>): never => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    throw inputError('config.invalid', key, params, { file, line: pos.line, column: pos.col });
  };
  const mapEntries = (node: Node | null | undefined, where: string, allowed: Record<string, Validator>): void => {
    if (!isMap(node)) fail(node, 'config:expectedMap', { where });
    for (const pair of (node as import('yaml').YAMLMap).items) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      const validator = allowed[key];
      if (!validator)
        fail(keyNode, 'config:unknownKey', {
          key: where ? `${where}.${key}` : key,
          expected: Object.keys(allowed).join(', '),
        });
      validator!(pair.value as Node, where ? `${where}.${key}` : key);
    }
  };
  const str = (node: Node | null | undefined, where: string): string => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '')
      fail(node, 'config:expectedString', { where });
    return (node as import('yaml').Scalar<string>).value;
  };
  const num =
    (min: number, max: number) =>
    (node: Node | null | undefined, where: string): number => {
      if (
        !isScalar(node) ||
        typeof node.value !== 'number' ||
        !Number.isFinite(node.value) ||
        node.value < min ||
        node.value > max
      ) {
        fail(node, 'config:expectedNumber', { where, min, max });
      }
      return (node as import('yaml').Scalar<number>).value;
    };
  const bool = (node: Node | null | undefined, where: string): boolean => {
    if (!isScalar(node) || typeof node.value !== 'boolean') fail(node, 'config:expectedBoolean', { where });
    return (node as import('yaml').Scalar<boolean>).value;
  };
  const oneOf =
    <T extends string>(values: readonly T[]) =>
    (node: Node | null | undefined, where: string): T => {
      if (!isScalar(node) || !values.includes(node.value as T))
        fail(node, 'config:expectedOneOf', { where, expected: values.join(', ') });
      return (node as import('yaml').Scalar<T>).value;
    };
  const lang = (node: Node | null | undefined, where: string): Lang => {
    const code = str(node, where);
    if (!isSupportedLanguage(code))
      fail(node, 'config:unsupportedLanguage', { where, code, expected: supportedLanguages.join(', ') });
    return code as Lang;
  };
  const list =
    <T>(item: (node: Node | null | undefined, where: string) => T) =>
    (node: Node | null | undefined, where: string): T[] => {
      if (isScalar(node) && typeof node.value === 'string') return [item(node, where)];
      if (!isSeq(node) || node.items.length === 0) fail(node, 'config:expectedList', { where });
      return (node as import('yaml').YAMLSeq).items.map((child) => item(child as Node, where));
    };
  const relPath = (node: Node | null | undefined, where: string): string => {
    const value = str(node, where);
    const resolved = path.resolve(workspaceDir, value);
    const rel = path.relative(workspaceDir, resolved);
    if (rel.startsWith('..') || path.isAbsolute(rel)) fail(node, 'config:pathOutside', { where, path: value });
    return resolved;
  };
  return { fail, mapEntries, str, num, bool, oneOf, lang, list, relPath };
}

type ConfigValidators = ReturnType<typeof configValidators>;

/** Reads the document's keys into `config`: the config file's schema, one validator per key. */
function applyConfigDocument(root: Node, config: ResolvedConfig, validators: ConfigValidators): void {
  const { fail, mapEntries, str, num, bool, oneOf, lang, list, relPath } = validators;
  mapEntries(root, '', {
    sourceLanguages: (n, w) => (config.sourceLanguages = list(lang)(n, w)),
    targetLanguages: (n, w) => (config.targetLanguages = list(lang)(n, w)),
    paths: (n, w) =>
      mapEntries(n, w, {
        articles: (c, cw) => (config.paths.articles = relPath(c, cw)),
        glossary: (c, cw) => (config.paths.glossary = relPath(c, cw)),
        output: (c, cw) => (config.paths.output = relPath(c, cw)),
        allowSymlinksOutside: (c, cw) => (config.paths.allowSymlinksOutside = bool(c, cw)),
      }),
    limits: (n, w) =>
      mapEntries(n, w, {
        maxBlockChars: (c, cw) => (config.limits.maxBlockChars = num(0, 100_000_000)(c, cw)),
        maxNestingDepth: (c, cw) => (config.limits.maxNestingDepth = num(0, 10_000)(c, cw)),
      }),
    frontMatterKeys: (n, w) => (config.frontMatterKeys = list(str)(n, w)),
    engine: (n, w) =>
      mapEntries(n, w, {
        default: (c, cw) =>
          (config.engine.default = oneOf<EngineName | 'auto'>(['auto', 'deepl', 'apertium', 'pseudo', 'none'])(c, cw)),
        deepl: (c, cw) =>
          mapEntries(c, cw, {
            authKeyEnv: (d, dw) => (config.engine.deepl.authKeyEnv = str(d, dw)),
            serverUrl: (d, dw) => (config.engine.deepl.serverUrl = str(d, dw)),
            formality: (d, dw) =>
              (config.engine.deepl.formality = oneOf([
                'default',
                'more',
                'less',
                'prefer_more',
                'prefer_less',
              ] as const)(d, dw)),
            sendContext: (d, dw) => (config.engine.deepl.sendContext = bool(d, dw)),
            timeoutMs: (d, dw) => (config.engine.deepl.timeoutMs = num(100, 600_000)(d, dw)),
          }),
        apertium: (c, cw) =>
          mapEntries(c, cw, {
            command: (d, dw) => (config.engine.apertium.command = str(d, dw)),
          }),
      }),
    queue: (n, w) =>
      mapEntries(n, w, {
        concurrency: (c, cw) => (config.queue.concurrency = num(1, 64)(c, cw)),
        requestsPerSecond: (c, cw) => (config.queue.requestsPerSecond = num(0.1, 1000)(c, cw)),
        maxTextsPerRequest: (c, cw) => (config.queue.maxTextsPerRequest = num(1, 50)(c, cw)),
        // more than the 1 KiB of each request reserved for its other fields
        maxBytesPerRequest: (c, cw) => (config.queue.maxBytesPerRequest = num(1025, 128 * 1024)(c, cw)),
        maxRetries: (c, cw) => (config.queue.maxRetries = num(0, 20)(c, cw)),
        backoffBaseMs: (c, cw) => (config.queue.backoffBaseMs = num(1, 60_000)(c, cw)),
        backoffMaxMs: (c, cw) => (config.queue.backoffMaxMs = num(1, 600_000)(c, cw)),
      }),
    check: (n, w) =>
      mapEntries(n, w, {
        severities: (c, cw) => {
          if (!isMap(c)) fail(c, 'config:expectedMap', { where: cw });
          for (const pair of (c as import('yaml').YAMLMap).items) {
            const rule = String((pair.key as import('yaml').Scalar).value);
            config.check.severities[rule] = oneOf<Severity>(['error', 'warning', 'off'])(
              pair.value as Node,
              `${cw}.${rule}`,
            );
          }
        },
      }),
  });
}
