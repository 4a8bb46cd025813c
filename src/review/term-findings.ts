/**
 * What review shows and approval enforces about the glossary, per segment: each term found in the
 * source and whether the target uses its required form. Produced by `glossary-review.ts` from the
 * glossary module; kept as a small value type so approval logic does not depend on how terms are matched.
 */
import type { SegmentRecord } from '../memory/types.js';

export interface TermFinding {
  entryId: string;
  /** the term as it appears in the source (as it appears in the target when the source does not name it) */
  sourceSurface: string;
  /** UTF-16 offsets of the term in the source's plain text (for highlights); absent when the source does not name it */
  sourceStart?: number;
  sourceEnd?: number;
  /** the target forms that satisfy the glossary (canonical first) */
  expected: string[];
  /** the target form found, null when none is there */
  found: string | null;
  /** offsets in the target's plain text of `found`, else of `forbidden` */
  targetStart?: number;
  targetEnd?: number;
  /** a form the glossary forbids, found in the target */
  forbidden?: string;
  /** a source-language form of the term left in the target ("Queen of Tears" in Italian text) */
  untranslated?: string;
  respected: boolean;
  /**
   * When not respected: how `storyloc check` rates the problem with the workspace's severities. An
   * `error` (or no severity, from a checker that does not rate) refuses approval; a `warning` is shown only.
   */
  severity?: 'error' | 'warning';
}

/** Whether a finding stops approval (see `TermFinding.severity`). */
export function blocksApproval(finding: TermFinding): boolean {
  return !finding.respected && finding.severity !== 'warning';
}

/** Finds the glossary terms of one segment (source and current target). */
export type SegmentTermChecker = (record: Pick<SegmentRecord, 'source' | 'target'>) => TermFinding[];

/** A checker for workspaces without a glossary: no terms, nothing to enforce. */
export const noTerms: SegmentTermChecker = () => [];
