/**
 * `storyloc glossary add`: one new entry written into a glossary file without disturbing it. The file's
 * bytes are kept as they are (comments, blank lines, quoting, flow lists): the yaml Document API finds
 * where the `entries` list ends and renders the new entry alone, which is spliced in there with the
 * list's indentation. The result is validated against the schema and linted with the whole termbase,
 * like an entry typed into the file; an error refuses the entry and leaves the file untouched.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import type { ResolvedConfig } from '../config/types.js';
import { refuseSymlinkOutside } from '../config/symlinks.js';
import { inputError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Lang } from '../languages.js';
import { lintTermbase } from './lint.js';
import { listGlossaryFiles, parseTermbaseTexts } from './load.js';
import type { GlossaryProblem, TermType, Termbase } from './types.js';

export interface NewGlossaryEntry {
  id: string;
  type: TermType | string;
  forms: Partial<Record<Lang | string, string>>;
  variants: Partial<Record<Lang | string, string[]>>;
  doNotTranslate?: boolean;
  note?: string;
}

export interface PlannedGlossaryAdd {
  /** absolute path of the glossary file written */
  file: string;
  /** false when the file is new */
  existed: boolean;
  /** the file's text with the entry */
  text: string;
  /** 1-based line of the new entry's `- id:` */
  line: number;
  /** the termbase before and after the entry (for the staleness count) */
  before: Termbase;
  after: Termbase;
  /** warnings about the new entry (errors refuse it) */
  warnings: GlossaryProblem[];
}

/** The new entry as plain data in the file's key order (empty parts left out). */
function entryData(entry: NewGlossaryEntry): Record<string, unknown> {
  const data: Record<string, unknown> = { id: entry.id, type: entry.type, forms: entry.forms };
  if (Object.keys(entry.variants).length > 0) data.variants = entry.variants;
  if (entry.doNotTranslate) data.doNotTranslate = true;
  if (entry.note !== undefined) data.note = entry.note;
  return data;
}

/** Variant lists in flow style (`en: [a, b]`), as the example glossary writes them. */
function flowVariants(node: unknown): void {
  if (!isMap(node)) return;
  const variants = node.get('variants', true);
  if (isMap(variants)) for (const pair of variants.items) if (isSeq(pair.value)) pair.value.flow = true;
}

/** `- id: …` lines for the entry, indented by `indent` spaces. */
function renderEntry(entry: NewGlossaryEntry, indent: number): string {
  const doc = new Document([entryData(entry)]);
  flowVariants((doc.contents as YAMLSeq).items[0]);
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return text.replace(/^(?=.)/gm, ' '.repeat(indent));
}

const NEW_FILE_HEADER = (schemaRef: string): string =>
  `# yaml-language-server: $schema=${schemaRef}\nversion: 1\nentries:\n`;

/** The text with the entry spliced after the last item of `entries`, and the line it starts on. */
function spliceEntry(text: string, file: string, entry: NewGlossaryEntry): { text: string; line: number } {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0)
    throw inputError('glossary.add.yaml', 'glossaryAdd:badFile', {
      file,
      detail: doc.errors[0]!.message.split('\n')[0],
    });
  const entries = isMap(doc.contents) ? doc.contents.get('entries', true) : undefined;
  if (isSeq(entries) && !entries.flow && entries.items.length > 0) {
    const first = entries.items[0] as { range?: [number, number, number] };
    const last = entries.items[entries.items.length - 1] as { range?: [number, number, number] };
    const firstStart = first.range![0];
    const indent = firstStart - (text.lastIndexOf('\n', firstStart - 1) + 1) - 2;
    // the item's range ends after its last line (comments included), before any blank line
    const at = last.range![1];
    const spaced =
      entries.items.length > 1 ? Boolean((entries.items[1] as { spaceBefore?: boolean }).spaceBefore) : true;
    const head = text.slice(0, at) + (text.slice(0, at).endsWith('\n') ? '' : '\n');
    const inserted = `${spaced ? '\n' : ''}${renderEntry(entry, Math.max(indent, 0))}`;
    return { text: head + inserted + text.slice(at), line: head.split('\n').length + (spaced ? 1 : 0) };
  }
  // no block list to extend (`entries: []`, `entries:` or none): the list is written anew
  const list = doc.createNode([entryData(entry)]);
  flowVariants(list.items[0]);
  doc.set('entries', list);
  const rendered = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const line = rendered.split('\n').findIndex((row) => row.trimStart().startsWith(`- id: ${entry.id}`)) + 1;
  return { text: rendered, line };
}

function problemKey(problem: GlossaryProblem): string {
  return `${problem.code}|${problem.messageKey}|${JSON.stringify(problem.params)}`;
}

/**
 * Plans the addition (nothing written): the new text, validated. Throws `glossary.add.invalid` (exit 2)
 * naming the first error of the new entry, `glossary.add.duplicateId` when the id is taken.
 */
export function planGlossaryAdd(
  config: ResolvedConfig,
  file: string,
  entry: NewGlossaryEntry,
  schemaRef: string,
): PlannedGlossaryAdd {
  const files = listGlossaryFiles(config.paths.glossary);
  if (!files.includes(file)) files.push(file);
  files.sort();
  // the files are read and one rewritten: a link leaving the workspace is refused like everywhere else
  for (const name of files) refuseSymlinkOutside(config, name);
  const existed = existsSync(file);
  const texts = files.map((name) => ({
    file: name,
    text: name === file && !existed ? NEW_FILE_HEADER(schemaRef) : readFileSync(name, 'utf8'),
  }));
  const lintOptions = {
    sourceLanguages: config.sourceLanguages,
    targetLanguages: config.targetLanguages,
    relativeTo: config.workspaceDir,
  };
  const loadedBefore = parseTermbaseTexts(texts);
  const taken = loadedBefore.termbase.byId.get(entry.id);
  if (taken) {
    const where = `${path.relative(config.workspaceDir, taken.file) || taken.file}:${taken.line}`;
    throw inputError('glossary.add.duplicateId', 'glossaryAdd:duplicateId', { id: entry.id, where });
  }
  const own = texts.find((item) => item.file === file)!;
  const spliced = spliceEntry(own.text, file, entry);
  const afterTexts = texts.map((item) => (item.file === file ? { file, text: spliced.text } : item));
  const loadedAfter = parseTermbaseTexts(afterTexts);
  const before = new Set(
    [
      ...loadedBefore.problems,
      ...lintTermbase(loadedBefore.termbase, { ...lintOptions, positions: loadedBefore.positions }),
    ].map(problemKey),
  );
  const afterProblems = [
    ...loadedAfter.problems,
    ...lintTermbase(loadedAfter.termbase, { ...lintOptions, positions: loadedAfter.positions }),
  ];
  const added = afterProblems.filter((problem) => !before.has(problemKey(problem)));
  const errors = added.filter((problem) => problem.severity === 'error');
  if (errors.length > 0 || !loadedAfter.termbase.byId.has(entry.id)) {
    const first = errors[0];
    const message = first ? t(first.messageKey, first.params) : t('glossaryAdd:notLoaded');
    throw inputError('glossary.add.invalid', 'glossaryAdd:invalid', { id: entry.id, message });
  }
  return {
    file,
    existed,
    text: spliced.text,
    line: spliced.line,
    before: loadedBefore.termbase,
    after: loadedAfter.termbase,
    warnings: added,
  };
}
