/**
 * The shape of a record's `history` in a state file (what `parseArticleState` accepts): owned here so
 * the parser only names the field and this module says what a valid history is.
 */
import { HISTORY_LIMIT } from './segment-life.js';

/** What a state file must hold in `history`, as said in the shape error. */
export const HISTORY_EXPECTED = `at most ${HISTORY_LIMIT} of {source, target, state: approved|edited, engine}`;

function isHistoryEntry(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.source === 'string' &&
    typeof entry.target === 'string' &&
    (entry.state === 'approved' || entry.state === 'edited') &&
    (entry.engine === null || typeof entry.engine === 'string')
  );
}

/** True when `value` is absent or a valid history (a hand-edited file may hold anything). */
export function isValidHistory(value: unknown): boolean {
  if (value === undefined) return true;
  return Array.isArray(value) && value.length <= HISTORY_LIMIT && value.every(isHistoryEntry);
}
