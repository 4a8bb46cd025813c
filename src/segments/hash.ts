/**
 * Hashes for segment ids and source hashes. Content hashes are sha256 (truncated to 16 hex digits: 64
 * bits, far from collisions at newsroom scale) of the NFC-normalised text with whitespace collapsed, so
 * a re-wrapped line does not change a segment's identity.
 */
import { hash } from 'node:crypto';
import { mayChangeUnderNfcText } from './nfc.js';
import { foldedWhitespaceClass } from '../text/char-codes.js';

/** any two whitespace characters, or one that is not a plain space (the same set as `\s`) */
const needsWhitespaceFold = new RegExp(`\\s\\s|[\\n${foldedWhitespaceClass}]`);
const isEdgeSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09;

/**
 * `whitespaceFolded`: the caller knows the text holds no whitespace but single spaces (segmentation
 * scans each block once for that), so only the ends are checked.
 */
export function normalizeForHash(text: string, whitespaceFolded = false): string {
  const composed = mayChangeUnderNfcText(text) ? text.normalize('NFC') : text;
  const fold =
    isEdgeSpace(composed.charCodeAt(0)) ||
    isEdgeSpace(composed.charCodeAt(composed.length - 1)) ||
    (!whitespaceFolded && needsWhitespaceFold.test(composed));
  return fold ? composed.replace(/\s+/g, ' ').trim() : composed;
}

export function sha256Hex(text: string, length = 16): string {
  return hash('sha256', text, 'hex').slice(0, length);
}

export function contentHash(text: string, whitespaceFolded = false): string {
  return sha256Hex(normalizeForHash(text, whitespaceFolded));
}
