/**
 * flagged-segment: the pipeline flagged the segment after MT (a glossary placeholder lost or doubled, a
 * tag dropped or misplaced): it must not be published until someone fixes it. Each flag is its own
 * finding, said in words: the raw codes (`tags.link-in-link:2`, `placeholder.lost:t1:entry`) are the
 * pipeline's vocabulary, not the editor's.
 */
import type { SegmentRule } from '../rule-context.js';
import type { MessageKey } from '../../i18n/catalogs.js';

interface FlagMessage {
  messageKey: MessageKey;
  params: Record<string, string>;
}

/**
 * The message of one flag. Codes come from segments/tag-placement.ts (`tags.empty:N`, `tags.link-in-link:N`,
 * `tags.intraword:N`, `tags.mismatch`) and glossary/placeholders.ts (`placeholder.lost|duplicated:tN:entry`,
 * `placeholder.unknown:tN`); anything else (an older state file) is shown as it is.
 */
export function flagMessage(flag: string): FlagMessage {
  const [code = '', id = '', entry = ''] = flag.split(':');
  switch (code) {
    case 'tags.empty':
      return { messageKey: 'check:message.flag.tagEmpty', params: { tag: id } };
    case 'tags.link-in-link':
      return { messageKey: 'check:message.flag.linkInLink', params: { tag: id } };
    case 'tags.intraword':
      return { messageKey: 'check:message.flag.intraword', params: { tag: id } };
    case 'tags.mismatch':
      return { messageKey: 'check:message.flag.tagMismatch', params: {} };
    case 'placeholder.lost':
      return { messageKey: 'check:message.flag.termLost', params: { term: entry || id } };
    case 'placeholder.duplicated':
      return { messageKey: 'check:message.flag.termDuplicated', params: { term: entry || id } };
    case 'placeholder.unknown':
      return { messageKey: 'check:message.flag.placeholderUnknown', params: { placeholder: id } };
    default:
      return { messageKey: 'check:message.flagged', params: { flags: flag } };
  }
}

export const flaggedSegmentRule: SegmentRule = {
  id: 'flagged-segment',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    return segment.flags.map((flag) => ctx.report({ rule: 'flagged-segment', segment, ...flagMessage(flag) }));
  },
};
