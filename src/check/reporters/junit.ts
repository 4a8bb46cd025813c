/**
 * JUnit XML, as CI servers read it: one <testsuite> per checked file, one failing <testcase> per
 * violation (named after its rule and position, the severity in the failure type), and one passing
 * <testcase> for a file with no violation, so clean files show up as passed.
 */
import { t } from '../../i18n/index.js';
import { formatMessage } from '../../i18n/message-templates.js';
import type { CheckReport, Violation } from '../types.js';
import { memoized } from './memoized.js';

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function escapeXmlText(text: string): string {
  // characters XML 1.0 cannot carry at all are dropped
  // eslint-disable-next-line no-control-regex
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** What a report writes the same way many times: translated once, escaped once. */
interface JunitText {
  segmentLine: (id: string) => string;
  suggestionLine: (suggestion: string) => string;
  attribute: (text: string) => string;
}

function junitText(): JunitText {
  return {
    segmentLine: segmentLineOf(),
    suggestionLine: memoized((suggestion) => formatMessage('check:report.suggestion', { suggestion })),
    attribute: memoized(escapeXmlAttribute),
  };
}

/** ids as segmentation writes them: what i18next puts into a message as is (no nesting, nothing to escape) */
const PLAIN_ID = /^[A-Za-z0-9_.:-]*$/;
const ID_SLOT = '\uE000';

/**
 * `t('check:report.segment', { id })` for every segment id of a report: one id per violation, so the
 * message is translated once with a stand-in and the ids put in its place (i18next inserts a value as
 * is: escapeValue is off, and a plain id holds nothing i18next reads); any other id is asked of t.
 */
export function segmentLineOf(): (id: string) => string {
  const parts = t('check:report.segment', { id: ID_SLOT }).split(ID_SLOT);
  if (parts.length !== 2) return (id) => t('check:report.segment', { id });
  const [before, after] = parts as [string, string];
  return (id) => (PLAIN_ID.test(id) ? before + id + after : t('check:report.segment', { id }));
}

function testcase(file: string, violation: Violation, text: JunitText): string {
  const name = `${violation.rule} ${violation.line}:${violation.column}`;
  const body = [`${file}:${violation.line}:${violation.column}`, violation.message];
  if (violation.segmentId !== null) body.push(text.segmentLine(violation.segmentId));
  if (violation.suggestion !== undefined) body.push(text.suggestionLine(violation.suggestion));
  const where = `classname="${text.attribute(file)}" file="${text.attribute(file)}"`;
  const failure = `message="${text.attribute(violation.message)}" type="${violation.severity}"`;
  return (
    `    <testcase name="${escapeXmlAttribute(name)}" ${where} line="${violation.line}">\n` +
    `      <failure ${failure}>${escapeXmlText(body.join('\n'))}</failure>\n` +
    '    </testcase>\n'
  );
}

export function formatJunit(report: CheckReport): string {
  const byFile = new Map<string, Violation[]>();
  for (const file of report.files) byFile.set(file, []);
  for (const violation of report.violations) {
    const list = byFile.get(violation.file);
    if (list) list.push(violation);
    else byFile.set(violation.file, [violation]);
  }
  const text = junitText();
  let tests = 0;
  let suites = '';
  for (const [file, violations] of byFile) {
    const count = Math.max(1, violations.length);
    tests += count;
    const counts = `tests="${count}" failures="${violations.length}" errors="0" skipped="0"`;
    suites += `  <testsuite name="${escapeXmlAttribute(file)}" ${counts}>\n`;
    const where = `classname="${escapeXmlAttribute(file)}" file="${escapeXmlAttribute(file)}"`;
    if (violations.length === 0) suites += `    <testcase name="storyloc check" ${where}/>\n`;
    for (const violation of violations) suites += testcase(file, violation, text);
    suites += '  </testsuite>\n';
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="storyloc check" tests="${tests}" failures="${report.violations.length}" errors="0">\n` +
    suites +
    '</testsuites>\n'
  );
}
