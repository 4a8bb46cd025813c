/**
 * untranslated-segment: a segment with no translation, or whose "translation" is the source text itself.
 * Identical text is fine when what is left after taking out glossary terms, numbers and punctuation is
 * less than two words (a heading "Kim Soo-hyun", a table cell "tvN", a number).
 */
import type { SegmentRule } from '../rule-context.js';

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

/** combining marks and conjoining Hangul jamo: what NFC composes with its neighbour */
function composes(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xd7b0 && code <= 0xd7ff) ||
    (code >= 0x3099 && code <= 0x309a)
  );
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Same text up to white space and Unicode normalisation. Compares character by character and falls back
 * to full normalisation only where a combining mark could make two different sequences equal, so a
 * real translation (different within a few characters) costs almost nothing.
 */
export function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isSpace(a.charCodeAt(i))) i++;
    while (j < b.length && isSpace(b.charCodeAt(j))) j++;
    if (i >= a.length || j >= b.length) return (i >= a.length && j >= b.length) || normalise(a) === normalise(b);
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (x !== y) {
      if (composes(x) || composes(y) || composes(a.charCodeAt(i + 1)) || composes(b.charCodeAt(j + 1))) {
        return normalise(a) === normalise(b);
      }
      return false;
    }
    i++;
    j++;
  }
}

export const untranslatedSegmentRule: SegmentRule = {
  id: 'untranslated-segment',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    if (segment.source === null) return [];
    if (segment.target === null) {
      return [
        ctx.report({
          rule: 'untranslated-segment',
          segment,
          messageKey: 'check:message.segmentUntranslated',
          params: {},
        }),
      ];
    }
    const source = ctx.view(segment, 'source')!.text;
    if (!sameText(source, ctx.view(segment, 'target')!.text)) return [];
    let rest = source;
    // blank out glossary terms, from the end so offsets stay valid
    for (const match of [...ctx.terms(segment).inSource].reverse())
      rest = `${rest.slice(0, match.start)} ${rest.slice(match.end)}`;
    const words = rest.match(/\p{L}{2,}/gu) ?? [];
    if (words.length < 2) return [];
    return [
      ctx.report({
        rule: 'untranslated-segment',
        segment,
        messageKey: 'check:message.segmentSameAsSource',
        params: {},
      }),
    ];
  },
};
