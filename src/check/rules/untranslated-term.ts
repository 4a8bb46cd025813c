/**
 * untranslated-term: the source-language form of a term that must be translated, left in the target
 * (the English title "Queen of Tears" inside Italian text). Names written the same in both languages
 * are accepted target forms and never reported; do-not-translate entries are never reported.
 */
import type { SegmentRule } from '../rule-context.js';
import { termText } from '../terms.js';
import { xmlSpanOf } from '../text-view.js';

export const untranslatedTermRule: SegmentRule = {
  id: 'untranslated-term',
  scope: 'segment',
  modes: ['workspace', 'target-only'],
  check(segment, ctx) {
    if (segment.target === null) return [];
    const view = ctx.view(segment, 'target')!;
    return ctx.terms(segment).leftUntranslated.map((match) => {
      const entry = ctx.glossary.entry(match.entryId)!;
      const expected = ctx.glossary.formIn(entry, ctx.targetLang)!;
      return ctx.report({
        rule: 'untranslated-term',
        segment,
        at: xmlSpanOf(view, match.start, match.end),
        messageKey: 'check:message.untranslatedTerm',
        params: { term: termText(match), expected },
        suggestion: expected,
        entryId: entry.id,
      });
    });
  },
};
