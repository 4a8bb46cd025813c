/**
 * markup-parity: the target carries the inline markup of the source: the same links (so the same URLs),
 * the same emphasis and inline code, images kept. Tags are compared by id (the id stands for the exact
 * Markdown of the source, URL included), so a tag dropped, doubled or invented by MT or an editor is
 * reported with what it stood for.
 */
import type { InlineTag } from '../../segments/types.js';
import { t, type MessageKey } from '../../i18n/index.js';
import type { TextView } from '../text-view.js';
import type { Violation } from '../types.js';
import type { SegmentRule, CheckedSegment, RuleContext } from '../rule-context.js';

function countTags(view: TextView): { counts: Map<string, number>; wellFormed: boolean } {
  const counts = new Map<string, number>();
  for (const tag of view.tags) {
    const key = `${tag.type}:${tag.id}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, wellFormed: view.wellFormed };
}

/** what a tag stands for, for people: the link's URL, "emphasis", the code */
function describe(tag: InlineTag | undefined, id: string): { what: InlineTag['markup'] | 'tag'; detail: string } {
  if (!tag) return { what: 'tag', detail: id };
  switch (tag.markup) {
    case 'link':
    case 'autolink':
    case 'image':
      return { what: tag.markup, detail: tag.url ?? tag.open + tag.close };
    case 'code':
    case 'html':
      return { what: tag.markup, detail: tag.open };
    default:
      return { what: tag.markup, detail: `${tag.open}…${tag.close}` };
  }
}

function report(
  segment: CheckedSegment,
  ctx: RuleContext,
  messageKey: MessageKey,
  params: Record<string, unknown>,
): Violation {
  return ctx.report({ rule: 'markup-parity', segment, messageKey, params });
}

export const markupParityRule: SegmentRule = {
  id: 'markup-parity',
  scope: 'segment',
  modes: ['workspace'],
  check(segment, ctx) {
    if (segment.source === null || segment.target === null) return [];
    const source = countTags(ctx.view(segment, 'source')!);
    const target = countTags(ctx.view(segment, 'target')!);
    const violations: Violation[] = [];
    if (!target.wellFormed) violations.push(report(segment, ctx, 'check:message.markupMalformed', {}));
    for (const [key, expected] of source.counts) {
      const found = target.counts.get(key) ?? 0;
      const id = key.slice(2);
      const { what, detail } = describe(segment.tags[id], id);
      if (found < expected)
        violations.push(
          report(segment, ctx, 'check:message.markupMissing', { what: t(`check:markup.${what}`), detail }),
        );
      else if (found > expected)
        violations.push(
          report(segment, ctx, 'check:message.markupDuplicated', { what: t(`check:markup.${what}`), detail }),
        );
    }
    for (const key of target.counts.keys()) {
      if (!source.counts.has(key))
        violations.push(
          report(segment, ctx, 'check:message.markupUnknown', {
            tag: key.startsWith('g:') ? `<g id="${key.slice(2)}">` : `<x id="${key.slice(2)}"/>`,
          }),
        );
    }
    return violations;
  },
};
