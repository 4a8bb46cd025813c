/**
 * Finding and opening source articles, without parsing them: which files under `articles/` are stories
 * (and what is left out, said aloud), the path and language rules of an article, and its bytes decoded as
 * checked UTF-8. Kept apart from `read.ts` (the parse: front matter, Markdown segments) so that commands
 * that only list or hash sources (`status`, a `translate` rerun whose sources are unchanged) load no
 * Markdown parser (issue 13, fast start).
 */
import { readFileSync, readdirSync, statSync, existsSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { refuseSymlinkOutside } from '../config/symlinks.js';
import type { ResolvedConfig } from '../config/types.js';
import { displayPath } from '../display-path.js';
import { inputError } from '../errors.js';
import { isSupportedLanguage, type Lang } from '../languages.js';
import { frontMatterLanguage } from './front-matter.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes, refusing binary content and invalid UTF-8 with the position of the first bad byte. */
export function decodeArticleBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw inputError('article.empty', 'articles:empty', { file }, { file });
  // a UTF-16 byte order mark (FF FE or FE FF): the file would otherwise be taken for binary (NUL bytes)
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw inputError('article.utf16', 'articles:utf16', { file }, { file });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    throw inputError('article.binary', 'articles:binary', { file }, { file, ...lineColumnOfByte(bytes, nul) });
  try {
    return utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Byte(bytes);
    const position = { file, ...lineColumnOfByte(bytes, bad) };
    throw inputError('article.encoding', 'articles:encoding', { file, offset: bad }, position);
  }
}

function lineColumnOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}

/** Resolves a path given on the command line and checks it lies inside the articles folder. */
export function resolveArticlePath(
  config: ResolvedConfig,
  given: string,
  cwd: string,
): { absolute: string; relativePath: string } {
  const absolute = path.resolve(cwd, given);
  const relative = path.relative(config.paths.articles, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw inputError(
      'article.outsideWorkspace',
      'articles:outsideWorkspace',
      { file: given, articles: displayPath(config.paths.articles, { cwd, workspaceDir: config.workspaceDir }) },
      { file: given },
    );
  }
  return { absolute, relativePath: relative.split(path.sep).join('/') };
}

/** The source language of an article: its first folder under articles/ (`en/…`), else front matter `lang`. */
export function articleLanguage(relativePath: string, frontMatterLang: unknown, file: string): Lang {
  const folder = relativePath.split('/')[0] ?? '';
  if (relativePath.includes('/') && isSupportedLanguage(folder)) return folder;
  if (typeof frontMatterLang === 'string' && isSupportedLanguage(frontMatterLang)) return frontMatterLang;
  const code = relativePath.includes('/') ? folder : String(frontMatterLang ?? '');
  throw inputError('article.unknownLanguage', 'articles:unknownLanguage', { file, code }, { file });
}

/** The refusal of a folder under articles/ that is not a configured source language (named or found). */
function unknownFolderError(config: ResolvedConfig, folder: string, file: string) {
  const languages = config.sourceLanguages.join(', ');
  const params = { file, folder: `${path.basename(config.paths.articles)}/${folder}`, languages };
  return inputError('article.unknownFolder', 'articles:unknownFolder', params, { file });
}

/**
 * The one rule for an article's source language, the same whether the article was named or found: the
 * folder under articles/ must be a configured source language (never guessed from anything else); a
 * story directly in articles/ declares it with front matter `lang`.
 */
export function sourceLanguageOf(config: ResolvedConfig, relativePath: string, text: string, file: string): Lang {
  if (relativePath.includes('/')) {
    const folder = relativePath.split('/')[0]!;
    if (!(config.sourceLanguages as string[]).includes(folder)) throw unknownFolderError(config, folder, file);
    return folder as Lang;
  }
  const lang = articleLanguage(relativePath, frontMatterLanguage(text, file), file);
  if (!config.sourceLanguages.includes(lang)) {
    const params = { file, code: lang, languages: config.sourceLanguages.join(', ') };
    throw inputError('article.notSourceLanguage', 'articles:notSourceLanguage', params, { file });
  }
  return lang;
}

/** The bytes of an article, refusing a folder, a missing file and a link that leaves the workspace. */
export function readArticleBytes(absolute: string, config: ResolvedConfig): Buffer {
  refuseSymlinkOutside(config, absolute);
  try {
    if (statSync(absolute).isDirectory())
      throw inputError('article.isDirectory', 'articles:isDirectory', { file: absolute }, { file: absolute });
    return readFileSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw inputError('article.notFound', 'articles:notFound', { file: absolute }, { file: absolute });
    throw error;
  }
}

/** Something under articles/ that is not translated, reported (never skipped silently). */
export type SkippedSource =
  /** a folder that is not a configured source language, with the number of Markdown files in it */
  | { kind: 'unknownFolder'; folder: string; stories: number; languages: string }
  /** a hidden story or folder of stories (name starting with a dot) */
  | { kind: 'hidden'; file: string }
  /** a symbolic link to a folder (not followed: it could loop, or leave the workspace) */
  | { kind: 'linkedFolder'; file: string };

interface ArticleListing {
  files: string[];
  skipped: SkippedSource[];
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : 1);

function countStories(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) count++;
  }
  return count;
}

/** A Markdown file, or a folder with Markdown files in it (`.DS_Store` or `.gitkeep` are not worth a word). */
function holdsStories(entry: Dirent, full: string): boolean {
  if (entry.name.endsWith('.md')) return true;
  return entry.isDirectory() && countStories(full) > 0;
}

/** The articles under the given paths (all source-language folders when none), and what was left out. */
function walkArticles(config: ResolvedConfig, given: readonly string[], cwd: string): ArticleListing {
  const files: string[] = [];
  const skipped: SkippedSource[] = [];
  const isSourceFolder = (name: string): boolean => (config.sourceLanguages as string[]).includes(name);
  const languages = config.sourceLanguages.join(', ');
  const collect = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('.')) {
        if (holdsStories(entry, full)) skipped.push({ kind: 'hidden', file: full });
        continue;
      }
      // a linked story is read like any other (the read refuses a link that leaves the workspace)
      const isLink = entry.isSymbolicLink();
      const isDirectory = isLink ? existsSync(full) && statSync(full).isDirectory() : entry.isDirectory();
      if (isDirectory && isLink) skipped.push({ kind: 'linkedFolder', file: full });
      else if (isDirectory) collect(full);
      else if ((entry.isFile() || isLink) && entry.name.endsWith('.md')) files.push(full);
    }
  };
  if (given.length === 0) {
    const root = config.paths.articles;
    const entries = existsSync(root) ? readdirSync(root, { withFileTypes: true }).sort(byName) : [];
    for (const entry of entries) {
      const full = path.join(root, entry.name);
      if (entry.name.startsWith('.')) {
        if (holdsStories(entry, full)) skipped.push({ kind: 'hidden', file: full });
      } else if ((entry.isDirectory() || entry.isSymbolicLink()) && !isSourceFolder(entry.name)) {
        const stories = statSync(full, { throwIfNoEntry: false })?.isDirectory() ? countStories(full) : 0;
        if (stories > 0) skipped.push({ kind: 'unknownFolder', folder: full, stories, languages });
      }
    }
    for (const lang of config.sourceLanguages) {
      const dir = path.join(root, lang);
      if (existsSync(dir)) collect(dir);
    }
    return { files, skipped };
  }
  for (const item of given) {
    // a path that does not exist is reported as such, wherever it points
    if (!existsSync(path.resolve(cwd, item)))
      throw inputError('article.notFound', 'articles:notFound', { file: item }, { file: item });
    const { absolute, relativePath } = resolveArticlePath(config, item, cwd);
    // the folder rule, once for everything named under a folder that is not a source language
    const folder = relativePath.split('/')[0]!;
    const isDirectory = statSync(absolute).isDirectory();
    if ((relativePath.includes('/') || isDirectory) && folder !== '' && !isSourceFolder(folder)) {
      throw unknownFolderError(config, folder, item);
    }
    if (relativePath.split('/').some((part) => part.startsWith('.'))) {
      throw inputError('article.hidden', 'articles:hidden', { file: item }, { file: item });
    }
    if (isDirectory) collect(absolute);
    else files.push(absolute);
  }
  return { files: [...new Set(files)], skipped };
}

/**
 * The articles to work on, as absolute paths in a stable order: the given files/folders, or every
 * `*.md` under `articles/<source language>/`.
 */
export function listArticles(config: ResolvedConfig, given: readonly string[] = [], cwd = process.cwd()): string[] {
  return walkArticles(config, given, cwd).files;
}

/** What a listing of the same paths leaves out: unknown folders, hidden files, linked folders. */
export function skippedSources(
  config: ResolvedConfig,
  given: readonly string[] = [],
  cwd = process.cwd(),
): SkippedSource[] {
  return walkArticles(config, given, cwd).skipped;
}
