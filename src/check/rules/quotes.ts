/**
 * quotes: “ ” ‘ ’ « » balanced and facing the right way, per block (a quotation may span sentences).
 * The segments of a block are read as one text. In workspace mode a block whose source already has
 * quotation problems is left alone (a quotation running over paragraphs is written that way on purpose,
 * and the translation mirrors it).
 */
import { findQuoteProblems, type QuoteProblem } from '../quotes.js';
import type { TextView } from '../text-view.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import type { BlockRule, CheckedSegment, RuleContext } from '../rule-context.js';

interface JoinedBlock {
  text: string;
  /** start of each segment's text in `text` */
  starts: number[];
  views: TextView[];
}

function join(segments: readonly CheckedSegment[], side: 'source' | 'target', ctx: RuleContext): JoinedBlock | null {
  let text = '';
  const starts: number[] = [];
  const views: TextView[] = [];
  for (const segment of segments) {
    const view = ctx.view(segment, side);
    if (view === null) return null;
    if (starts.length > 0) text += ' ';
    starts.push(text.length);
    views.push(view);
    text += view.text;
  }
  return { text, starts, views };
}

const messageKeys: Record<QuoteProblem['kind'], MessageKey> = {
  wrongDirection: 'check:message.quoteWrongDirection',
  unclosed: 'check:message.quoteUnclosed',
  unopened: 'check:message.quoteUnopened',
};

export const quotesRule: BlockRule = {
  id: 'quotes',
  scope: 'block',
  modes: ['workspace', 'target-only'],
  check(block, ctx) {
    const target = join(block, 'target', ctx);
    if (target === null) return [];
    const problems = findQuoteProblems(target.text);
    if (problems.length === 0) return [];
    if (ctx.mode === 'workspace') {
      const source = join(block, 'source', ctx);
      if (source === null || findQuoteProblems(source.text).length > 0) return [];
    }
    return problems.map((problem) => {
      let index = target.starts.length - 1;
      while (index > 0 && target.starts[index]! > problem.offset) index--;
      const view = target.views[index]!;
      const offset = problem.offset - target.starts[index]!;
      const start = view.xmlOffset(offset);
      return ctx.report({
        rule: 'quotes',
        segment: block[index]!,
        at: { start, end: start + 1 },
        messageKey: messageKeys[problem.kind],
        params: { mark: problem.mark, expected: problem.expected },
        ...(problem.kind === 'wrongDirection' ? { suggestion: problem.expected } : {}),
      });
    });
  },
};
