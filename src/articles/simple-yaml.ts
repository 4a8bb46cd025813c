/**
 * A fast path for the front matter newsrooms actually write: one `key: value` per line with plain,
 * single- or double-quoted scalars and comments. The `yaml` library parses such a block at ~1 MB/s,
 * which made front matter a fifth of segmentation time; this reads it in one pass.
 *
 * It only accepts what it can read exactly as YAML 1.2 (core schema) would, and returns null for
 * anything else (nested maps, lists, flow collections, anchors, tags, block scalars, multi-line values,
 * escapes JSON does not share, duplicate keys), so the real parser decides there, errors included.
 * A test checks that both agree on every front matter of the fixtures and the bench corpus.
 */

export type SimpleScalarType = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

export interface SimpleEntry {
  key: string;
  value: string | number | boolean | null;
  /** offsets of the value's source text within the YAML text */
  start: number;
  end: number;
  scalarType: SimpleScalarType;
}

const keyPattern = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+|$)/;
/** a plain scalar may not start with an indicator character (YAML 1.2, 7.3.3) */
const plainStartForbidden = /^[-?:,[\]{}#&*!|>'"%@`]/;
const jsonEscape = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** YAML 1.2 core schema resolution of a plain scalar. */
export function resolvePlainScalar(text: string): string | number | boolean | null {
  // every non-string form starts with one of `~ n N t T f F + - . 0-9`: anything else is a string
  const first = text.charCodeAt(0);
  if (
    !(
      first === 0x7e ||
      first === 0x6e ||
      first === 0x4e ||
      first === 0x74 ||
      first === 0x54 ||
      first === 0x66 ||
      first === 0x46 ||
      first === 0x2b ||
      first === 0x2d ||
      first === 0x2e ||
      (first >= 0x30 && first <= 0x39)
    )
  )
    return text;
  if (/^(?:~|null|Null|NULL)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number.parseInt(text, 10);
  if (/^0o[0-7]+$/.test(text)) return Number.parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number.parseFloat(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return Number.NaN;
  return text;
}

/** What may follow a scalar on its line: spaces, then nothing or a comment. */
function restIsComment(line: string, from: number): boolean {
  let i = from;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i === line.length || (line[i] === '#' && i > from);
}

/** A double-quoted scalar opening at `valueAt` and closing on its line: its value and closing quote's index. */
function doubleQuoted(line: string, valueAt: number): { value: string; close: number } | null {
  let i = valueAt + 1;
  while (i < line.length && line[i] !== '"') {
    if (line[i] === '\\') {
      jsonEscape.lastIndex = i;
      if (!jsonEscape.test(line)) return null; // YAML-only escapes: let the real parser decide
      i = jsonEscape.lastIndex;
    } else i++;
  }
  if (i >= line.length || !restIsComment(line, i + 1)) return null;
  try {
    return { value: JSON.parse(line.slice(valueAt, i + 1)) as string, close: i }; // JSON's escapes: a subset of YAML's
  } catch {
    return null; // raw control characters: let the real parser decide
  }
}

/** The index of the quote closing a single-quoted scalar opening at `valueAt`; null when it goes on. */
function singleQuotedClose(line: string, valueAt: number): number | null {
  let i = valueAt + 1;
  for (;;) {
    if (i >= line.length) return null; // continues on the next line
    if (line[i] === "'") {
      if (line[i + 1] === "'") i += 2;
      else return i;
    } else i++;
  }
}

/** Reads simple front matter, or returns null when the real YAML parser must decide. */
export function parseSimpleFrontMatter(yaml: string): SimpleEntry[] | null {
  const entries: SimpleEntry[] = [];
  const seen = new Set<string>();
  let lineStart = 0;
  while (lineStart < yaml.length) {
    let lineEnd = yaml.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = yaml.length;
    const line = yaml.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (line.includes('\r') || line.includes('\t')) return null;
    const key = keyPattern.exec(line);
    if (!key) return null;
    const name = key[1]!;
    // `null:`, `True:` are keys of other types in the core schema (and `null`/`Null` are the same key)
    if (typeof resolvePlainScalar(name) !== 'string') return null;
    if (seen.has(name)) return null; // duplicate keys are an error the real parser reports
    seen.add(name);
    const valueAt = key[0].length;
    const valueStart = lineStart - 1 - line.length + valueAt; // offset in `yaml`
    const first = line[valueAt];
    if (first === undefined || first === '#') return null; // an empty value may open a nested block
    if (first === '"') {
      const quoted = doubleQuoted(line, valueAt);
      if (quoted === null) return null;
      const { value, close: i } = quoted;
      entries.push({
        key: name,
        value,
        start: valueStart,
        end: valueStart + (i + 1 - valueAt),
        scalarType: 'QUOTE_DOUBLE',
      });
      continue;
    }
    if (first === "'") {
      const i = singleQuotedClose(line, valueAt);
      if (i === null || !restIsComment(line, i + 1)) return null;
      entries.push({
        key: name,
        value: line.slice(valueAt + 1, i).replace(/''/g, "'"),
        start: valueStart,
        end: valueStart + (i + 1 - valueAt),
        scalarType: 'QUOTE_SINGLE',
      });
      continue;
    }
    if (plainStartForbidden.test(first)) return null;
    // a plain scalar ends at a comment (` #`); `: ` inside it is an error the real parser reports
    const comment = line.indexOf(' #', valueAt);
    const raw = (comment === -1 ? line.slice(valueAt) : line.slice(valueAt, comment)).replace(/[ ]+$/, '');
    if (raw.includes(': ') || raw.endsWith(':')) return null;
    // the next line must not continue this scalar (an indented continuation line)
    if (lineStart < yaml.length && (yaml[lineStart] === ' ' || yaml[lineStart] === '\t')) return null;
    entries.push({
      key: name,
      value: resolvePlainScalar(raw),
      start: valueStart,
      end: valueStart + raw.length,
      scalarType: 'PLAIN',
    });
  }
  return entries;
}
