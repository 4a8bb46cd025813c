/**
 * The glossary as the translate stages see it: the termbase, one term matcher per source language and
 * the usage (entry id → hash) of every source text, each built once per run.
 */
import type { ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import { createTermMatcher, loadWorkspaceTermbase } from '../glossary/index.js';
import type { TermMatcher } from '../glossary/matcher.js';
import type { GlossaryUsage, TermMatch, Termbase } from '../glossary/types.js';
import { glossaryUsageOfMatches } from '../glossary/usage.js';
import type { Lang } from '../languages.js';
import { fileHash } from '../memory/records.js';

export interface GlossaryContext {
  termbase: Termbase;
  /** a hash of the whole termbase (keys the glossary-check cache) */
  hash: string;
  matcherFor(lang: Lang): TermMatcher;
  /** the terms a source text matches (what `matcherFor(lang).match(source)` gives) */
  matchesOf(lang: Lang, source: string): readonly TermMatch[];
  usageOf(lang: Lang, source: string): GlossaryUsage;
}

/** What the glossary says about one source text: its matches, and the usage taken from them once asked. */
interface GlossaryFacts {
  matches: readonly TermMatch[];
  usage: GlossaryUsage | null;
}

/** A hash of the whole termbase (entry ids and content hashes, in order). */
function termbaseHash(termbase: Termbase): string {
  return fileHash(termbase.entries.map((entry) => `${entry.id}:${entry.hash}`).join('\n')).slice(0, 16);
}

/** Source texts whose matches (and usage) are kept for the text met again. */
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
  // Bounded: it serves an article's other target languages, texts repeated nearby and the plan stage,
  // which protects the terms the segment stage matched in the same group; a cache of every segment of
  // the run was the one thing a streamed run's memory grew with.
  const cache = new Map<Lang, Map<string, GlossaryFacts>>();
  let cached = 0;
  const factsOf = (lang: Lang, source: string): GlossaryFacts => {
    let byText = cache.get(lang);
    if (!byText) cache.set(lang, (byText = new Map()));
    let facts = byText.get(source);
    if (!facts) {
      facts = { matches: termbase.entries.length === 0 ? [] : matcherFor(lang).match(source), usage: null };
      if (cached >= USAGES_CACHED) {
        for (const texts of cache.values()) texts.clear();
        cached = 0;
      }
      byText.set(source, facts);
      cached++;
    }
    return facts;
  };
  const matchesOf = (lang: Lang, source: string): readonly TermMatch[] => factsOf(lang, source).matches;
  const usageOf = (lang: Lang, source: string): GlossaryUsage => {
    const facts = factsOf(lang, source);
    facts.usage ??= glossaryUsageOfMatches(facts.matches, termbase);
    return facts.usage;
  };
  return { termbase, hash: termbaseHash(termbase), matcherFor, matchesOf, usageOf };
}
