/**
 * The article parser of a translate run (articles/read.ts and with it the Markdown parser), loaded on
 * first need: a rerun whose sources, outputs and glossary are unchanged never parses an article, and so
 * never loads it (issue 13, fast start). The stages that parse are synchronous, so the run loads the
 * parser before a group that may parse (`mayParse` in segment.ts) and before an article's files are
 * written; the parse itself (`parseWithLoadedParser`) then finds it loaded.
 */
import type { ParseArticleInput, ParsedArticle } from '../articles/read.js';

type ArticleParser = (input: ParseArticleInput) => ParsedArticle;

let loading: Promise<ArticleParser> | null = null;
let loaded: ArticleParser | null = null;

/** Loads the parser once (one import for concurrent callers: jest's ESM loader fails on concurrent imports). */
export async function loadArticleParser(): Promise<void> {
  loading ??= import('../articles/read.js').then((module) => module.parseArticle);
  loaded = await loading;
}

/** Parses with the loaded parser; asking before `loadArticleParser` resolved is a bug of the caller. */
export function parseWithLoadedParser(input: ParseArticleInput): ParsedArticle {
  if (loaded === null) throw new Error('translate: an article was parsed before the parser was loaded');
  return loaded(input);
}
