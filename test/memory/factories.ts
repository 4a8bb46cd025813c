/** Small builders for segments, records and states in memory tests. */
import { contentHash } from '../../src/segments/hash.js';
import type { Segment, SegmentKind } from '../../src/segments/types.js';
import type { ArticleState, SegmentRecord } from '../../src/memory/types.js';

export function segment(text: string, overrides: Partial<Segment> = {}): Segment {
  const kind: SegmentKind = overrides.kind ?? 'paragraph';
  const sourceHash = contentHash(text);
  return {
    id: overrides.id ?? `${kind}-${sourceHash}`,
    kind,
    structure: kind,
    text,
    sourceHash,
    line: 1,
    column: 1,
    start: 0,
    end: text.length,
    linePrefixes: [],
    tags: {},
    context: text,
    ...overrides,
  };
}

export function record(source: string, overrides: Partial<SegmentRecord> = {}): SegmentRecord {
  const sourceHash = contentHash(source);
  const kind = overrides.kind ?? 'paragraph';
  return {
    id: `${kind}-${sourceHash}`,
    kind,
    line: 1,
    source,
    sourceHash,
    target: `IT ${source}`,
    state: 'machine',
    engine: 'pseudo',
    glossary: {},
    changedBy: 'storyloc',
    changedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function state(records: SegmentRecord[], overrides: Partial<ArticleState> = {}): ArticleState {
  return {
    version: 1,
    article: 'en/story.md',
    sourceLang: 'en',
    targetLang: 'it',
    sourceFileHash: 'abc',
    segments: records,
    ...overrides,
  };
}
