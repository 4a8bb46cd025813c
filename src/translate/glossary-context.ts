/**
 * The glossary as the translate stages see it: the termbase, one term matcher per source language and
 * the usage (entry id → hash) of every source text, each built once per run.
 */
import type { ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import { createTermMatcher, glossaryUsageFor, loadWorkspaceTermbase } from '../glossary/index.js';
import type { TermMatcher } from '../glossary/matcher.js';
import type { GlossaryUsage, Termbase } from '../glossary/types.js';
import type { Lang } from '../languages.js';
import { fileHash } from '../memory/records.js';

export interface GlossaryContext {
  termbase: Termbase;
  /** a hash of the whole termbase (keys the glossary-check cache) */
  hash: string;
  matcherFor(lang: Lang): TermMatcher;
  usageOf(lang: Lang, source: string): GlossaryUsage;
}

/** A hash of the whole termbase (entry ids and content hashes, in order). */
function termbaseHash(termbase: Termbase): string {
  return fileHash(termbase.entries.map((entry) => `${entry.id}:${entry.hash}`).join('\n')).slice(0, 16);
}

/** Glossary usages kept for texts met again. */
const USAGES_CACHED = 4096;

/** Loads the workspace glossary; an error in it stops the run before anything is read or written. */
export function loadGlossaryContext(config: ResolvedConfig, dryRun: boolean): GlossaryContext {
  // a dry run writes nothing, not even the glossary's parse cache
  const loaded = loadWorkspaceTermbase(config, undefined, { writeCache: !dryRun });
  const glossaryError = loaded.problems.find((problem) => problem.severity === 'error');
  if (glossaryError) {
    throw new StorylocError(glossaryError.code, glossaryError.messageKey, glossaryError.params, {
      position: { file: glossaryError.file, line: glossaryError.line, column: glossaryError.column },
    });
  }
  const termbase = loaded.termbase;
  const matchers = new Map<Lang, TermMatcher>();
  const matcherFor = (lang: Lang): TermMatcher => {
    let matcher = matchers.get(lang);
    if (!matcher) matchers.set(lang, (matcher = createTermMatcher(termbase, lang)));
    return matcher;
  };
  // Bounded: it serves an article's other target languages and texts repeated nearby; a cache of every
  // segment of the run was the one thing a streamed run's memory grew with.
  const usageCache = new Map<string, GlossaryUsage>();
  const usageOf = (lang: Lang, source: string): GlossaryUsage => {
    const key = `${lang}\u0000${source}`;
    let usage = usageCache.get(key);
    if (!usage) {
      usage = termbase.entries.length === 0 ? {} : glossaryUsageFor(source, matcherFor(lang), termbase);
      if (usageCache.size >= USAGES_CACHED) usageCache.clear();
      usageCache.set(key, usage);
    }
    return usage;
  };
  return { termbase, hash: termbaseHash(termbase), matcherFor, usageOf };
}
