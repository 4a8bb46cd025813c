/**
 * YAML front matter: found between `---` fences at the top of the file, parsed with `yaml` keeping
 * node ranges, so selected values become segments that are spliced back without touching key order,
 * comments or any other byte.
 */
import { createRequire } from 'node:module';
import type { Scalar, Document, Node } from 'yaml';
import { inputError } from '../errors.js';
import { parseSimpleFrontMatter } from './simple-yaml.js';
import type { FrontMatter } from '../segments/types.js';

/** A top-level scalar value of the front matter, with its source range in the file. */
export interface TopLevelScalar {
  key: string;
  value: unknown;
  start: number;
  end: number;
  scalarType: Scalar.Type | undefined;
}

export interface FrontMatterBlock extends FrontMatter {
  /** offset where the Markdown body starts (after the closing fence line) */
  bodyStart: number;
  /** top-level keys whose values are scalars, in file order */
  scalars: TopLevelScalar[];
}

const openingFence = /^---[ \t]*\r?\n/;

/**
 * The YAML parser, loaded the first time front matter needs it: the simple reader (simple-yaml.ts) takes
 * nearly every story, and a process that never meets unusual front matter (a `roundtrip` worker thread)
 * does not pay for loading it (a third of its start).
 */
let yaml: typeof import('yaml') | undefined;
const yamlParser = (): typeof import('yaml') =>
  (yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** Finds and parses front matter; null when the file does not start with `---`. */
export function readFrontMatter(text: string, file: string): FrontMatterBlock | null {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const opening = openingFence.exec(text.slice(bomLength, bomLength + 8));
  if (!opening) return null;
  const start = bomLength + opening[0].length;
  // the closing fence: the first line that is exactly `---` or `...`
  let end = -1;
  let bodyStart = -1;
  for (let lineStart = start; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (/^(?:---|\.\.\.)[ \t]*\r?$/.test(text.slice(lineStart, lineEnd))) {
      end = lineStart;
      bodyStart = Math.min(lineEnd + 1, text.length);
      break;
    }
    lineStart = lineEnd + 1;
  }
  if (end === -1) {
    throw inputError(
      'article.frontMatterUnterminated',
      'articles:frontMatterUnterminated',
      { file },
      { file, line: 1, column: 1 },
    );
  }
  const raw = text.slice(start, end);
  const simple = parseSimpleFrontMatter(raw);
  if (simple !== null) {
    const data: Record<string, unknown> = {};
    for (const entry of simple) data[entry.key] = entry.value;
    const scalars = simple.map((entry) => ({
      key: entry.key,
      value: entry.value,
      start: start + entry.start,
      end: start + entry.end,
      scalarType: entry.scalarType as Scalar.Type,
    }));
    return { raw, start, end, data, bodyStart, scalars };
  }
  const { LineCounter, parseDocument, isMap } = yamlParser();
  const lineCounter = new LineCounter();
  const document = parseDocument(raw, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const position = lineCounter.linePos(error.pos[0]);
    // line numbers in the file: the YAML starts on line 2 (after the opening fence)
    const fileLine = text.slice(0, start).split('\n').length - 1 + position.line;
    throw inputError(
      'article.frontMatterYaml',
      'articles:frontMatterYaml',
      { detail: error.message.split('\n')[0] },
      { file, line: fileLine, column: position.col },
    );
  }
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    throw inputError('article.frontMatterNotMap', 'articles:frontMatterNotMap', {}, { file, line: 2, column: 1 });
  }
  const data = (document.toJS() ?? {}) as Record<string, unknown>;
  return { raw, start, end, data, bodyStart, scalars: topLevelScalars(document, start) };
}

/**
 * The front matter's `lang` value, read before the article is parsed (it picks the sentence rules).
 * Only the front matter is read: a `lang:` line in the body is text. Broken front matter throws the
 * error parsing would.
 */
export function frontMatterLanguage(text: string, file: string): string | undefined {
  const lang = readFrontMatter(text, file)?.data.lang;
  return typeof lang === 'string' ? lang : undefined;
}

function topLevelScalars(document: Document, offset: number): TopLevelScalar[] {
  const { isMap, isScalar } = yamlParser();
  const contents = document.contents;
  if (!isMap(contents)) return [];
  const scalars: TopLevelScalar[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    const valueNode = pair.value as Node | null;
    if (!isScalar(keyNode) || !isScalar(valueNode) || !valueNode.range) continue;
    scalars.push({
      key: String(keyNode.value),
      value: valueNode.value,
      start: offset + valueNode.range[0],
      end: offset + valueNode.range[1],
      scalarType: valueNode.type,
    });
  }
  return scalars;
}

export interface FrontMatterValue {
  key: string;
  value: string;
  /** offsets of the scalar's source text in the file */
  start: number;
  end: number;
  scalarType: Scalar.Type | undefined;
}

/** The top-level string values of the given keys, with their exact source ranges. */
export function frontMatterValues(block: FrontMatterBlock, keys: readonly string[]): FrontMatterValue[] {
  const values: FrontMatterValue[] = [];
  for (const scalar of block.scalars) {
    if (!keys.includes(scalar.key) || typeof scalar.value !== 'string') continue;
    values.push({
      key: scalar.key,
      value: scalar.value,
      start: scalar.start,
      end: scalar.end,
      scalarType: scalar.scalarType,
    });
  }
  return values;
}

/** Renders a translated value as a YAML scalar in the original style where that style can hold it. */
export function renderYamlScalar(value: string, style: Scalar.Type | undefined): string {
  const plainSafe =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#\n]*$/.test(value) &&
    !/:\s|\s$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|~|[-+]?\d)/i.test(value);
  if (style === 'PLAIN' && plainSafe) return value;
  if (style === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  // JSON strings are valid YAML double-quoted scalars
  return JSON.stringify(value);
}

/** The `lang` value's source range, to set the target language in the output. */
export function langValueRange(block: FrontMatterBlock): { start: number; end: number } | null {
  const lang = block.scalars.find((scalar) => scalar.key === 'lang');
  return lang ? { start: lang.start, end: lang.end } : null;
}
