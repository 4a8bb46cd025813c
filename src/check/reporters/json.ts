/**
 * The JSON report: a stable, versioned schema documented in docs/check-report.schema.json. Fields are
 * written in a fixed order; optional fields are left out when they have no value (never null), except
 * `segmentId`, which is null for whole-file problems.
 */
import type { CheckReport, Violation } from '../types.js';
import { prettyJsonPieces } from './json-chunks.js';
import { countBySeverity } from './summary.js';
import { TOOL_NAME, toolVersion } from './tool.js';

/** Bumped on any incompatible change of the JSON report; additions of optional fields keep it. */
export const CHECK_REPORT_SCHEMA_VERSION = 1;

function violationJson(violation: Violation): Record<string, unknown> {
  const out: Record<string, unknown> = {
    rule: violation.rule,
    severity: violation.severity,
    file: violation.file,
    line: violation.line,
    column: violation.column,
  };
  if (violation.endLine !== undefined) out.endLine = violation.endLine;
  if (violation.endColumn !== undefined) out.endColumn = violation.endColumn;
  out.segmentId = violation.segmentId;
  out.message = violation.message;
  if (violation.suggestion !== undefined) out.suggestion = violation.suggestion;
  if (violation.sourceFile !== undefined) out.sourceFile = violation.sourceFile;
  if (violation.targetLang !== undefined) out.targetLang = violation.targetLang;
  if (violation.entryId !== undefined) out.entryId = violation.entryId;
  return out;
}

/** The JSON report in pieces (see json-chunks.ts); joined, `formatJson`. */
export function* jsonPieces(report: CheckReport): Generator<string> {
  const counts = countBySeverity(report.violations);
  const json = {
    schemaVersion: CHECK_REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    mode: report.mode,
    summary: { files: report.files.length, errors: counts.error, warnings: counts.warning },
    rules: report.severities,
    files: report.files,
    violations: [],
  };
  yield* prettyJsonPieces(json, ['violations'], report.violations, violationJson);
  yield '\n';
}

export function formatJson(report: CheckReport): string {
  return [...jsonPieces(report)].join('');
}
