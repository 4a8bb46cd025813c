/** Small termbase factories for glossary tests. */
import { entryHash } from '../../src/glossary/hash.js';
import type { GlossaryEntry, Termbase } from '../../src/glossary/types.js';

export function entry(fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'forms'>): GlossaryEntry {
  const base: Omit<GlossaryEntry, 'hash'> = {
    type: 'term',
    variants: {},
    forbidden: {},
    doNotTranslate: false,
    caseSensitive: false,
    file: '/ws/glossary/test.yaml',
    line: 1,
    ...fields,
  };
  return { ...base, hash: entryHash(base) };
}

export function termbase(entries: GlossaryEntry[]): Termbase {
  const byId = new Map<string, GlossaryEntry>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  return { entries, byId, files: [...new Set(entries.map((e) => e.file))] };
}

/** The seed vocabulary, as the example workspace's glossary has it. */
export function seedTermbase(): Termbase {
  return termbase([
    entry({
      id: 'queen-of-tears',
      type: 'title',
      forms: { en: 'Queen of Tears', ko: '눈물의 여왕', it: 'La regina delle lacrime' },
      variants: { it: ['regina delle lacrime'] },
      forbidden: { it: ['Regina di lacrime', 'La regina di lacrime'] },
      caseSensitiveIn: { it: true },
    }),
    entry({ id: 'queen', forms: { en: 'Queen', it: 'regina' } }),
    entry({
      id: 'kim-soo-hyun',
      type: 'person',
      forms: { en: 'Kim Soo-hyun', ko: '김수현', it: 'Kim Soo-hyun' },
      variants: { en: ['Kim Soohyun'] },
    }),
    entry({ id: 'kim-ji-won', type: 'person', forms: { en: 'Kim Ji-won', ko: '김지원', it: 'Kim Ji-won' } }),
    entry({ id: 'han-ji', type: 'person', forms: { en: 'Han Ji', ko: '한지', it: 'Han Ji' } }),
    entry({ id: 'kim', type: 'person', forms: { en: 'Kim', it: 'Kim' } }),
    entry({ id: 'tvn', type: 'organization', forms: { en: 'tvN' }, doNotTranslate: true, caseSensitive: true }),
    entry({
      id: 'tvn-drama',
      type: 'organization',
      forms: { en: 'tvN Drama' },
      doNotTranslate: true,
      caseSensitive: true,
    }),
    entry({ id: 'chaebol', forms: { en: 'chaebol', ko: '재벌', it: 'chaebol' }, doNotTranslate: true }),
    entry({ id: 'cpp', forms: { en: 'C++ (lang)', it: 'C++ (linguaggio)' } }),
  ]);
}
