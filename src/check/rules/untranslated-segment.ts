/**
 * untranslated-segment: a segment with no translation, or whose "translation" is the source text itself.
 * Identical text is fine when what is left after taking out glossary terms, numbers and punctuation is
 * less than two words (a heading "Kim Soo-hyun", a table cell "tvN", a number).
 */
import { textView } from '../text-view.js';
import type { SegmentRule } from '../rule-context.js';

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export const untranslatedSegmentRule: SegmentRule = {
  id: 'untranslated-segment',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    if (segment.source === null) return [];
    if (segment.target === null) {
      return [ctx.report({ rule: 'untranslated-segment', segment, messageKey: 'check:message.segmentUntranslated', params: {} })];
    }
    const source = textView(segment.source).text;
    if (normalise(source) !== normalise(textView(segment.target).text)) return [];
    let rest = source;
    // blank out glossary terms, from the end so offsets stay valid
    const plainTerms = ctx.glossary.size === 0 || ctx.sourceLang === null ? [] : ctx.glossary.sourceMatcher(ctx.sourceLang).match(source, { markup: 'plain' });
    for (const match of [...plainTerms].reverse()) rest = rest.slice(0, match.start) + ' ' + rest.slice(match.end);
    const words = rest.match(/\p{L}{2,}/gu) ?? [];
    if (words.length < 2) return [];
    return [ctx.report({ rule: 'untranslated-segment', segment, messageKey: 'check:message.segmentSameAsSource', params: {} })];
  },
};
