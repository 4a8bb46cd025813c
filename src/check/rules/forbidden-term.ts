/** forbidden-term: a form the glossary forbids in the target language, wherever it is in the target. */
import type { Violation } from '../types.js';
import type { SegmentRule } from '../rule-context.js';
import { overlaps } from '../terms.js';
import { xmlSpanOf } from '../text-view.js';

export const forbiddenTermRule: SegmentRule = {
  id: 'forbidden-term',
  scope: 'segment',
  modes: ['workspace', 'target-only'],
  check(segment, ctx) {
    if (segment.target === null) return [];
    const terms = ctx.terms(segment);
    const view = ctx.view(segment, 'target')!;
    const violations: Violation[] = [];
    for (const match of terms.inTarget) {
      if (match.matchedAs !== 'forbidden') continue;
      // a source-language form that is also forbidden ("Queen of Tears") is reported as untranslated
      if (ctx.severityOf('untranslated-term') !== 'off' && terms.leftUntranslated.some((left) => overlaps(left, match)))
        continue;
      const entry = ctx.glossary.entry(match.entryId);
      const expected = entry ? ctx.glossary.formIn(entry, ctx.targetLang) : undefined;
      const input = {
        rule: 'forbidden-term' as const,
        segment,
        at: xmlSpanOf(view, match.start, match.end),
        messageKey:
          expected === undefined
            ? ('check:message.forbiddenTerm' as const)
            : ('check:message.forbiddenTermUse' as const),
        params: { term: match.surface, expected },
        entryId: match.entryId,
      };
      violations.push(ctx.report(expected === undefined ? input : { ...input, suggestion: expected }));
    }
    return violations;
  },
};
