/**
 * YAML front matter: found between `---` fences at the top of the file, parsed with `yaml` keeping
 * node ranges, so selected values become segments that are spliced back without touching key order,
 * comments or any other byte.
 */
import { LineCounter, parseDocument, isMap, isScalar, Scalar, type Document, type Node } from 'yaml';
import { inputError } from '../errors.js';
import type { FrontMatter } from '../segments/types.js';

export interface FrontMatterBlock extends FrontMatter {
  /** offset where the Markdown body starts (after the closing fence line) */
  bodyStart: number;
  document: Document;
}

const openingFence = /^---[ \t]*\r?\n/;

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
    throw inputError('article.frontMatterUnterminated', 'articles:frontMatterUnterminated', { file }, { file, line: 1, column: 1 });
  }
  const raw = text.slice(start, end);
  const lineCounter = new LineCounter();
  const document = parseDocument(raw, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const position = lineCounter.linePos(error.pos[0]);
    // line numbers in the file: the YAML starts on line 2 (after the opening fence)
    const fileLine = text.slice(0, start).split('\n').length - 1 + position.line;
    throw inputError('article.frontMatterYaml', 'articles:frontMatterYaml', { detail: error.message.split('\n')[0] }, { file, line: fileLine, column: position.col });
  }
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    throw inputError('article.frontMatterNotMap', 'articles:frontMatterNotMap', {}, { file, line: 2, column: 1 });
  }
  const data = (document.toJS() ?? {}) as Record<string, unknown>;
  return { raw, start, end, data, bodyStart, document };
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
  const contents = block.document.contents;
  if (!isMap(contents)) return [];
  const values: FrontMatterValue[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    const valueNode = pair.value as Node | null;
    if (!isScalar(keyNode) || !isScalar(valueNode)) continue;
    const key = String(keyNode.value);
    if (!keys.includes(key) || typeof valueNode.value !== 'string' || !valueNode.range) continue;
    values.push({
      key,
      value: valueNode.value,
      start: block.start + valueNode.range[0],
      end: block.start + valueNode.range[1],
      scalarType: valueNode.type,
    });
  }
  return values;
}

/** Renders a translated value as a YAML scalar in the original style where that style can hold it. */
export function renderYamlScalar(value: string, style: Scalar.Type | undefined): string {
  const plainSafe = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#\n]*$/.test(value) && !/:\s|\s$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?\d)/i.test(value);
  if (style === 'PLAIN' && plainSafe) return value;
  if (style === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  // JSON strings are valid YAML double-quoted scalars
  return JSON.stringify(value);
}

/** The `lang` value's source range, to set the target language in the output. */
export function langValueRange(block: FrontMatterBlock): { start: number; end: number } | null {
  const contents = block.document.contents;
  if (!isMap(contents)) return null;
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    const valueNode = pair.value as Node | null;
    if (isScalar(keyNode) && keyNode.value === 'lang' && isScalar(valueNode) && valueNode.range) {
      return { start: block.start + valueNode.range[0], end: block.start + valueNode.range[1] };
    }
  }
  return null;
}
