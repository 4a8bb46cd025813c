/**
 * Hashes for segment ids and source hashes. Content hashes are sha256 (truncated to 16 hex digits: 64
 * bits, far from collisions at newsroom scale) of the NFC-normalised text with whitespace collapsed, so
 * a re-wrapped line does not change a segment's identity.
 */
import { hash } from 'node:crypto';

/**
 * Characters NFC can change: combining marks, Hangul jamo, and singletons (Å sign, Ω sign, CJK
 * compatibility ideographs). Text without them is already NFC, and skipping `normalize` there saves a
 * copy of every segment on the hot path.
 */
const mayChangeUnderNfc = /[\u0300-\u036f\u1100-\u11ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u2126\u212a\u212b\u3130-\u318f\uf900-\ufaff\ufe20-\ufe2f]/;
const needsWhitespaceFold = /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200a\u3000]/;
const isEdgeSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09;

export function normalizeForHash(text: string): string {
  const composed = mayChangeUnderNfc.test(text) ? text.normalize('NFC') : text;
  const fold = needsWhitespaceFold.test(composed) || isEdgeSpace(composed.charCodeAt(0)) || isEdgeSpace(composed.charCodeAt(composed.length - 1));
  return fold ? composed.replace(/\s+/g, ' ').trim() : composed;
}

export function sha256Hex(text: string, length = 16): string {
  return hash('sha256', text, 'hex').slice(0, length);
}

export function contentHash(text: string): string {
  return sha256Hex(normalizeForHash(text));
}
