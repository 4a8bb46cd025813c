/**
 * What a glossary change does to the translations already made: the segments whose glossary usage
 * (the entries their source matches, with their hashes) differs between two termbases. Those are the
 * segments the next `storyloc translate` marks stale and translates again (see
 * memory/glossary-staleness.ts); untranslated segments are not counted, they have nothing to lose.
 */
import type { ResolvedConfig } from '../config/types.js';
import { createTermMatcher, glossaryUsageFor } from '../glossary/index.js';
import type { TermMatcher } from '../glossary/matcher.js';
import type { Termbase } from '../glossary/types.js';
import type { Lang } from '../languages.js';
import { sameGlossaryUsage } from '../memory/records.js';
import { readArticleState } from '../memory/state-store.js';
import { listStateFiles } from '../memory/workspace.js';

export interface StaleStory {
  /** `en/queen-of-tears.md` */
  article: string;
  targetLang: Lang;
  /** segments that become stale */
  count: number;
}

/** Stories (sorted) with the number of their translated segments that `after` makes stale. */
export function segmentsMadeStale(config: ResolvedConfig, before: Termbase, after: Termbase): StaleStory[] {
  const matchers = new Map<string, TermMatcher>();
  const matcher = (termbase: Termbase, tag: string, lang: Lang): TermMatcher => {
    const key = `${tag}:${lang}`;
    let found = matchers.get(key);
    if (!found) matchers.set(key, (found = createTermMatcher(termbase, lang)));
    return found;
  };
  const stories: StaleStory[] = [];
  for (const file of listStateFiles(config)) {
    const state = readArticleState(file);
    if (!state) continue;
    let count = 0;
    for (const record of state.segments) {
      if (record.target === null) continue;
      const was = glossaryUsageFor(record.source, matcher(before, 'before', state.sourceLang), before);
      const will = glossaryUsageFor(record.source, matcher(after, 'after', state.sourceLang), after);
      if (!sameGlossaryUsage(was, will)) count++;
    }
    if (count > 0) stories.push({ article: state.article, targetLang: state.targetLang, count });
  }
  return stories.sort((a, b) => a.article.localeCompare(b.article) || a.targetLang.localeCompare(b.targetLang));
}
