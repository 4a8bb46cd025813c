/**
 * `storyloc check` over a workspace: every article × target language (or the ones PATH names: source
 * articles, folders, output files or state files), each checked against its source, its segment state
 * and the glossary, plus the glossary's own lint.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig, Severity } from '../config/types.js';
import { inputError } from '../errors.js';
import type { Lang } from '../languages.js';
import { listArticles } from '../articles/list.js';
import { readArticleFile } from '../articles/read.js';
import { loadWorkspaceTermbase } from '../glossary/load.js';
import { lintTermbase } from '../glossary/lint.js';
import { outputPathFor, readArticleState, statePathFor, STATE_SUFFIX } from '../memory/state-store.js';
import { reassembleArticle } from '../reassembly/reassemble.js';
import { createGlossaryIndex, type GlossaryIndex } from './glossary-index.js';
import { glossaryLintViolations } from './rules/glossary-lint.js';
import { resolveSeverities } from './severities.js';
import { checkTranslation, type CheckEnvironment } from './translation.js';
import { displayPath } from './context.js';
import { ruleIds, type CheckReport, type RuleId, type Violation } from './types.js';

export interface WorkspaceCheckOptions {
  config: ResolvedConfig;
  cwd: string;
  /** source articles, folders, output or state files; empty: the whole workspace */
  paths?: readonly string[];
  /** target languages (`--to`); default: the configured ones */
  targetLangs?: readonly Lang[];
  /** a glossary index already built (benchmarks, repeated runs) */
  glossary?: GlossaryIndex;
}

/** The workspace glossary with its YAML, schema and lint problems. */
export function loadCheckGlossary(config: ResolvedConfig): GlossaryIndex {
  const loaded = loadWorkspaceTermbase(config);
  const lint = lintTermbase(loaded.termbase, {
    sourceLanguages: config.sourceLanguages,
    targetLanguages: config.targetLanguages,
    positions: loaded.positions,
    relativeTo: config.workspaceDir,
  });
  return createGlossaryIndex(loaded.termbase, [...loaded.problems, ...lint]);
}

export interface Selected {
  articleFile: string;
  targetLang: Lang;
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The (article, target language) pairs a command line names, in a stable order without repeats. */
export function selectTranslations(
  config: ResolvedConfig,
  paths: readonly string[],
  targetLangs: readonly Lang[],
  cwd: string,
): Selected[] {
  const selected: Selected[] = [];
  const seen = new Set<string>();
  const add = (articleFile: string, targetLang: Lang): void => {
    const key = `${targetLang}\u0000${articleFile}`;
    if (seen.has(key)) return;
    seen.add(key);
    selected.push({ articleFile, targetLang });
  };
  if (paths.length === 0) {
    for (const file of listArticles(config, [], cwd)) for (const targetLang of targetLangs) add(file, targetLang);
    return selected;
  }
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    if (isInside(config.paths.output, absolute) && absolute !== config.paths.output) {
      // output/<lang>/<article path>[.state.json]: that translation; output/<lang>[/folder]: all below
      const parts = path.relative(config.paths.output, absolute).split(path.sep);
      const lang = parts[0] as Lang;
      if (!config.targetLanguages.includes(lang)) {
        throw inputError(
          'check.notATargetLanguage',
          'check:error.notATargetLanguage',
          { file: given, lang, expected: config.targetLanguages.join(', ') },
          { file: given },
        );
      }
      if (!existsSync(absolute))
        throw inputError('check.notFound', 'check:error.notFound', { file: given }, { file: given });
      if (!targetLangs.includes(lang)) continue;
      let rest = parts.slice(1).join('/');
      if (rest.endsWith(STATE_SUFFIX)) rest = rest.slice(0, -STATE_SUFFIX.length);
      const articlePath = rest === '' ? config.paths.articles : path.join(config.paths.articles, ...rest.split('/'));
      if (!existsSync(articlePath))
        throw inputError(
          'check.noSourceArticle',
          'check:error.noSourceArticle',
          { file: given, article: displayPath(articlePath, config.workspaceDir, cwd) },
          { file: given },
        );
      const articles = rest === '' ? listArticles(config, [], cwd) : listArticles(config, [articlePath], cwd);
      for (const file of articles) add(file, lang);
    } else {
      for (const file of listArticles(config, [given], cwd))
        for (const targetLang of targetLangs) add(file, targetLang);
    }
  }
  return selected;
}

const ruleOrder = new Map<string, number>(ruleIds.map((id, index) => [id, index]));

/** Report order within one file: position, then rule. */
function byPlaceThenRule(a: Violation, b: Violation): number {
  return a.line - b.line || a.column - b.column || (ruleOrder.get(a.rule) ?? 99) - (ruleOrder.get(b.rule) ?? 99);
}

/**
 * Violations in report order: by file, then position, then rule; violations equal in all three keep
 * their order. Sorted as one stable sort by (file, position, rule) would, but file by file: the
 * violations of each file, in the order given, sorted by position and rule, the files in name order.
 * (One sort of a whole workspace's 70,000 warnings compared file names 1.2 million times.)
 */
export function sortViolations(violations: Violation[]): Violation[] {
  const byFile = new Map<string, Violation[]>();
  for (const violation of violations) {
    const list = byFile.get(violation.file);
    if (list) list.push(violation);
    else byFile.set(violation.file, [violation]);
  }
  const files = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let at = 0;
  for (const file of files)
    for (const violation of byFile.get(file)!.sort(byPlaceThenRule)) violations[at++] = violation;
  return violations;
}

function readOutput(file: string): string | null {
  try {
    if (!statSync(file).isFile()) return null;
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw inputError(
      'check.unreadable',
      'check:error.unreadable',
      { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
      { file },
    );
  }
}

/** What `checkTranslationFile` needs beyond the article: built once per command (see `translationChecker`). */
export type TranslationFileChecker = (articleRelativePath: string, targetLang: Lang) => Violation[];

/** What every rule of a workspace check reads besides the translation itself. */
function checkEnvironment(config: ResolvedConfig, cwd: string, glossary: GlossaryIndex): CheckEnvironment {
  return {
    glossary,
    severities: resolveSeverities(config.check.severities, config.configFile),
    sourceLanguages: config.sourceLanguages,
    workspaceDir: config.workspaceDir,
    cwd,
    reassemble: reassembleArticle,
  };
}

/**
 * `storyloc check` for one article × target language, as a function (status and approve ask the same
 * question check answers). An article whose source file is gone has nothing to check against: no violations.
 */
export function translationChecker(
  config: ResolvedConfig,
  cwd: string,
  glossary: GlossaryIndex = loadCheckGlossary(config),
): TranslationFileChecker {
  const env = checkEnvironment(config, cwd, glossary);
  return (articleRelativePath, targetLang) => {
    const file = path.join(config.paths.articles, ...articleRelativePath.split('/'));
    if (!existsSync(file)) return [];
    const article = readArticleFile(file, config, { cwd });
    const outputPath = outputPathFor(config, article.relativePath, targetLang);
    const state = readArticleState(statePathFor(config, article.relativePath, targetLang));
    return checkTranslation({ article, targetLang, state, outputPath, outputText: readOutput(outputPath) }, env);
  };
}

/** A workspace check ready to run: what to check, and with what (see `checkWorkspace`). */
export interface PreparedWorkspaceCheck {
  config: ResolvedConfig;
  cwd: string;
  severities: Record<RuleId, Severity>;
  glossary: GlossaryIndex;
  /** the glossary's own problems (reported once, before the translations) */
  lint: Violation[];
  /** the (article, target language) pairs, in report order */
  selected: Selected[];
}

/** Validates `--to`, loads the glossary and lists the translations to check. */
export function prepareWorkspaceCheck(options: WorkspaceCheckOptions): PreparedWorkspaceCheck {
  const { config, cwd } = options;
  const severities = resolveSeverities(config.check.severities, config.configFile);
  const targetLangs =
    options.targetLangs && options.targetLangs.length > 0 ? options.targetLangs : config.targetLanguages;
  for (const lang of targetLangs) {
    if (!config.targetLanguages.includes(lang)) {
      throw inputError(
        'check.notATargetLanguage',
        'check:error.notATargetLanguage',
        { file: '--to', lang, expected: config.targetLanguages.join(', ') },
        { file: '--to' },
      );
    }
  }
  const glossary = options.glossary ?? loadCheckGlossary(config);
  const lint = glossaryLintViolations(glossary.problems, severities['glossary-lint'], config.workspaceDir, cwd);
  const selected = selectTranslations(config, options.paths ?? [], targetLangs, cwd);
  return { config, cwd, severities, glossary, lint, selected };
}

/** One checked translation: its output file as reports name it, and its violations (unsorted). */
export interface CheckedTranslation {
  file: string;
  violations: Violation[];
}

/**
 * Checks selected translations one at a time, in any order (threads take turns: parallel.ts). An
 * article's languages come one after the other in a selection: the article read last is kept.
 */
export function selectionChecker(
  config: ResolvedConfig,
  cwd: string,
  glossary: GlossaryIndex,
): (selected: Selected) => CheckedTranslation {
  // one run, one UI language: each message without parameters is translated once
  const env: CheckEnvironment = { ...checkEnvironment(config, cwd, glossary), plainMessages: new Map() };
  let article: ReturnType<typeof readArticleFile> | undefined;
  return ({ articleFile, targetLang }) => {
    if (article === undefined || article.path !== articleFile) article = readArticleFile(articleFile, config, { cwd });
    const outputPath = outputPathFor(config, article.relativePath, targetLang);
    const state = readArticleState(statePathFor(config, article.relativePath, targetLang));
    const file = displayPath(outputPath, config.workspaceDir, cwd);
    const input = { article, targetLang, state, outputPath, outputText: readOutput(outputPath) };
    return { file, violations: checkTranslation(input, env) };
  };
}

/** The report of checked translations, given in selection order. */
export function workspaceReport(prepared: PreparedWorkspaceCheck, checked: readonly CheckedTranslation[]): CheckReport {
  const violations = [...prepared.lint];
  for (const translation of checked) for (const violation of translation.violations) violations.push(violation);
  const files = checked.map((translation) => translation.file);
  return { violations: sortViolations(violations), files, severities: prepared.severities, mode: 'workspace' };
}

export function checkWorkspace(options: WorkspaceCheckOptions): CheckReport {
  const prepared = prepareWorkspaceCheck(options);
  const check = selectionChecker(prepared.config, prepared.cwd, prepared.glossary);
  return workspaceReport(prepared, prepared.selected.map(check));
}
