/**
 * flagged-segment: the pipeline flagged the segment after MT (a glossary placeholder lost or doubled, a
 * tag dropped): it must not be published until someone fixes it.
 */
import type { SegmentRule } from '../rule-context.js';

export const flaggedSegmentRule: SegmentRule = {
  id: 'flagged-segment',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    if (segment.flags.length === 0) return [];
    return [
      ctx.report({
        rule: 'flagged-segment',
        segment,
        messageKey: 'check:message.flagged',
        params: { flags: segment.flags.join(', ') },
      }),
    ];
  },
};
