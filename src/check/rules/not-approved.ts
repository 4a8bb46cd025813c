/**
 * not-approved: a translated segment that is not approved (machine, edited, rejected) or whose source
 * changed since (stale). A warning by default; `check.severities.not-approved: error` makes it a gate
 * for a "publish only approved" policy.
 */
import type { SegmentRule } from '../rule-context.js';

export const notApprovedRule: SegmentRule = {
  id: 'not-approved',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    if (segment.target === null || segment.state === null || segment.state === 'approved' || segment.state === 'untranslated') return [];
    return [ctx.report({ rule: 'not-approved', segment, messageKey: `check:message.state.${segment.state}`, params: {} })];
  },
};
