/**
 * The run's glossary context (src/translate/glossary-context.ts) matches a source text once for the
 * segment stage (its usage) and the plan stage (its placeholders): what it gives is what the matcher and
 * `glossaryUsageFor` give, for texts met again, in another language, and after its bounded cache emptied.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../src/config/load.js';
import { createTermMatcher } from '../../src/glossary/matcher.js';
import { glossaryUsageFor, glossaryUsageOfMatches } from '../../src/glossary/usage.js';
import { loadGlossaryContext } from '../../src/translate/glossary-context.js';
import { copyWorkspace } from '../e2e/workspace.js';

const ws = copyWorkspace();
afterAll(() => ws.remove());

const texts = [
  'Kim Soo-hyun and <g id="1">Kim Ji-won</g> in Queen of Tears',
  'Queen of Tears ends with a record',
  'No term here &amp; none there.',
  '김수현은 눈물의 여왕에서',
];

describe('loadGlossaryContext', () => {
  const context = loadGlossaryContext(loadConfig({ workspace: ws.dir }), true);

  test('matches and usage are the matcher’s and glossaryUsageFor’s, met once or again, in each language', () => {
    const matchers = { en: createTermMatcher(context.termbase, 'en'), ko: createTermMatcher(context.termbase, 'ko') };
    let matched = 0;
    for (const round of [1, 2])
      for (const lang of ['en', 'ko'] as const)
        for (const text of texts) {
          const matches = matchers[lang].match(text);
          matched += matches.length;
          expect([round, context.matchesOf(lang, text)]).toEqual([round, matches]);
          expect([round, context.usageOf(lang, text)]).toEqual([
            round,
            glossaryUsageFor(text, matchers[lang], context.termbase),
          ]);
        }
    // the fixture's glossary is met in both languages
    expect(matched).toBeGreaterThan(8);
  });

  test('after more texts than the cache keeps, the answers are still the same', () => {
    const matcher = createTermMatcher(context.termbase, 'en');
    const first = context.usageOf('en', texts[0]!);
    for (let i = 0; i < 5000; i++) context.matchesOf('en', `text ${i} with Kim Soo-hyun`);
    expect(context.usageOf('en', texts[0]!)).toEqual(first);
    expect(context.matchesOf('en', 'text 4999 with Kim Soo-hyun')).toEqual(
      matcher.match('text 4999 with Kim Soo-hyun'),
    );
  });

  test('usage from known matches equals usage from the text', () => {
    const matcher = createTermMatcher(context.termbase, 'en');
    for (const text of texts) {
      expect(glossaryUsageOfMatches(matcher.match(text), context.termbase)).toEqual(
        glossaryUsageFor(text, matcher, context.termbase),
      );
      expect(glossaryUsageOfMatches(matcher.match(text), context.termbase.entries)).toEqual(
        glossaryUsageFor(text, matcher, context.termbase.entries),
      );
    }
  });
});
