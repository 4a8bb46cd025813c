/**
 * Applying a translator's XLIFF to a state, as a pure function: state + XLIFF `<file>` in, new state and
 * an outcome per unit out. A unit is applied only when its id exists, its source is the segment's
 * current source (same normalised text), and its target keeps the source's inline tags; everything else
 * is reported with the line of the unit and left alone.
 */
import { imported } from '../memory/segment-life.js';
import type { ArticleState, SegmentStatus } from '../memory/types.js';
import { normaliseSource } from '../memory/records.js';
import { sameTags } from '../segments/xml.js';
import { xliffInlineToSegmentXml } from './inline.js';
import { statusFromXliff, type XliffFile } from './xliff.js';

export type UnitRefusal = 'unknownId' | 'changedSource' | 'badTags';

export interface XliffApplyResult {
  state: ArticleState;
  applied: string[];
  unchanged: string[];
  refused: Array<{ id: string; line: number; reason: UnitRefusal }>;
}

export interface XliffApplyOptions {
  /** recorded as `changedBy` */
  by: string;
  /** ISO 8601 */
  now: string;
}

export function applyXliffFile(state: ArticleState, file: XliffFile, options: XliffApplyOptions): XliffApplyResult {
  const byId = new Map(state.segments.map((record, index) => [record.id, index]));
  const segments = [...state.segments];
  const result: XliffApplyResult = { state, applied: [], unchanged: [], refused: [] };
  for (const unit of file.units) {
    const index = byId.get(unit.id);
    if (index === undefined) {
      result.refused.push({ id: unit.id, line: unit.line, reason: 'unknownId' });
      continue;
    }
    const record = segments[index]!;
    const source = xliffInlineToSegmentXml(unit.source);
    if (source === null || normaliseSource(source) !== normaliseSource(record.source)) {
      result.refused.push({ id: unit.id, line: unit.line, reason: 'changedSource' });
      continue;
    }
    if (unit.target === null || unit.target.trim() === '') {
      result.unchanged.push(unit.id);
      continue;
    }
    const target = xliffInlineToSegmentXml(unit.target);
    if (target === null || !sameTags(record.source, target)) {
      result.refused.push({ id: unit.id, line: unit.line, reason: 'badTags' });
      continue;
    }
    const mapped = statusFromXliff(unit.state, unit.stateQualifier, unit.approved);
    const textChanged = target !== record.target;
    // "needs review" states say nothing new about a text we already have; a changed text is an edit.
    const status: SegmentStatus | null = mapped ?? (textChanged ? 'edited' : null);
    // An approved segment confirmed as merely "translated" keeps its approval.
    const keepApproval = !textChanged && record.state === 'approved' && status === 'edited';
    if (status === null || keepApproval || (!textChanged && status === record.state)) {
      result.unchanged.push(unit.id);
      continue;
    }
    segments[index] = imported(record, target, status, { by: options.by, at: options.now });
    result.applied.push(unit.id);
  }
  if (result.applied.length > 0) result.state = { ...state, segments };
  return result;
}
