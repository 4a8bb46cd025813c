/**
 * The review summary for pull requests and bots (`storyloc review --format markdown|json`,
 * `storyloc status --format markdown`): per story the counts by state, then every segment waiting for
 * review with its source, the approved Italian and the candidate, the change shown word by word, and
 * what `storyloc check`'s glossary rules say about the candidate (the term and the form expected).
 * The data is built once (`buildReviewSummary`); JSON prints all of it, Markdown is sized for a PR
 * comment (GitHub refuses comments over 65,536 characters) and ends with "…and N more" when cut.
 */
import { t } from '../i18n/index.js';
import type { Lang } from '../languages.js';
import type { SegmentRecord, SegmentStatus } from '../memory/types.js';
import { segmentStatuses } from '../memory/state-store.js';
import { reviewableStatuses } from './approval.js';
import { summarizeArticleState, type ArticleStatus } from './status.js';
import { toEditableText } from './tagged-text.js';
import { previousVersionOf, sourceChangeOf } from './terminal-review.js';
import { diffSegmentWords, hasChanges, tokensToText, type DiffChange, type DiffPart } from './word-diff.js';
import type { ReviewWorkspace } from './workspace.js';
import { glossaryRules } from './glossary-review.js';

export interface SummaryDiffPart {
  change: DiffChange;
  /** editable text: unescaped, tags verbatim */
  text: string;
}

export interface SummarySegment {
  id: string;
  line: number;
  state: SegmentStatus;
  source: string;
  /** the source change since the last approval, word by word; null when unchanged */
  sourceChange: SummaryDiffPart[] | null;
  /** the version the candidate is compared with: approved (or, never approved, the one before it went stale) */
  previous: { text: string; approved: boolean } | null;
  /** null while untranslated */
  candidate: string | null;
  /** previous → candidate, word by word; null when there is nothing to compare */
  change: SummaryDiffPart[] | null;
  /** what `storyloc check`'s glossary rules say of the candidate, in check's words; empty: it keeps the glossary */
  glossary: SummaryGlossaryFinding[];
}

/** One glossary violation of a waiting segment, as `storyloc check` reports it. */
export interface SummaryGlossaryFinding {
  /** glossary-term, forbidden-term, untranslated-term or do-not-translate */
  rule: string;
  severity: 'error' | 'warning';
  /** the glossary entry */
  entryId: string | null;
  /** check's message in the UI language: the term and the form expected */
  message: string;
}

export interface SummaryArticle extends ArticleStatus {
  waiting: SummarySegment[];
}

export interface ReviewSummary {
  targetLang: Lang;
  articles: SummaryArticle[];
  /** segments waiting for review, in all articles */
  waiting: number;
}

function diffJson(parts: DiffPart[]): SummaryDiffPart[] {
  return parts.map((part) => ({ change: part.change, text: tokensToText(part.tokens) }));
}

function summarizeSegment(record: SegmentRecord, glossary: SummaryGlossaryFinding[] = []): SummarySegment {
  const previous = previousVersionOf(record);
  const sourceChange = sourceChangeOf(record);
  const parts = previous !== null && record.target !== null ? diffSegmentWords(previous.text, record.target) : null;
  return {
    id: record.id,
    line: record.line,
    state: record.state,
    source: toEditableText(record.source),
    sourceChange: sourceChange ? diffJson(sourceChange) : null,
    previous: previous ? { text: toEditableText(previous.text), approved: previous.approved } : null,
    candidate: record.target === null ? null : toEditableText(record.target),
    change: parts && hasChanges(parts) ? diffJson(parts) : null,
    glossary,
  };
}

const glossaryRuleIds: ReadonlySet<string> = new Set(glossaryRules.map((rule) => rule.id));

/**
 * The glossary violations of an article's translation by segment: `storyloc check` run on it (check owns
 * the rules, the workspace's severities and the wording), kept to the glossary rules.
 */
function glossaryFindingsBySegment(workspace: ReviewWorkspace, article: string): Map<string, SummaryGlossaryFinding[]> {
  const bySegment = new Map<string, SummaryGlossaryFinding[]>();
  for (const violation of workspace.checkFile(article)) {
    if (violation.segmentId === null || !glossaryRuleIds.has(violation.rule)) continue;
    const list = bySegment.get(violation.segmentId) ?? [];
    list.push({
      rule: violation.rule,
      severity: violation.severity,
      entryId: violation.entryId ?? null,
      message: violation.message,
    });
    bySegment.set(violation.segmentId, list);
  }
  return bySegment;
}

/** The summary of the named articles (default: every article with a state for the target language). */
export function buildReviewSummary(workspace: ReviewWorkspace, articles: readonly string[] = []): ReviewSummary {
  const summaries = workspace.articlesToReview(articles).map((article): SummaryArticle => {
    const state = workspace.readState(article);
    const records = state.segments.filter((record) => reviewableStatuses.includes(record.state));
    // the check runs only for a story with something waiting (a PR comment lists those alone)
    const glossary = records.length > 0 ? glossaryFindingsBySegment(workspace, state.article) : new Map();
    const waiting = records.map((record) => summarizeSegment(record, glossary.get(record.id)));
    return { ...summarizeArticleState(state), waiting };
  });
  return {
    targetLang: workspace.targetLang,
    articles: summaries,
    waiting: summaries.reduce((sum, article) => sum + article.waiting.length, 0),
  };
}

/** Text safe inside a Markdown paragraph: HTML and Markdown punctuation escaped, line breaks kept. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_~[\]|#]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, '<br>');
}

function diffMarkdown(parts: readonly SummaryDiffPart[]): string {
  return parts
    .map((part) => {
      const text = escapeMarkdown(part.text);
      if (part.change === 'removed') return `<del>${text}</del>`;
      if (part.change === 'added') return `<ins>${text}</ins>`;
      return text;
    })
    .join('');
}

/** The counts table: one row per story (used by review and status). */
export function statusTableMarkdown(statuses: readonly ArticleStatus[]): string[] {
  const header = [
    t('summary:story'),
    ...segmentStatuses.map((status) => t(`review:state.${status}`)),
    t('summary:total'),
    t('summary:publishable'),
  ];
  const rows = statuses.map((status) => {
    const counts = status.translated
      ? segmentStatuses.map((state) => String(status.counts[state]))
      : segmentStatuses.map(() => '–');
    const publishable = status.translated
      ? t(status.publishable ? 'summary:yes' : 'summary:no')
      : t('summary:notTranslated');
    return [`\`${status.article}\``, ...counts, status.translated ? String(status.total) : '–', publishable];
  });
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map((_, i) => (i === 0 || i === header.length - 1 ? '---' : '---:'))),
    ...rows.map(line),
  ];
}

const stateName = (state: SegmentStatus): string => t(`review:state.${state}`);

function segmentMarkdown(segment: SummarySegment): string[] {
  const lines = [
    `#### ${t('summary:segmentHeader', { line: segment.line, id: segment.id, state: stateName(segment.state) })}`,
    '',
  ];
  if (segment.sourceChange) lines.push(`- **${t('summary:sourceChanged')}:** ${diffMarkdown(segment.sourceChange)}`);
  else lines.push(`- **${t('summary:source')}:** ${escapeMarkdown(segment.source)}`);
  const previousLabel = segment.previous?.approved === false ? t('summary:previous') : t('summary:approved');
  lines.push(
    `- **${previousLabel}:** ${segment.previous ? escapeMarkdown(segment.previous.text) : `_${t('summary:none')}_`}`,
  );
  let candidate: string;
  if (segment.candidate === null) candidate = `_${t('summary:untranslated')}_`;
  else if (segment.change) candidate = diffMarkdown(segment.change);
  else candidate = `${escapeMarkdown(segment.candidate)}${segment.previous ? ` _${t('summary:unchanged')}_` : ''}`;
  lines.push(`- **${t('summary:candidate')}:** ${candidate}`);
  for (const finding of segment.glossary) {
    const severity = t(`check:report.severity.${finding.severity}`);
    lines.push(
      `- **${t('summary:glossary')}:** ${escapeMarkdown(finding.message)} · \`${finding.rule}\` · ${severity}`,
    );
  }
  lines.push('');
  return lines;
}

export interface MarkdownLimits {
  /** most segments shown (default 50) */
  maxSegments?: number;
  /** most characters (default 60,000: under GitHub's 65,536 with room for the last line) */
  maxChars?: number;
}

/** A pull-request comment: the marker bots look for, the counts table, then the segments waiting. */
export function renderReviewMarkdown(summary: ReviewSummary, limits: MarkdownLimits = {}): string {
  const maxSegments = limits.maxSegments ?? 50;
  const maxChars = limits.maxChars ?? 60_000;
  const out = [
    '<!-- storyloc-review -->',
    `### ${t('summary:reviewTitle', { count: summary.waiting, lang: summary.targetLang })}`,
    '',
  ];
  if (summary.articles.length === 0) return `${[...out, t('summary:noStories')].join('\n')}\n`;
  out.push(...statusTableMarkdown(summary.articles), '');
  if (summary.waiting === 0) return `${[...out, t('summary:nothingWaiting')].join('\n')}\n`;
  let size = out.join('\n').length;
  let shown = 0;
  outer: for (const article of summary.articles) {
    if (article.waiting.length === 0) continue;
    const heading = [
      `### \`${article.article}\` → ${article.targetLang}: ` +
        t('summary:waitingCount', { count: article.waiting.length }),
      '',
    ];
    let headed = false;
    for (const segment of article.waiting) {
      const block = [...(headed ? [] : heading), ...segmentMarkdown(segment)];
      const blockSize = block.join('\n').length + 1;
      if (shown >= maxSegments || size + blockSize > maxChars) break outer;
      out.push(...block);
      headed = true;
      size += blockSize;
      shown++;
    }
  }
  if (shown < summary.waiting) out.push(t('summary:more', { count: summary.waiting - shown }));
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** `storyloc status --format markdown`: the counts table and how many stories may be published. */
export function renderStatusMarkdown(statuses: readonly ArticleStatus[], targetLang: Lang): string {
  const out = ['<!-- storyloc-status -->', `### ${t('summary:statusTitle', { lang: targetLang })}`, ''];
  if (statuses.length === 0) return `${[...out, t('summary:noStories')].join('\n')}\n`;
  const publishable = statuses.filter((status) => status.publishable).length;
  out.push(
    ...statusTableMarkdown(statuses),
    '',
    t('summary:publishableCount', { count: publishable, total: statuses.length }),
  );
  return `${out.join('\n')}\n`;
}
