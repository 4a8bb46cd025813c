import { describe, expect, test } from '@jest/globals';
import { initI18n } from '../../src/i18n/index.js';
import { renderTerminalReview } from '../../src/review/terminal-review.js';
import type { SegmentRecord } from '../../src/memory/types.js';

function record(fields: Partial<SegmentRecord>): SegmentRecord {
  return {
    id: 'p-1',
    kind: 'paragraph',
    line: 4,
    source: 'One line\nand another',
    sourceHash: 'h',
    target: 'Una riga\ne un’altra',
    state: 'machine',
    engine: 'deepl',
    glossary: {},
    changedBy: 'storyloc',
    changedAt: null,
    ...fields,
  };
}

describe('terminal review', () => {
  test('multi-line segments keep their lines under the value column', () => {
    initI18n('en');
    const text = renderTerminalReview(
      [{ article: 'en/a.md', targetLang: 'it', records: [record({})], findings: new Map() }],
      { color: false },
    );
    expect(text).toBe(`en/a.md → it: 1 to review

  [machine] line 4  p-1
    source:           One line
                      and another
    approved:         (none)
    candidate:        Una riga
                      e un’altra

Segments to review: 1. Approve with \`storyloc approve ARTICLE --segment ID\` or \`--all\`.
`);
  });

  test('colour on a terminal; the previous target of a never-approved stale segment is labelled "previous"; flags shown', () => {
    initI18n('en');
    const stale = record({
      state: 'stale',
      source: 'New',
      target: 'Nuovo testo',
      previousTarget: 'Vecchio testo',
      flags: ['tags.mismatch'],
    });
    const text = renderTerminalReview(
      [{ article: 'en/a.md', targetLang: 'it', records: [stale], findings: new Map() }],
      { color: true },
    );
    expect(text.split('\n').slice(2, 8)).toEqual([
      '  [stale] line 4  p-1',
      '    source:           New',
      '    previous:         Vecchio testo',
      '    candidate:        \u001b[31;9mVecchio\u001b[0m\u001b[32;4mNuovo\u001b[0m testo',
      '                      flags: machine translation lost, doubled or unbalanced the markup (links, emphasis, code) of this segment: fix the markup or retranslate',
      '',
    ]);
  });

  test('in Korean, labels align by display width', () => {
    initI18n('ko');
    try {
      const text = renderTerminalReview(
        [
          {
            article: 'ko/a.md',
            targetLang: 'it',
            records: [record({ source: '원문', target: 'testo' })],
            findings: new Map(),
          },
        ],
        { color: false },
      );
      expect(text.split('\n').slice(0, 6)).toEqual([
        'ko/a.md → it: 검토 대기 1개',
        '',
        '  [기계 번역] 4행  p-1',
        '    원문:          원문',
        '    승인본:        (없음)',
        '    새 번역:       testo',
      ]);
    } finally {
      initI18n('en');
    }
  });
});
