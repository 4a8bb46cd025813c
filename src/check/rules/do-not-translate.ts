/**
 * do-not-translate: a term marked do-not-translate (tvN, chaebol) found in the source must appear in the
 * target exactly as the glossary writes it. When the target has it with other capitals ("TVN") the
 * violation points there; when it is gone, at the segment.
 */
import type { Violation } from '../types.js';
import type { SegmentRule } from '../rule-context.js';
import { missingTargetTerms, termText } from '../terms.js';
import { xmlSpanOf } from '../text-view.js';

export const doNotTranslateRule: SegmentRule = {
  id: 'do-not-translate',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    if (segment.source === null || segment.target === null) return [];
    const terms = ctx.terms(segment);
    const violations: Violation[] = [];
    for (const { match, entry, expected } of missingTargetTerms(
      terms,
      ctx.glossary,
      ctx.targetLang,
      (entry) => entry.doNotTranslate,
    )) {
      const view = ctx.view(segment, 'target')!;
      const changedAt = view.text.toLowerCase().indexOf(expected.toLowerCase());
      const base = {
        rule: 'do-not-translate' as const,
        segment,
        params: { term: termText(match), expected },
        suggestion: expected,
        entryId: entry.id,
      };
      if (changedAt >= 0) {
        const found = view.text.slice(changedAt, changedAt + expected.length);
        violations.push(
          ctx.report({
            ...base,
            at: xmlSpanOf(view, changedAt, changedAt + expected.length),
            messageKey: 'check:message.doNotTranslateChanged',
            params: { ...base.params, found },
          }),
        );
      } else {
        const messageKey =
          termText(match) === expected ? 'check:message.doNotTranslateGone' : 'check:message.doNotTranslateMissing';
        violations.push(ctx.report({ ...base, messageKey }));
      }
    }
    return violations;
  },
};
