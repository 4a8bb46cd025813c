/**
 * Reading a Markdown file that may live outside a workspace (the `segment` and `roundtrip` commands:
 * editors try a new article before putting it in `articles/`). The language comes from `--lang`, else the
 * `articles/<lang>/` folder, else front matter `lang`, else English.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inputError } from '../errors.js';
import { isSupportedLanguage, supportedLanguages, type Lang } from '../languages.js';
import type { ResolvedConfig } from '../config/types.js';
import { decodeArticleBytes } from './list.js';
import { parseArticle, type ParsedArticle } from './read.js';
import { frontMatterLanguage } from './front-matter.js';

/** What reading a loose article needs of the configuration (plain data: a worker thread gets a copy). */
export interface LooseArticleConfig {
  paths: Pick<ResolvedConfig['paths'], 'articles'>;
  frontMatterKeys: ResolvedConfig['frontMatterKeys'];
  limits: ResolvedConfig['limits'];
}

export function readLooseArticle(
  file: string,
  config: LooseArticleConfig,
  options: { cwd: string; lang?: string | undefined; maxBlockChars?: number },
): ParsedArticle {
  const absolute = path.resolve(options.cwd, file);
  let bytes: Buffer;
  try {
    // read at once: a folder fails the read itself (EISDIR), so no stat per file (2,000 files: 2% of a roundtrip)
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError('article.notFound', 'articles:notFound', { file }, { file });
    if (code === 'EISDIR') throw inputError('article.isDirectory', 'articles:isDirectory', { file }, { file });
    throw error;
  }
  const text = decodeArticleBytes(bytes, file);
  const relative = path.relative(config.paths.articles, absolute).split(path.sep).join('/');
  const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
  let lang: Lang = 'en';
  if (options.lang !== undefined) {
    if (!isSupportedLanguage(options.lang)) {
      throw inputError(
        'article.unknownLanguage',
        'articles:unknownLanguage',
        { file, code: options.lang, expected: supportedLanguages.join(', ') },
        { file },
      );
    }
    lang = options.lang;
  } else {
    const folder = inside ? relative.split('/')[0] : undefined;
    if (folder !== undefined && relative.includes('/') && isSupportedLanguage(folder)) lang = folder;
    else {
      const declared = frontMatterLanguage(text, file);
      if (declared !== undefined && isSupportedLanguage(declared)) lang = declared;
    }
  }
  const input: Parameters<typeof parseArticle>[0] = {
    path: file,
    relativePath: inside ? relative : path.basename(absolute),
    lang,
    text,
    frontMatterKeys: config.frontMatterKeys,
    limits: config.limits,
  };
  if (options.maxBlockChars !== undefined) input.maxBlockChars = options.maxBlockChars;
  return parseArticle(input);
}
