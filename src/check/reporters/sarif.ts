/**
 * SARIF 2.1.0 (what GitHub code scanning and most static-analysis viewers read): one run, every rule in
 * tool.driver.rules with its default level and description, one result per violation with ruleId,
 * ruleIndex, level, message and a physical location (artifact URI relative to the repository root,
 * region in 1-based lines and UTF-16 columns). A suggestion on a span becomes a `fix`.
 */
import { t } from '../../i18n/index.js';
import { formatMessage } from '../../i18n/message-templates.js';
import { defaultSeverities } from '../severities.js';
import { ruleIds, type CheckReport, type Violation } from '../types.js';
import { prettyJsonPieces } from './json-chunks.js';
import { memoized } from './memoized.js';
import { TOOL_NAME, toolVersion } from './tool.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** a relative path as a URI reference: each path segment percent-encoded, `/` kept */
export function fileUri(file: string): string {
  return file
    .split('/')
    .map((part) => (part === '..' || part === '.' ? part : encodeURIComponent(part)))
    .join('/');
}

function region(violation: Violation): Record<string, number> {
  const out: Record<string, number> = { startLine: violation.line, startColumn: violation.column };
  if (violation.endLine !== undefined && violation.endColumn !== undefined) {
    out.endLine = violation.endLine;
    out.endColumn = violation.endColumn;
  }
  return out;
}

function result(violation: Violation, uriOf: (file: string) => string): Record<string, unknown> {
  const artifactLocation = { uri: uriOf(violation.file), uriBaseId: '%SRCROOT%' };
  const out: Record<string, unknown> = {
    ruleId: violation.rule,
    ruleIndex: (ruleIds as readonly string[]).indexOf(violation.rule),
    level: violation.severity,
    message: {
      text:
        violation.suggestion === undefined
          ? violation.message
          : `${violation.message} (${formatMessage('check:report.suggestion', { suggestion: violation.suggestion })})`,
    },
    locations: [{ physicalLocation: { artifactLocation, region: region(violation) } }],
  };
  if (violation.suggestion !== undefined && violation.endLine !== undefined) {
    out.fixes = [
      {
        description: { text: formatMessage('check:report.suggestion', { suggestion: violation.suggestion }) },
        artifactChanges: [
          {
            artifactLocation,
            replacements: [{ deletedRegion: region(violation), insertedContent: { text: violation.suggestion } }],
          },
        ],
      },
    ];
  }
  const properties: Record<string, unknown> = {};
  if (violation.segmentId !== null) properties.segmentId = violation.segmentId;
  if (violation.suggestion !== undefined) properties.suggestion = violation.suggestion;
  if (violation.targetLang !== undefined) properties.targetLang = violation.targetLang;
  if (violation.sourceFile !== undefined) properties.sourceFile = violation.sourceFile;
  if (violation.entryId !== undefined) properties.entryId = violation.entryId;
  if (Object.keys(properties).length > 0) out.properties = properties;
  return out;
}

/** The SARIF report in pieces (see json-chunks.ts); joined, `formatSarif`. */
export function* sarifPieces(report: CheckReport): Generator<string> {
  const rules = ruleIds.map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z])/g, (_whole, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: t(`check:rule.${id}`) },
    defaultConfiguration: { level: defaultSeverities[id] === 'off' ? 'none' : defaultSeverities[id] },
    // the severity this run used (the workspace config may change it)
    properties: { severity: report.severities[id] },
  }));
  const sarif = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: toolVersion(), rules } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  // a file's URI once per report, not once per violation (most files have dozens)
  const uriOf = memoized(fileUri);
  yield* prettyJsonPieces(sarif, ['runs', 0, 'results'], report.violations, (violation) => result(violation, uriOf));
  yield '\n';
}

export function formatSarif(report: CheckReport): string {
  return [...sarifPieces(report)].join('');
}
