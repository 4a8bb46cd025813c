/**
 * glossary-term: a term found in the source segment must appear in the target in its canonical target
 * form or an accepted variant; the glossary's target-side matcher also accepts what Italian derives
 * (articulated prepositions: "della regina delle lacrime"; a capital at sentence start). One violation
 * per entry and segment, placed at the segment: a missing term has no place of its own in the target.
 */
import type { Violation } from '../types.js';
import type { SegmentRule } from '../rule-context.js';
import { missingTargetTerms, termText } from '../terms.js';

export const glossaryTermRule: SegmentRule = {
  id: 'glossary-term',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    if (segment.source === null || segment.target === null) return [];
    const terms = ctx.terms(segment);
    const violations: Violation[] = [];
    // do-not-translate entries have their own rule
    for (const { match, entry, expected, inTarget } of missingTargetTerms(
      terms,
      ctx.glossary,
      ctx.targetLang,
      (entry) => !entry.doNotTranslate,
    )) {
      // already reported as a forbidden or an untranslated form: one problem, one violation
      if (ctx.severityOf('forbidden-term') !== 'off' && inTarget.length > 0) continue;
      if (
        ctx.severityOf('untranslated-term') !== 'off' &&
        terms.leftUntranslated.some((found) => found.entryId === entry.id)
      )
        continue;
      const term = termText(match);
      violations.push(
        ctx.report({
          rule: 'glossary-term',
          segment,
          // a name written the same in both languages is simply missing, not "to be translated as itself"
          messageKey: term === expected ? 'check:message.glossaryTermMissing' : 'check:message.glossaryTerm',
          params: { term, expected },
          suggestion: expected,
          entryId: entry.id,
        }),
      );
    }
    return violations;
  },
};
