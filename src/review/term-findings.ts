/**
 * What review shows and approval enforces about the glossary, per segment: each term found in the
 * source and whether the target uses its required form. Produced by `glossary-review.ts` from the
 * glossary module; kept as a small value type so approval logic does not depend on how terms are matched.
 */
import type { SegmentRecord } from '../memory/types.js';

export interface TermFinding {
  entryId: string;
  /** the term as it appears in the source */
  sourceSurface: string;
  /** UTF-16 offsets of the term in the source's plain text (for highlights) */
  sourceStart: number;
  sourceEnd: number;
  /** the target forms that satisfy the glossary (canonical first) */
  expected: string[];
  /** the target form found, null when none is there */
  found: string | null;
  /** offsets in the target's plain text of `found`, else of `forbidden` */
  targetStart?: number;
  targetEnd?: number;
  /** a form the glossary forbids, found in the target */
  forbidden?: string;
  respected: boolean;
}

/** Finds the glossary terms of one segment (source and current target). */
export type SegmentTermChecker = (record: Pick<SegmentRecord, 'source' | 'target'>) => TermFinding[];

/** A checker for workspaces without a glossary: no terms, nothing to enforce. */
export const noTerms: SegmentTermChecker = () => [];
