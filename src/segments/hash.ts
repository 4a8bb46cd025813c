/**
 * Hashes for segment ids and source hashes. Content hashes are sha256 (truncated to 16 hex digits: 64
 * bits, far from collisions at newsroom scale) of the NFC-normalised text with whitespace collapsed, so
 * a re-wrapped line does not change a segment's identity.
 */
import { createHash } from 'node:crypto';

export function normalizeForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function sha256Hex(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export function contentHash(text: string): string {
  return sha256Hex(normalizeForHash(text));
}
