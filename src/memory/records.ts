/**
 * Small helpers on segment records shared by the merge, the memory and the pipeline: what a fresh record
 * looks like, which records still need an engine, how sources are normalised for matching.
 */
import { createHash } from 'node:crypto';
import { normalizeForHash } from '../segments/hash.js';
import type { SegmentRecord } from './types.js';

/** NFC + whitespace collapsed + trimmed: two sources equal under this are the same sentence for the memory. */
export function normaliseSource(text: string): string {
  return normalizeForHash(text);
}

/** sha256 hex of a whole file's text (state `sourceFileHash`, `outputHash`). */
export function fileHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * True when the record has no target yet and an engine (or the memory) should supply one. Rejected
 * segments wait for a translator: MT would give the same rejected text again.
 */
export function needsTranslation(record: SegmentRecord): boolean {
  return record.target === null && (record.state === 'untranslated' || record.state === 'stale');
}

/** Shallow-equal for glossary usage maps (entry id → hash). */
export function sameGlossaryUsage(a: Record<string, string>, b: Record<string, string>): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => b[key] === a[key]);
}
