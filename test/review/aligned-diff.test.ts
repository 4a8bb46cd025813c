import { describe, expect, test } from '@jest/globals';
import { applyPatch, createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { parseArticle } from '../../src/articles/read.js';
import { reassembleArticlePieces } from '../../src/reassembly/reassemble.js';
import { alignedUnifiedDiff } from '../../src/review/aligned-diff.js';
import { createRandom } from '../support/random.js';
import { generateArticle } from '../../bench/corpus.js';

const names = { oldFileName: 'a/x.md', newFileName: 'b/x.md', oldHeader: 'approved', newHeader: 'candidate' };

function article(text: string) {
  return parseArticle({
    path: '/ws/articles/en/x.md',
    relativePath: 'en/x.md',
    lang: 'en',
    text,
    frontMatterKeys: ['title', 'summary'],
  });
}

/** Pieces of the article with the given segments "translated" (upper-cased, tags kept). */
function piecesWith(parsed: ReturnType<typeof article>, translate: (index: number) => boolean): string[] {
  const targets = new Map<string, string>();
  parsed.segments.forEach((segment, index) => {
    if (translate(index))
      targets.set(
        segment.id,
        segment.text
          .replace(/>([^<]*)</g, (_m, inner: string) => `>${inner.toUpperCase()}<`)
          .replace(/^[^<]+/, (lead) => `IT ${lead}`),
      );
  });
  return reassembleArticlePieces(parsed, targets, 'it');
}

describe('aligned unified diff', () => {
  test('diffs only the lines of changed pieces, with jsdiff hunks and context', () => {
    const parsed = article('# Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n\nSeven.\n');
    const old = piecesWith(parsed, () => false);
    const fresh = piecesWith(parsed, (index) => index === 1 || index === 6);
    expect(alignedUnifiedDiff(names, old, fresh, 3)).toBe(
      [
        '--- a/x.md\tapproved',
        '+++ b/x.md\tcandidate',
        '@@ -1,6 +1,6 @@',
        ' # Title',
        ' ',
        '-One.',
        '+IT One.',
        ' ',
        ' Two.',
        ' ',
        '@@ -10,6 +10,6 @@',
        ' ',
        ' Five.',
        ' ',
        '-Six.',
        '+IT Six.',
        ' ',
        ' Seven.',
        '',
      ].join('\n'),
    );
  });

  test('equals the whole-file jsdiff patch on a news article with every segment changed', () => {
    const parsed = article(generateArticle(0, createRandom(3)).text);
    const old = piecesWith(parsed, () => false);
    const fresh = piecesWith(parsed, () => true);
    const whole = createTwoFilesPatch('a/x.md', 'b/x.md', old.join(''), fresh.join(''), 'approved', 'candidate', {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY,
    });
    expect(alignedUnifiedDiff(names, old, fresh, 3)).toBe(whole);
  });

  test('a file without a final newline gets the "No newline" marker', () => {
    const parsed = article('First.\n\nLast.');
    const diff = alignedUnifiedDiff(
      names,
      piecesWith(parsed, () => false),
      piecesWith(parsed, (index) => index === 1),
      3,
    );
    expect(diff).toBe(
      '--- a/x.md\tapproved\n+++ b/x.md\tcandidate\n@@ -1,3 +1,3 @@\n First.\n \n-Last.\n\\ No newline at end of file\n+IT Last.\n\\ No newline at end of file\n',
    );
  });

  test('the patch turns the old text into the new one for random subsets of changed segments', () => {
    const random = createRandom(5);
    for (let round = 0; round < 40; round++) {
      const parsed = article(generateArticle(round, random).text);
      const old = piecesWith(parsed, () => random() < 0.3);
      const fresh = piecesWith(parsed, () => random() < 0.5);
      const diff = alignedUnifiedDiff(names, old, fresh, 3);
      expect(diff).not.toBeNull();
      expect(applyPatch(old.join(''), diff!)).toBe(fresh.join(''));
    }
  });

  test('one long line of many changed sentences: the same patch as a whole-file diff', () => {
    // the line boundaries are walked forward once; searching them per changed piece crossed the line each time
    const parsed = article(`${Array.from({ length: 300 }, (_, i) => `Sentence number ${i} ends here.`).join(' ')}\n`);
    expect(parsed.segments).toHaveLength(300);
    const old = piecesWith(parsed, (index) => index % 3 === 0);
    const fresh = piecesWith(parsed, (index) => index % 2 === 0);
    const whole = createTwoFilesPatch('a/x.md', 'b/x.md', old.join(''), fresh.join(''), 'approved', 'candidate', {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY,
    });
    expect(alignedUnifiedDiff(names, old, fresh, 3)).toBe(whole);
  });

  test('a change followed by 200,000 unchanged lines (an equal run that long overflowed a spread push)', () => {
    const tail = 'Same line.\n'.repeat(200_000);
    const old = ['# One\nTwo\n', tail];
    const fresh = ['# Uno\nTwo\n', tail];
    const diff = alignedUnifiedDiff(names, old, fresh, 3);
    expect(diff).toBe(
      '--- a/x.md\tapproved\n+++ b/x.md\tcandidate\n@@ -1,4 +1,4 @@\n-# One\n+# Uno\n Two\n Same line.\n Same line.\n',
    );
  });

  test('pieces that do not correspond give null (the caller diffs whole texts)', () => {
    expect(alignedUnifiedDiff(names, ['a\n', 'b'], ['a\n'], 3)).toBeNull();
    expect(alignedUnifiedDiff(names, ['ab\n', 'c'], ['xy', 'c'], 3)).toBeNull();
  });

  test('a region with no line in common (written directly) and one sharing lines (jsdiff): both as jsdiff', () => {
    const random = createRandom(11);
    const pick = (n: number) => Math.floor(random() * n);
    const text = (prefix: string): string => {
      let out = '';
      for (let i = pick(7); i > 0; i--)
        out += (pick(5) === 0 ? '' : `${prefix}${pick(4)}`) + (pick(6) === 0 ? '\r\n' : '\n');
      return pick(3) === 0 ? out.replace(/\r?\n$/, '') : out;
    };
    const whole = (a: string, b: string) =>
      createTwoFilesPatch('a/x.md', 'b/x.md', a, b, 'approved', 'candidate', {
        context: 3,
        headerOptions: FILE_HEADERS_ONLY,
      });
    let disjoint = 0;
    let sharing = 0;
    for (let round = 0; round < 3000; round++) {
      const a = text('old ');
      // a third of the pairs share lines (the same prefix), the rest have none but maybe an empty line
      const b = text(round % 3 === 0 ? 'old ' : 'new ');
      if (a === b) continue;
      const linesOf = (t: string) => t.split(/(?<=\n)/).filter((line) => line !== '');
      if (linesOf(a).some((line) => linesOf(b).includes(line))) sharing++;
      else disjoint++;
      expect(alignedUnifiedDiff(names, [a], [b], 3)).toBe(whole(a, b));
    }
    expect(disjoint).toBeGreaterThan(1000);
    expect(sharing).toBeGreaterThan(500);
  });
});
