/** Content hashes: entries (for versioning translated segments) and DeepL dictionaries (for sync). */
import { createHash } from 'node:crypto';
import type { GlossaryEntry } from './types.js';

export function sha256Hex(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function sortedRecord<T>(
  record: Partial<Record<string, T>> | undefined,
  mapValue: (value: T) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!record) return out;
  for (const key of Object.keys(record).sort()) out[key] = mapValue(record[key] as T);
  return out;
}

/**
 * Hash of what changes a translation: id, type, forms, variants, forbidden forms, flags. The note and
 * the file position are left out on purpose: rewording a note or moving an entry to another file must
 * not mark every segment that uses the term as stale. Variant order does not matter either.
 */
export function entryHash(entry: Omit<GlossaryEntry, 'hash' | 'file' | 'line'>): string {
  const content = {
    id: entry.id,
    type: entry.type,
    forms: sortedRecord(entry.forms, (form: string) => form),
    variants: sortedRecord(entry.variants, (list: string[]) => [...list].sort()),
    forbidden: sortedRecord(entry.forbidden, (list: string[]) => [...list].sort()),
    doNotTranslate: entry.doNotTranslate,
    caseSensitive: entry.caseSensitive,
    caseSensitiveIn: sortedRecord(entry.caseSensitiveIn, (flag: boolean) => flag),
  };
  return sha256Hex(JSON.stringify(content));
}
