/** `storyloc doctor` as one screen of text: a mark per finding, its fix under it, the verdict last. */
import type { MessageKey } from '../i18n/catalogs.js';
import { t } from '../i18n/index.js';
import type { DoctorReport, DoctorStatus } from './types.js';

const MARKS: Record<DoctorStatus, string> = { ok: '✓', warn: '!', fail: '✗', skip: '-' };

export function formatDoctorReport(report: DoctorReport, version: string): string {
  const lines = [t('setup:doctor.header', { version })];
  for (const finding of report.findings) {
    lines.push(
      `  ${MARKS[finding.status]} ${t(`setup:doctor.label.${finding.id}` as MessageKey)}: ` +
        t(finding.message.key, finding.message.params),
    );
    if (finding.fix) lines.push(`      ${t('setup:doctor.fixPrefix')}: ${t(finding.fix.key, finding.fix.params)}`);
  }
  const verdict = report.defaultEngine;
  lines.push('');
  if (verdict.name === null) lines.push(t('setup:doctor.verdict.noConfig'));
  else {
    const reason = verdict.reason ? t(verdict.reason.key, verdict.reason.params) : '';
    const key = !verdict.canRun
      ? 'setup:doctor.verdict.cannot'
      : verdict.leftOut.length > 0
        ? 'setup:doctor.verdict.partial'
        : 'setup:doctor.verdict.ok';
    lines.push(t(key, { engine: verdict.name, reason, pairs: verdict.leftOut.join(', ') }));
  }
  return `${lines.join('\n')}\n`;
}
