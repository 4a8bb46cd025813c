/**
 * untranslated-term: the source-language form of a term that must be translated, left in the target
 * (the English title "Queen of Tears" inside Italian text). Names written the same in both languages
 * are accepted target forms and never reported; do-not-translate entries are never reported. A variant
 * spelling of the source side ("Kim Soohyun", "Kim Ji Won" for Kim Ji-won) is named as a spelling.
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
      // a variant spelling of the source side ("Kim Ji Won") is named as a spelling, not as English
      const asWritten = match.form === undefined || termText(match) === match.form;
      const spelling = (match.matchedAs === 'variant' || !asWritten) && !/[\uAC00-\uD7A3]/.test(match.surface);
      return ctx.report({
        rule: 'untranslated-term',
        segment,
        at: xmlSpanOf(view, match.start, match.end),
        messageKey: spelling ? 'check:message.sourceSpelling' : 'check:message.untranslatedTerm',
        params: { term: termText(match), expected },
        suggestion: expected,
        entryId: entry.id,
      });
    });
  },
};
