/**
 * numbers: every number and date of the source segment is in the target, read the way each language
 * writes it (24.85% ↔ 24,85%, 1,000 ↔ 1.000 ↔ mille, 2만 ↔ 20.000 ↔ 20 mila, 7 million ↔ 7 milioni,
 * April 16th ↔ 4월 16일 ↔ 16 aprile ↔ 2024-04-16, twelve ↔ 12 ↔ dodici). Also, in Italian, a number
 * written the English way (13.0%, 1,234.5) and, against the source, a number moved out of its markup.
 *
 * Every finding points at the token at fault in the target: a number of the source that is missing is
 * reported where the target has a number the source does not (the 13 that replaced an 11, the "otto"
 * that replaced a 9), and only at the segment when the target has no such number (the number was
 * dropped). In target-only mode (no source) only the spelling is checked.
 */
import type { Lang } from '../../languages.js';
import { englishFormatsInItalian, innermostTagText, openTagsAt, withSign } from '../number-format.js';
import type { FormatProblem } from '../number-format.js';
import { extractNumbers, formatValue, valuesPresent, type NumberToken } from '../numbers.js';
import { xmlSpanOf, type TextView } from '../text-view.js';
import { withoutMarks } from '../without-marks.js';
import type { Violation } from '../types.js';
import type { CheckedSegment, RuleContext, SegmentRule } from '../rule-context.js';

/** the value an Italian spelling reads as, for a number written alone */
function readItalian(raw: string): string | undefined {
  const [token] = extractNumbers(raw, 'it');
  return token !== undefined && token.start === 0 && token.end === raw.length ? token.values[0] : undefined;
}

function formatFindings(
  segment: CheckedSegment,
  ctx: RuleContext,
  view: TextView,
  problems: readonly FormatProblem[],
): Violation[] {
  return problems.map((problem) =>
    ctx.report({
      rule: 'numbers',
      segment,
      at: xmlSpanOf(view, problem.start, problem.end),
      messageKey: 'check:message.numberEnglishFormat',
      params: { number: problem.raw, expected: problem.expected },
      suggestion: problem.expected,
    }),
  );
}

function isLetterOrDigit(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** whether `words` stand in `text` as whole words (both lower case) */
function keptAsWritten(text: string, words: string): boolean {
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (!isLetterOrDigit(text[at - 1]) && !isLetterOrDigit(text[at + words.length])) return true;
  }
  return false;
}

/** the kind a replacement must have: a date for a date, a number for a number or a month */
function sameKind(a: NumberToken, b: NumberToken): boolean {
  return (a.kind === 'date') === (b.kind === 'date');
}

interface Comparison {
  source: TextView;
  target: TextView;
  sourceNumbers: NumberToken[];
  /** every number of the source (sourceNumbers may leave out those reported for their spelling) */
  allSourceNumbers: NumberToken[];
  /** the numbers of the target, read the target's way (read once, when first asked for) */
  targetNumbers: () => NumberToken[];
  sourceLang: Lang;
}

/** `read()` once, on first use */
function lazy<T>(read: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = read();
      done = true;
    }
    return value as T;
  };
}

/** Source numbers missing from the target, each at the target number that took its place when there is one. */
function missingNumbers(
  segment: CheckedSegment,
  ctx: RuleContext,
  input: Comparison,
  covered: readonly FormatProblem[],
): Violation[] {
  const { source, target, sourceNumbers, sourceLang } = input;
  const targetNumbers = input.targetNumbers;
  // a number is present when the target reads it the target's way, or, for a pseudo translation (the
  // source in disguise: accented vowels, source number formats), the source's way too, so the rule still
  // proves that every number came through the pipeline (NFC again afterwards: NFD splits Hangul syllables
  // into jamo). Presence is membership in the union of both readings, so each reading is made only when
  // a number is not found in the other; a pseudo target is read the source's way first (it usually keeps
  // the source's formats), then the target's way only for a number not found so.
  const targetValues = lazy(() => valuesPresent(target.text, ctx.targetLang, targetNumbers()));
  const undisguisedValues = lazy(() => valuesPresent(withoutMarks(target.text), sourceLang));
  const pseudo = segment.engine === 'pseudo';
  const isPresent = (token: NumberToken): boolean => {
    if (pseudo) {
      const undisguised = undisguisedValues();
      if (token.values.some((value) => undisguised.has(value))) return true;
    }
    const present = targetValues();
    return token.values.some((value) => present.has(value));
  };
  // numbers of the target that are none of the source's: digits first, then words that are only numbers
  // (needed only once a number is missing)
  let extras: NumberToken[] | undefined;
  const extrasOf = (): NumberToken[] => {
    const inSource = valuesPresent(source.text, sourceLang, input.allSourceNumbers);
    for (const token of sourceNumbers) for (const value of token.values) inSource.add(value);
    return targetNumbers()
      .filter((token) => !token.soft && !token.values.some((value) => inSource.has(value)))
      .filter((token) => !covered.some((problem) => problem.start < token.end && token.start < problem.end))
      .sort((a, b) => Number(a.words === true) - Number(b.words === true) || a.start - b.start);
  };
  const violations: Violation[] = [];
  const reported = new Set<string>();
  let lowerTarget: string | undefined;
  for (const token of sourceNumbers) {
    if (token.soft || isPresent(token)) continue;
    // words kept as written: a title or a name left in English ("Twenty-Five Twenty-One", Seventeen)
    lowerTarget ??= target.text.toLowerCase();
    if (token.words && keptAsWritten(lowerTarget, token.raw.toLowerCase())) continue;
    const value = token.values[0]!;
    if (reported.has(value)) continue;
    reported.add(value);
    const expected = formatValue(value, ctx.targetLang, /\d[,.]\d{3}(?!\d)/.test(token.raw));
    extras ??= extrasOf();
    const replacement = extras.findIndex((extra) => sameKind(extra, token));
    if (replacement >= 0) {
      const [found] = extras.splice(replacement, 1);
      violations.push(
        ctx.report({
          rule: 'numbers',
          segment,
          at: xmlSpanOf(target, found!.start, found!.end),
          messageKey: 'check:message.numberChanged',
          params: { found: found!.raw, number: token.raw, expected },
          suggestion: expected,
        }),
      );
    } else {
      const params = { number: token.raw, expected };
      const messageKey = 'check:message.numberMissing';
      violations.push(ctx.report({ rule: 'numbers', segment, messageKey, params, suggestion: expected }));
    }
  }
  return violations;
}

/** A number the source marks as a whole (**31.2%**) that the target splits from its markup or drops it from. */
function markupMoves(segment: CheckedSegment, ctx: RuleContext, input: Comparison): Violation[] {
  const { source, target, sourceNumbers } = input;
  if (!segment.source!.includes('<g ') || !segment.target!.includes('<g ')) return [];
  const targetNumbers = input.targetNumbers();
  const violations: Violation[] = [];
  const used = new Set<NumberToken>();
  for (const token of sourceNumbers) {
    if (token.words) continue;
    const span = withSign(source.text, token.start, token.end);
    const sourceStart = source.xmlOffset(span.start);
    const sourceTags = openTagsAt(segment.source!, sourceStart);
    if (sourceTags === '' || openTagsAt(segment.source!, source.xmlOffset(span.end - 1)) !== sourceTags) continue;
    const sameValue = (candidate: NumberToken): boolean =>
      candidate.values.some((value) => token.values.includes(value));
    const match = targetNumbers.find((candidate) => !used.has(candidate) && sameValue(candidate));
    if (match === undefined) continue;
    used.add(match);
    const targetSpan = withSign(target.text, match.start, match.end);
    const startTags = openTagsAt(segment.target!, target.xmlOffset(targetSpan.start));
    const endTags = openTagsAt(segment.target!, target.xmlOffset(targetSpan.end - 1));
    const markedAlone = innermostTagText(segment.source!, sourceStart) === source.text.slice(span.start, span.end);
    const innermost = sourceTags.split('/').pop()!;
    const left = markedAlone && !startTags.split('/').includes(innermost);
    if (startTags === endTags && !left) continue;
    violations.push(
      ctx.report({
        rule: 'numbers',
        segment,
        at: xmlSpanOf(target, targetSpan.start, targetSpan.end),
        messageKey: 'check:message.numberOutsideMarkup',
        params: {
          number: target.text.slice(targetSpan.start, targetSpan.end),
          marked: source.text.slice(span.start, span.end),
        },
      }),
    );
  }
  return violations;
}

export const numbersRule: SegmentRule = {
  id: 'numbers',
  scope: 'segment',
  modes: ['workspace', 'target-only'],
  check(segment, ctx) {
    if (segment.target === null) return [];
    const target = ctx.view(segment, 'target')!;
    const source = segment.source === null || ctx.sourceLang === null ? null : ctx.view(segment, 'source')!;
    const sourceNumbers = source === null ? [] : extractNumbers(source.text, ctx.sourceLang!);
    // a pseudo target keeps the source's spellings on purpose
    const checkSpelling = ctx.targetLang === 'it' && segment.engine !== 'pseudo';
    const sourceSpellings = ctx.sourceLang === 'it' ? [] : sourceNumbers;
    const spelling = checkSpelling ? englishFormatsInItalian(target.text, sourceSpellings, readItalian) : [];
    const violations = formatFindings(segment, ctx, target, spelling);
    if (source === null || sourceNumbers.length === 0) return violations;
    const targetNumbers = lazy(() => extractNumbers(target.text, ctx.targetLang));
    const input: Comparison = {
      source,
      target,
      sourceNumbers,
      allSourceNumbers: sourceNumbers,
      targetNumbers,
      sourceLang: ctx.sourceLang!,
    };
    // a number written the English way is reported as such, not again as missing
    const spelled = new Set(spelling.map((problem) => problem.raw.replace(/[\s%‰]+$/u, '')));
    const unspelled = sourceNumbers.filter((token) => !spelled.has(/^[\d.,]*/.exec(token.raw)![0]));
    const notSpelled = { ...input, sourceNumbers: unspelled };
    violations.push(...missingNumbers(segment, ctx, notSpelled, spelling), ...markupMoves(segment, ctx, input));
    return violations;
  },
};
