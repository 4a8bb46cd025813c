/**
 * not-approved: a translated segment that is not approved (machine, edited, rejected) or whose source
 * changed since (stale). A warning by default; `check.severities.not-approved: error` makes it a gate
 * for a "publish only approved" policy. A segment edited by hand in the output file (not recorded in the
 * state yet) is `edited`: what `storyloc translate` will record.
 */
import type { SegmentRule } from '../rule-context.js';
import type { MessageKey } from '../../i18n/catalogs.js';

export const notApprovedRule: SegmentRule = {
  id: 'not-approved',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    if (
      segment.target === null ||
      segment.state === null ||
      segment.state === 'approved' ||
      segment.state === 'untranslated'
    )
      return [];
    const messageKey: MessageKey = segment.editedInOutput
      ? 'check:message.state.editedInOutput'
      : `check:message.state.${segment.state}`;
    return [ctx.report({ rule: 'not-approved', segment, messageKey, params: {} })];
  },
};
