/**
 * The light half of a workspace's review side: which articles have a state for a target language, naming
 * an article, and reading its state. `status` needs only this (and `check` only for articles whose every
 * segment is approved), so it lives apart from `ReviewWorkspace` (review/workspace.ts), which adds the
 * glossary checker, the parsed sources and the writes of a decision and extends this class.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { displayPath } from '../display-path.js';
import { inputError } from '../errors.js';
import { isSupportedLanguage, type Lang } from '../languages.js';
import { readArticleState, statePathFor, STATE_SUFFIX } from '../memory/state-store.js';
import type { ArticleState } from '../memory/types.js';
import { findStateFiles } from '../memory/workspace.js';

/** `--to`: a configured target language, the first one by default. */
export function resolveTargetLanguage(config: ResolvedConfig, given: string | undefined): Lang {
  if (given === undefined) return config.targetLanguages[0] ?? 'it';
  if (!isSupportedLanguage(given) || !config.targetLanguages.includes(given)) {
    throw inputError('review.targetNotConfigured', 'review:error.targetNotConfigured', {
      lang: given,
      configured: config.targetLanguages.join(', '),
    });
  }
  return given;
}

export class StatedArticles {
  constructor(
    readonly config: ResolvedConfig,
    readonly targetLang: Lang,
    readonly cwd: string,
  ) {}

  /**
   * An article named on the command line → its path under `articles/` (`en/queen.md`). Accepts a file
   * path (from the current folder) or a path relative to the articles folder; an article whose source
   * was deleted is still found by its state file.
   */
  resolveArticle(given: string): string {
    const fromCwd = path.resolve(this.cwd, given);
    const inArticles = path.resolve(this.config.paths.articles, given);
    for (const candidate of [fromCwd, inArticles]) {
      const relative = path.relative(this.config.paths.articles, candidate);
      if (relative.startsWith('..') || path.isAbsolute(relative) || relative === '') continue;
      const relativePath = relative.split(path.sep).join('/');
      if (existsSync(candidate) || existsSync(statePathFor(this.config, relativePath, this.targetLang)))
        return relativePath;
    }
    throw inputError('review.unknownArticle', 'review:error.unknownArticle', {
      article: given,
      dir: this.config.paths.articles,
    });
  }

  /** Articles with a state file for the target language, sorted. */
  listStatedArticles(): string[] {
    const root = path.join(this.config.paths.output, this.targetLang);
    const prefix = root + path.sep;
    // files found below `root` start with it: cut by string (thousands of them), not by path.relative
    const relative = (file: string): string[] =>
      (file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(root, file)).split(path.sep);
    return findStateFiles(root)
      .map(relative)
      .filter((names) => !names.some((name) => name.startsWith('.'))) // hidden files and folders
      .map((names) => names.join('/').slice(0, -STATE_SUFFIX.length))
      .sort();
  }

  /** The articles named (resolved), or every article with a state. */
  articlesToReview(given: readonly string[] = []): string[] {
    if (given.length === 0) return this.listStatedArticles();
    return [...new Set(given.map((item) => this.resolveArticle(item)))];
  }

  /** The state of an article, or `review.noState` (exit 2) when it was never translated. */
  readState(article: string): ArticleState {
    const file = statePathFor(this.config, article, this.targetLang);
    const state = readArticleState(file);
    if (!state)
      throw inputError('review.noState', 'review:error.noState', {
        article,
        lang: this.targetLang,
        file: displayPath(file, { cwd: this.cwd, workspaceDir: this.config.workspaceDir }),
      });
    return state;
  }
}
