/**
 * Export and import against a workspace: which states an export covers, and how an import lands in the
 * state and the output (atomically, after recording any human edit already in the output, under the
 * workspace lock).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listArticles } from '../articles/list.js';
import { readArticleFile } from '../articles/read.js';
import type { ResolvedConfig } from '../config/types.js';
import { inputError, StorylocError } from '../errors.js';
import { isSupportedLanguage, type Lang, type LanguagePair } from '../languages.js';
import { BrokenEditsError, detectHumanEdits } from '../reassembly/human-edits.js';
import { acquireWorkspaceLock } from '../memory/lock.js';
import { applyHumanEdits, outputTargets, persistArticleResult } from '../memory/persist.js';
import { fileHash } from '../memory/records.js';
import { outputPathFor, readArticleState, statePathFor } from '../memory/state-store.js';
import type { ArticleState } from '../memory/types.js';
import { addImportedUnits } from '../memory/workspace.js';
import { writeReviewDiff } from '../review/diff-file.js';
import { applyXliffFile, type UnitRefusal } from './apply.js';
import { approvedUnits, exportTmx, looksLikeTmx, parseTmx } from './tmx.js';
import { baseLanguage, exportXliff, looksLikeXliff, parseXliff, refuseDoctype, type XliffFile } from './xliff.js';

export interface ExportOptions {
  config: ResolvedConfig;
  cwd: string;
  format: string;
  targetLangs?: readonly string[];
  articles?: readonly string[];
}

export interface ExportResult {
  text: string;
  articles: number;
  units: number;
}

function targetsOf(config: ResolvedConfig, given: readonly string[] | undefined): Lang[] {
  if (!given || given.length === 0) return [...config.targetLanguages];
  return given
    .flatMap((item) => item.split(','))
    .map((code) => {
      const lang = code.trim().toLowerCase();
      if (!isSupportedLanguage(lang))
        throw inputError('translate.unknownTarget', 'translate:error.unknownTarget', { code });
      return lang;
    });
}

/** The states of the chosen articles and targets (articles never translated are left out). */
export function statesFor(
  config: ResolvedConfig,
  cwd: string,
  articles: readonly string[] | undefined,
  targets: readonly Lang[],
): ArticleState[] {
  const states: ArticleState[] = [];
  for (const file of listArticles(config, articles ?? [], cwd)) {
    const relative = path.relative(config.paths.articles, file).split(path.sep).join('/');
    for (const target of targets) {
      const state = readArticleState(statePathFor(config, relative, target));
      if (state) states.push(state);
    }
  }
  return states;
}

export function exportWorkspace(options: ExportOptions): ExportResult {
  const { config } = options;
  if (options.format !== 'xliff' && options.format !== 'tmx') {
    throw inputError('interchange.unknownFormat', 'memory:interchange.unknownFormat', { format: options.format });
  }
  const states = statesFor(config, options.cwd, options.articles, targetsOf(config, options.targetLangs));
  if (states.length === 0) throw inputError('interchange.noArticles', 'memory:interchange.noArticles');
  if (options.format === 'xliff') {
    return {
      text: exportXliff(states),
      articles: states.length,
      units: states.reduce((sum, s) => sum + s.segments.length, 0),
    };
  }
  const pairs = [...new Set(states.map((s) => `${s.sourceLang}-${s.targetLang}`))];
  if (pairs.length > 1)
    throw inputError('interchange.tmxOnePair', 'memory:interchange.tmxOnePair', { pairs: pairs.join(', ') });
  const first = states[0]!;
  const units = approvedUnits(states);
  return {
    text: exportTmx({ source: first.sourceLang, target: first.targetLang }, units),
    articles: states.length,
    units: units.length,
  };
}

export interface RefusedUnit {
  /** the interchange file and the line of the unit */
  line: number;
  id: string;
  article: string;
  reason: UnitRefusal | 'unknownArticle';
}

export type ImportResult =
  | { format: 'xliff'; applied: number; unchanged: number; refused: RefusedUnit[]; written: string[] }
  | { format: 'tmx'; pair: LanguagePair; applied: number; skipped: number; stored: number };

export interface ImportOptions {
  config: ResolvedConfig;
  cwd: string;
  file: string;
  /** recorded as `changedBy` */
  by: string;
  now?: () => Date;
}

export async function importWorkspace(options: ImportOptions): Promise<ImportResult> {
  const { config } = options;
  const file = path.resolve(options.cwd, options.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError(
      'interchange.unreadable',
      'memory:interchange.unreadable',
      { file, detail: (error as NodeJS.ErrnoException).code },
      { file },
    );
  }
  const now = (options.now ?? (() => new Date()))().toISOString();
  // a DTD is refused before the format is even sniffed (a long one would push the root element out of view)
  refuseDoctype(text, file);
  if (looksLikeTmx(text)) return importTmx(config, file, text);
  if (!looksLikeXliff(text))
    throw new StorylocError('interchange.notXliff', 'memory:interchange.notXliff', { file }, { position: { file } });
  const documents = parseXliff(text, file);
  const lock = acquireWorkspaceLock(config.workspaceDir);
  try {
    const result: Extract<ImportResult, { format: 'xliff' }> = {
      format: 'xliff',
      applied: 0,
      unchanged: 0,
      refused: [],
      written: [],
    };
    for (const document of documents) await importXliffDocument(config, document, options.by, now, result);
    return result;
  } finally {
    lock.release();
  }
}

/** Applies one XLIFF `<file>` to its article's state and output; units of an unknown article are refused. */
async function importXliffDocument(
  config: ResolvedConfig,
  document: XliffFile,
  by: string,
  now: string,
  result: Extract<ImportResult, { format: 'xliff' }>,
): Promise<void> {
  const target = baseLanguage(document.targetLang);
  const refuseAll = (): void => {
    for (const unit of document.units)
      result.refused.push({ line: unit.line, id: unit.id, article: document.original, reason: 'unknownArticle' });
  };
  if (target === undefined || !isSupportedLanguage(target) || document.original.includes('..')) {
    refuseAll();
    return;
  }
  const statePath = statePathFor(config, document.original, target);
  const state = readArticleState(statePath);
  let article: ReturnType<typeof readArticleFile>;
  try {
    article = readArticleFile(path.join(config.paths.articles, document.original), config, {
      cwd: config.workspaceDir,
    });
  } catch (error) {
    if (error instanceof StorylocError && error.code === 'article.notFound') {
      refuseAll();
      return;
    }
    throw error;
  }
  if (!state) {
    refuseAll();
    return;
  }
  const sourceHash = fileHash(article.source);
  if (state.sourceFileHash !== sourceHash) {
    throw new StorylocError(
      'interchange.staleState',
      'memory:interchange.staleState',
      { article: document.original },
      { position: { file: statePath } },
    );
  }
  const outputPath = outputPathFor(config, document.original, target);
  const { records, diskOutputHash } = recordOutputEdits(article, state, statePath, outputPath, target, by, now);
  const applied = applyXliffFile({ ...state, segments: records }, document, { by: by, now });
  result.applied += applied.applied.length;
  result.unchanged += applied.unchanged.length;
  for (const refused of applied.refused) result.refused.push({ ...refused, article: document.original });
  if (applied.state.segments === state.segments) return;
  const work = {
    article,
    pair: { source: article.lang, target },
    sourceHash,
    records: applied.state.segments,
    diskOutputHash,
    writtenState: null,
  };
  const outcome = await persistArticleResult(config, work, true);
  await writeReviewDiff({ config, article, state: { ...applied.state }, candidate: outcome.output });
  if (outcome.outputWritten)
    result.written.push(path.relative(config.workspaceDir, outputPath).split(path.sep).join('/'));
}

/**
 * Records a translator's edits already in the output before the import changes the targets: the state's records
 * with those edits applied, and the hash of the output on disk (null when there is none).
 */
function recordOutputEdits(
  article: ReturnType<typeof readArticleFile>,
  state: ArticleState,
  statePath: string,
  outputPath: string,
  target: Lang,
  by: string,
  now: string,
): { records: ArticleState['segments']; diskOutputHash: string | null } {
  let records = state.segments;
  let diskOutput: string | null = null;
  try {
    diskOutput = readFileSync(outputPath, 'utf8');
  } catch {
    diskOutput = null;
  }
  const diskOutputHash = diskOutput === null ? null : fileHash(diskOutput);
  if (diskOutput !== null && diskOutputHash !== state.outputHash && diskOutputHash !== state.previousOutputHash) {
    const detection = detectHumanEdits(article, outputTargets(article.segments, records), target, diskOutput);
    if (detection.status === 'broken') {
      throw new BrokenEditsError([
        {
          reason: detection.reason,
          position: { file: outputPath, line: detection.line, column: detection.column },
          stateFile: statePath,
          ...(detection.segmentId !== undefined ? { segmentId: detection.segmentId } : {}),
        },
      ]);
    }
    if (detection.status === 'edited') records = applyHumanEdits(records, detection.edits, by, now);
  }
  return { records, diskOutputHash };
}

/** A TMX goes into the project memory of its pair; a pair this workspace does not translate is refused. */
async function importTmx(config: ResolvedConfig, file: string, text: string): Promise<ImportResult> {
  const tmx = parseTmx(text, file);
  const source = tmx.sourceLang;
  const target = tmx.targetLangs.find((lang) => (config.targetLanguages as string[]).includes(lang));
  if (
    !isSupportedLanguage(source) ||
    !config.sourceLanguages.includes(source) ||
    target === undefined ||
    !isSupportedLanguage(target)
  ) {
    const expected = config.sourceLanguages.flatMap((s) => config.targetLanguages.map((t) => `${s}→${t}`)).join(', ');
    throw new StorylocError(
      'interchange.tmxPair',
      'memory:interchange.tmxPair',
      { file, found: `${source}→${tmx.targetLangs.join('/') || '?'}`, expected },
      { position: { file } },
    );
  }
  const pair: LanguagePair = { source, target };
  const units = tmx.units
    .filter((unit) => unit.targetLang === target)
    .map(({ source: s, target: t, origin }) => ({ source: s, target: t, origin }));
  const lock = acquireWorkspaceLock(config.workspaceDir);
  try {
    const stored = await addImportedUnits(config, pair, units);
    return {
      format: 'tmx',
      pair,
      applied: units.length,
      skipped: tmx.skipped + (tmx.units.length - units.length),
      stored,
    };
  } finally {
    lock.release();
  }
}
