/**
 * Offline translation with Debian's `apertium` (`apertium-eng-spa`, `apertium-spa-ita`).
 *
 * - One process pipeline per batch, never per segment: Apertium costs a few hundred ms to start, so the
 *   batch's texts go through together as one HTML document, each text in its own `<p data-i="N">` (a
 *   block element: Apertium never moves words across it), and are split back by that index.
 * - A pair without a direct mode pivots through Spanish: en→it runs `eng-spa | spa-ita`.
 * - Inline tags survive through HTML format mode, mapped to HTML tags Apertium handles well: unknown
 *   tags such as `<g>` are treated like sentence breaks (the next word gets capitalised and word order
 *   is frozen around them), while `<span data-g="N">` moves with its words and `<br data-x="N">` lets
 *   words reorder around it. Apertium may split one span into several when it reorders words; they are
 *   merged back into one `<g>` on the way out.
 * - Glossary terms are protected by the pipeline's placeholders (`enforcesGlossary` is false); Apertium
 *   copies unknown tokens such as `⟪T1⟫` and `<x id="g1"/>` through unchanged.
 */
import {
  spawn as nodeSpawn,
  type ChildProcessWithoutNullStreams,
  type SpawnOptionsWithoutStdio,
} from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StorylocError } from '../errors.js';
import type { Lang } from '../languages.js';
import { EngineError, type Engine, type TranslateBatchRequest, type TranslateBatchResult } from './types.js';

/** The spawn function the engine uses; tests inject a counting wrapper. */
export type SpawnFunction = (
  command: string,
  args: readonly string[],
  options: SpawnOptionsWithoutStdio,
) => ChildProcessWithoutNullStreams;

export interface ApertiumEngineOptions {
  /** the apertium executable; @default 'apertium' */
  command?: string;
  spawn?: SpawnFunction;
}

/** Apertium names languages with ISO 639-3 codes. */
const APERTIUM_CODES: Partial<Record<Lang, string>> = {
  ar: 'ara',
  bg: 'bul',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  es: 'spa',
  et: 'est',
  fi: 'fin',
  fr: 'fra',
  he: 'heb',
  hu: 'hun',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  lt: 'lit',
  lv: 'lav',
  nb: 'nob',
  nl: 'nld',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sk: 'slk',
  sl: 'slv',
  sv: 'swe',
  th: 'tha',
  tr: 'tur',
  uk: 'ukr',
  vi: 'vie',
  zh: 'zho',
};
const PIVOT = 'spa';

/**
 * The Apertium modes that translate `source` to `target` in sequence, or null when the installed data
 * cannot: a direct mode, else a pivot through Spanish.
 */
export function apertiumRoute(source: Lang, target: Lang, installedModes: readonly string[]): string[] | null {
  const from = APERTIUM_CODES[source];
  const to = APERTIUM_CODES[target];
  if (from === undefined || to === undefined) return null;
  const has = (mode: string): boolean => installedModes.includes(mode);
  if (has(`${from}-${to}`)) return [`${from}-${to}`];
  if (from !== PIVOT && to !== PIVOT && has(`${from}-${PIVOT}`) && has(`${PIVOT}-${to}`))
    return [`${from}-${PIVOT}`, `${PIVOT}-${to}`];
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Inline tags: storyloc XML <-> HTML that Apertium keeps

const STORYLOC_TAG = /<(\/?)([gx])(?:\s+id="([^"]*)")?\s*(\/?)>/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A standalone tag written as a word Apertium does not know and copies unchanged (`-u`). */
function placeholderWord(id: string): string {
  return `zqx${id}qxz`;
}

/**
 * `<g id="1">` → `<span data-g="1">`, `</g>` → `</span>`; `<x id="2"/>` → the word `zqx2qxz`.
 *
 * A standalone tag (glossary placeholder, inline code, image) travels as an unknown word: Transfuse
 * drops a span that holds no word (`<g id="1"><x id="t1"/></g>`, a protected term in bold, lost its
 * `<g>`) and moves tags out of spans, while an unknown word stays inside its span and is reordered like
 * the noun it usually stands for. A tag glued to a letter or digit would merge into that word, so it
 * stays a tag (`<br data-x="2">`, which Apertium keeps in place).
 */
export function toApertiumHtml(text: string): string {
  return text.replace(
    STORYLOC_TAG,
    (whole, closing: string, type: string, id: string | undefined, _selfClosing: string, offset: number) => {
      if (type === 'g') return closing ? '</span>' : `<span data-g="${id ?? ''}">`;
      if (id === undefined) return whole;
      const before = text
        .slice(0, offset)
        .replace(/<[^>]*>$/, '')
        .slice(-1);
      const after = text
        .slice(offset + whole.length)
        .replace(/^<[^>]*>/, '')
        .charAt(0);
      const glued = WORD_CHAR.test(before) || WORD_CHAR.test(after);
      return glued || !/^[a-z0-9]+$/.test(id) ? `<br data-x="${id}">` : placeholderWord(id);
    },
  );
}

type Token = { type: 'text'; value: string } | { type: 'open' | 'close' | 'x'; id: string };

const HTML_TAG = /<span data-g="([^"]*)">|<\/span>|<br data-x="([^"]*)"\s*\/?>|<\/br>|zqx([a-z0-9]+)qxz/gi;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const openIds: string[] = [];
  let last = 0;
  for (const match of html.matchAll(HTML_TAG)) {
    if (match.index > last) tokens.push({ type: 'text', value: html.slice(last, match.index) });
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      openIds.push(match[1]);
      tokens.push({ type: 'open', id: match[1] });
    } else if (match[2] !== undefined) {
      tokens.push({ type: 'x', id: match[2] });
    } else if (match[3] !== undefined) {
      // Apertium may capitalise the word (sentence start, all-caps text); ids are lower case.
      tokens.push({ type: 'x', id: match[3].toLowerCase() });
    } else if (match[0] === '</span>') {
      const id = openIds.pop();
      // A stray close without an open cannot be mapped to a <g>: keep it visible for the tag check.
      tokens.push(id === undefined ? { type: 'text', value: match[0] } : { type: 'close', id });
    }
    // `</br>` (void element closed by a lenient writer) carries nothing: dropped.
  }
  if (last < html.length) tokens.push({ type: 'text', value: html.slice(last) });
  return tokens;
}

function isWellNested(tokens: readonly Token[]): boolean {
  const stack: string[] = [];
  for (const token of tokens) {
    if (token.type === 'open') stack.push(token.id);
    else if (token.type === 'close' && stack.pop() !== token.id) return false;
  }
  return stack.length === 0;
}

/** Index of the close token matching the open token at `openIndex`. */
function matchingClose(tokens: readonly Token[], openIndex: number): number {
  let depth = 0;
  for (let i = openIndex; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'open') depth++;
    else if (token.type === 'close' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Apertium splits a span into several when it reorders words (`<g1>A</g1> <g1><g2>B</g2></g1>`): merge
 * every id back into one span from its first open to its last close. When that would cross another
 * span, keep only the first piece (removing a matched pair never breaks nesting).
 */
function mergeSplitSpans(tokens: Token[]): Token[] {
  const counts = new Map<string, number>();
  for (const token of tokens) if (token.type === 'open') counts.set(token.id, (counts.get(token.id) ?? 0) + 1);
  let result = tokens;
  for (const [id, count] of counts) {
    if (count < 2) continue;
    const first = result.findIndex((t) => t.type === 'open' && t.id === id);
    let lastClose = -1;
    result.forEach((t, i) => {
      if (t.type === 'close' && t.id === id) lastClose = i;
    });
    const merged = result.filter(
      (t, i) => !((t.type === 'open' || t.type === 'close') && t.id === id) || i === first || i === lastClose,
    );
    if (isWellNested(merged)) {
      result = merged;
      continue;
    }
    const firstClose = matchingClose(result, first);
    result = result.filter(
      (t, i) => !((t.type === 'open' || t.type === 'close') && t.id === id) || i === first || i === firstClose,
    );
  }
  return result;
}

/** Maps Apertium's HTML back to storyloc XML, merging split spans. */
export function fromApertiumHtml(html: string): string {
  return mergeSplitSpans(tokenize(html))
    .map((token) => {
      switch (token.type) {
        case 'text':
          return token.value;
        case 'open':
          return `<g id="${token.id}">`;
        case 'close':
          return '</g>';
        case 'x':
          return `<x id="${token.id}"/>`;
      }
      // every token type has its case above: a new one fails to compile here until it gets one
      const unhandled: never = token;
      return unhandled;
    })
    .join('');
}

/**
 * Whitespace Apertium adds: a blank at the start or end of a paragraph and runs of blanks where a word
 * was dropped. The source's own leading/trailing whitespace is put back; runs are collapsed unless the
 * source had runs itself.
 */
function restoreWhitespace(source: string, translated: string): string {
  const leading = /^\s*/.exec(source)?.[0] ?? '';
  const trailing = source.trim() === '' ? '' : (/\s*$/.exec(source)?.[0] ?? '');
  let core = translated.trim();
  if (!/ {2,}/.test(source)) core = core.replace(/ {2,}/g, ' ');
  return `${leading}${core}${trailing}`;
}

// ---------------------------------------------------------------------------------------------------
// Processes

function notInstalled(command: string, cause: unknown): StorylocError {
  return new StorylocError('engine.apertium.notInstalled', 'engines:apertium.notInstalled', { command }, { cause });
}

function isMissingCommand(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * Runs `modes` as one shell pipeline (`apertium -f html -u m1 FILE | apertium -f html -u m2`) and returns
 * its output. The input goes through a temporary file because Apertium's HTML mode (Transfuse's
 * tf-extract) opens `/dev/stdin` by path, which fails on the socket Node gives a child as stdin; between
 * the steps the shell makes a real pipe. Arguments reach the shell as positional parameters, never
 * spliced into the script.
 */
async function runPipeline(
  spawn: SpawnFunction,
  command: string,
  modes: readonly string[],
  input: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'storyloc-apertium-'));
  try {
    const file = path.join(dir, 'batch.html');
    await writeFile(file, input, 'utf8');
    const script = modes.map((_, i) => `"$0" -f html -u "$${i + 2}"${i === 0 ? ' "$1"' : ''}`).join(' | ');
    return await new Promise<string>((resolve, reject) => {
      const child = spawn('sh', ['-c', script, command, file, ...modes], signal ? { signal } : {});
      const out: Buffer[] = [];
      let stderr = '';
      child.stdin.end();
      child.stdout.on('data', (data: Buffer) => out.push(data));
      child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code, killedBy) => {
        const output = Buffer.concat(out).toString('utf8');
        // 127: the shell did not find the command.
        if (code === 127) reject(notInstalled(command, new Error(stderr.trim())));
        // Apertium's script can exit 0 after a failing step: no output plus an error message is a failure.
        else if (code !== 0 || (output.trim() === '' && stderr.trim() !== '')) {
          reject(
            new EngineError(
              'fatal',
              `apertium ${modes.join(' | ')} failed (${code ?? killedBy}): ${stderr.trim().slice(0, 500)}`,
            ),
          );
        } else resolve(output);
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Lists installed modes (`apertium -l`). */
function listModes(spawn: SpawnFunction, command: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(command, ['-l'], {});
    } catch (error) {
      reject(isMissingCommand(error) ? notInstalled(command, error) : error);
      return;
    }
    let out = '';
    child.on('error', (error) => reject(isMissingCommand(error) ? notInstalled(command, error) : error));
    child.stdout.on('data', (data: Buffer) => (out += data.toString('utf8')));
    child.on('close', (code) => {
      if (code !== 0) reject(notInstalled(command, new Error(`${command} -l exited with ${code}`)));
      else
        resolve(
          out
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== ''),
        );
    });
  });
}

const PARAGRAPH = /<p data-i="(\d+)">([\s\S]*?)<\/p>/g;

/** Splits the translated document back into texts by paragraph index. */
export function splitParagraphs(html: string, count: number): string[] {
  const texts = new Array<string | undefined>(count).fill(undefined);
  for (const match of html.matchAll(PARAGRAPH)) {
    const index = Number(match[1]);
    if (index < count && texts[index] === undefined) texts[index] = match[2] ?? '';
  }
  const missing = texts.indexOf(undefined);
  if (missing !== -1) throw new EngineError('fatal', `apertium output lost paragraph ${missing} of ${count}`);
  return texts as string[];
}

export function createApertiumEngine(options: ApertiumEngineOptions = {}): Engine {
  const command = options.command ?? 'apertium';
  const spawn: SpawnFunction = options.spawn ?? ((cmd, args, spawnOptions) => nodeSpawn(cmd, args, spawnOptions));
  let modes: Promise<string[]> | undefined;
  const installedModes = (): Promise<string[]> => {
    modes ??= listModes(spawn, command);
    return modes;
  };
  const route = async (source: Lang, target: Lang): Promise<string[]> => {
    const available = await installedModes();
    const found = apertiumRoute(source, target, available);
    if (found === null) {
      throw new StorylocError('engine.apertium.unsupportedPair', 'engines:apertium.unsupportedPair', {
        source,
        target,
        modes: available.join(', '),
      });
    }
    return found;
  };

  return {
    name: 'apertium',
    enforcesGlossary: () => false,
    async checkPairs(pairs) {
      for (const pair of pairs) await route(pair.source, pair.target);
    },
    async translateBatch(request: TranslateBatchRequest): Promise<TranslateBatchResult> {
      const steps = await route(request.sourceLang, request.targetLang);
      const texts = request.texts.slice();
      // Blank texts have nothing to translate and are not sent.
      const sent = request.texts.map((text, i) => ({ text, i })).filter(({ text }) => text.trim() !== '');
      if (sent.length === 0) return { texts, billedCharacters: 0 };
      const document = sent.map(({ text }, n) => `<p data-i="${n}">${toApertiumHtml(text)}</p>`).join('\n');
      const output = await runPipeline(spawn, command, steps, document, request.signal);
      const translated = splitParagraphs(output, sent.length);
      sent.forEach(({ text, i }, n) => {
        texts[i] = restoreWhitespace(text, fromApertiumHtml(translated[n] as string));
      });
      return { texts, billedCharacters: 0 };
    },
  };
}
