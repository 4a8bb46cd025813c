/**
 * numbers: every number and date of the source segment is in the target, read the way each language
 * writes it (24.85% ↔ 24,85%, 1,000 ↔ 1.000, April 16th ↔ 16 aprile, 4월 16일 ↔ 16 aprile). A small
 * number may be spelled out ("sei settimane"). An English format left in an Italian target ("24.85")
 * is pointed at where it stands; a number that is gone is reported at the segment.
 */
import { extractNumbers, formatValue, valuesPresent } from '../numbers.js';
import { xmlSpanOf } from '../text-view.js';
import type { Violation } from '../types.js';
import type { SegmentRule } from '../rule-context.js';

function isBoundary(char: string | undefined): boolean {
  return char === undefined || !/[\p{L}\p{N}]/u.test(char);
}

/** where the source's own spelling of a number stands in the target, if it is there as a whole token */
function findLiteral(text: string, raw: string): number {
  for (let at = text.indexOf(raw); at >= 0; at = text.indexOf(raw, at + 1)) {
    if (isBoundary(text[at - 1]) && isBoundary(text[at + raw.length])) return at;
  }
  return -1;
}

export const numbersRule: SegmentRule = {
  id: 'numbers',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    if (segment.source === null || segment.target === null || ctx.sourceLang === null) return [];
    const source = ctx.view(segment, 'source')!;
    const sourceNumbers = extractNumbers(source.text, ctx.sourceLang);
    if (sourceNumbers.length === 0) return [];
    const target = ctx.view(segment, 'target')!;
    const present = valuesPresent(target.text, ctx.targetLang);
    if (segment.engine === 'pseudo') {
      // a pseudo translation is the source in disguise (accented vowels, source number formats): read
      // it the source's way too, so the rule still proves that every number came through the pipeline
      // (NFC again afterwards: NFD splits Hangul syllables into jamo)
      for (const value of valuesPresent(target.text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'), ctx.sourceLang)) present.add(value);
    }
    const violations: Violation[] = [];
    const reported = new Set<string>();
    for (const token of sourceNumbers) {
      if (token.values.some((value) => present.has(value))) continue;
      const value = token.values[0]!;
      if (reported.has(value)) continue;
      reported.add(value);
      const expected = formatValue(value, ctx.targetLang, /\d[,.]\d{3}(?!\d)/.test(token.raw));
      // only a spelling with separators is worth looking for: "12" would be found inside "2012"
      const literal = /[.,]/.test(token.raw) ? findLiteral(target.text, token.raw) : -1;
      if (literal >= 0) {
        violations.push(
          ctx.report({
            rule: 'numbers',
            segment,
            at: xmlSpanOf(target, literal, literal + token.raw.length),
            messageKey: 'check:message.numberFormat',
            params: { number: token.raw, expected },
            suggestion: expected,
          }),
        );
      } else {
        violations.push(
          ctx.report({ rule: 'numbers', segment, messageKey: 'check:message.numberMissing', params: { number: token.raw, expected }, suggestion: expected }),
        );
      }
    }
    return violations;
  },
};
