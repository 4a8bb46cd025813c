/**
 * The terminal review (`storyloc review`): for each segment waiting for review, the source (and how it
 * changed since the last approval), the previous approved target, the candidate with a word diff,
 * and the glossary terms with whether each is respected. Colour on a terminal, `[-old-]{+new+}` else.
 */
import { PIPELINE_AUTHOR } from '../memory/segment-life.js';
import type { Lang } from '../languages.js';
import type { SegmentRecord } from '../memory/types.js';
import { t } from '../i18n/index.js';
import type { TermFinding } from './term-findings.js';
import { toEditableText } from './tagged-text.js';
import { describeFlag } from './outcome-text.js';
import { diffSegmentWords, formatDiffAnsi, formatDiffMarkers, hasChanges, type DiffPart } from './word-diff.js';
import { displayWidth } from './display-width.js';

export interface ReviewItem {
  article: string;
  targetLang: Lang;
  /** the segments to show (already filtered to the ones waiting for review) */
  records: SegmentRecord[];
  /** glossary findings per segment id */
  findings: Map<string, TermFinding[]>;
}

/** The version a candidate is compared with: the last approved target, else the target before it went stale. */
export function previousVersionOf(record: SegmentRecord): { text: string; approved: boolean } | null {
  if (record.approvedTarget !== undefined) return { text: record.approvedTarget, approved: true };
  if (record.previousTarget !== undefined) return { text: record.previousTarget, approved: false };
  return null;
}

/** Source diff since the last approval; null when the source did not change or was never approved. */
export function sourceChangeOf(record: SegmentRecord): DiffPart[] | null {
  if (record.approvedSource === undefined || record.approvedSource === record.source) return null;
  return diffSegmentWords(record.approvedSource, record.source);
}

export function renderTerminalReview(items: ReviewItem[], options: { color: boolean }): string {
  const format = (parts: DiffPart[]): string => (options.color ? formatDiffAnsi(parts) : formatDiffMarkers(parts));
  const labels = {
    source: t('review:terminal.source'),
    sourceChanged: t('review:terminal.sourceChanged'),
    approved: t('review:terminal.approved'),
    previous: t('review:terminal.previous'),
    candidate: t('review:terminal.candidate'),
    glossary: t('review:terminal.glossary'),
    changedBy: t('review:terminal.changedBy'),
  };
  const width = Math.max(...Object.values(labels).map(displayWidth)) + 1;
  const label = (text: string): string => `    ${text}:${' '.repeat(width - displayWidth(text))}`;
  const continuation = ' '.repeat(4 + width + 1);
  const ok = options.color ? '\u001b[32m✓\u001b[0m' : '✓';
  const bad = options.color ? '\u001b[31m✗\u001b[0m' : '✗';

  // Multi-line segments (a paragraph with line breaks) keep their lines under the value column.
  const indent = (text: string): string => text.replace(/\n/g, `\n${continuation}`);
  const lines: string[] = [];
  let shown = 0;
  for (const item of items) {
    if (item.records.length === 0) continue;
    lines.push(
      t('review:terminal.articleHeader', { article: item.article, lang: item.targetLang, n: item.records.length }),
    );
    for (const record of item.records) {
      shown++;
      lines.push('');
      const state = t(`review:state.${record.state}`);
      lines.push(`  ${t('review:terminal.segmentHeader', { state, line: record.line, id: record.id })}`);
      const sourceChange = sourceChangeOf(record);
      if (sourceChange) lines.push(label(labels.sourceChanged) + indent(format(sourceChange)));
      else lines.push(label(labels.source) + indent(toEditableText(record.source)));

      const previous = previousVersionOf(record);
      const previousLabel = previous?.approved === false ? labels.previous : labels.approved;
      lines.push(label(previousLabel) + (previous ? indent(toEditableText(previous.text)) : t('review:terminal.none')));

      if (record.target === null) lines.push(label(labels.candidate) + t('review:terminal.untranslated'));
      else if (previous === null) lines.push(label(labels.candidate) + indent(toEditableText(record.target)));
      else {
        const parts = diffSegmentWords(previous.text, record.target);
        lines.push(
          label(labels.candidate) +
            indent(
              hasChanges(parts) ? format(parts) : `${toEditableText(record.target)}  ${t('review:terminal.unchanged')}`,
            ),
        );
      }
      // who made the current state (the identity of src/identity.ts), when it was a person
      if (record.changedBy !== null && record.changedBy !== PIPELINE_AUTHOR) {
        lines.push(
          label(labels.changedBy) +
            t('review:terminal.changedByValue', { by: record.changedBy, at: record.changedAt ?? '' }),
        );
      }

      const findings = item.findings.get(record.id) ?? [];
      findings.forEach((finding, index) => {
        const prefix = index === 0 ? label(labels.glossary) : continuation;
        lines.push(prefix + formatFinding(finding, ok, bad));
      });
      if (record.flags && record.flags.length > 0)
        lines.push(
          continuation + t('review:terminal.flags', { flags: record.flags.map((f) => describeFlag(f)).join('; ') }),
        );
    }
    lines.push('');
  }
  if (shown === 0) return `${t('review:terminal.nothingToReview')}\n`;
  lines.push(t('review:terminal.summary', { n: shown }));
  return `${lines.join('\n')}\n`;
}

function formatFinding(finding: TermFinding, ok: string, bad: string): string {
  const expected = finding.expected[0] ?? '';
  if (finding.respected) return `${ok} ${finding.sourceSurface} → ${finding.found ?? expected}`;
  if (finding.forbidden !== undefined) {
    const params = { term: finding.sourceSurface, expected, forbidden: finding.forbidden };
    return `${bad} ${t('review:terminal.termForbidden', params)}`;
  }
  if (finding.untranslated !== undefined) {
    const params = { term: finding.sourceSurface, expected, untranslated: finding.untranslated };
    return `${bad} ${t('review:terminal.termUntranslated', params)}`;
  }
  return `${bad} ${t('review:terminal.termMissing', { term: finding.sourceSurface, expected })}`;
}
