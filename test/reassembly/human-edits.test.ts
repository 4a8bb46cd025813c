import { describe, expect, test } from '@jest/globals';
import { parseArticle } from '../../src/articles/read.js';
import { detectHumanEdits } from '../../src/reassembly/human-edits.js';
import { reassembleArticle } from '../../src/reassembly/reassemble.js';

const source = `---
title: Queen of Tears breaks records
summary: "A drama, a record"
---

# The finale

Kim Soo-hyun *smiled* at the [press](https://example.com/a "Press page"). The crowd cheered.

![A poster of the show](poster.jpg)

> A long quote that goes on
> over two lines.

- First item with \`code\`
- Second item
`;

const article = parseArticle({
  path: '/ws/articles/en/q.md',
  relativePath: 'en/q.md',
  lang: 'en',
  text: source,
  frontMatterKeys: ['title', 'summary'],
});

/** Deterministic "translations": the source with a prefix, tags kept. */
function translations(): Map<string, string> {
  return new Map(article.segments.map((s) => [s.id, `IT ${s.text}`]));
}

function idOf(start: string): string {
  const segment = article.segments.find((s) => s.text.startsWith(start));
  if (!segment)
    throw new Error(`no segment starting with ${start}: ${article.segments.map((s) => s.text).join(' | ')}`);
  return segment.id;
}

describe('detectHumanEdits', () => {
  const targets = translations();
  const written = reassembleArticle(article, targets, 'it');

  test('the file as written has no edits', () => {
    expect(detectHumanEdits(article, targets, 'it', written)).toEqual({ status: 'unchanged' });
  });

  test('a word changed inside emphasis and a link keeps the tags', () => {
    const edited = written.replace('IT Kim Soo-hyun *smiled*', 'Kim Soo-hyun *sorrise*');
    expect(edited).not.toBe(written);
    expect(detectHumanEdits(article, targets, 'it', edited)).toEqual({
      status: 'edited',
      edits: [
        { segmentId: idOf('Kim Soo-hyun'), target: 'Kim Soo-hyun <g id="1">sorrise</g> at the <g id="2">press</g>.' },
      ],
    });
  });

  test('a rewritten sentence next to another one is attributed to the right segment', () => {
    const edited = written.replace('IT The crowd cheered.', 'La folla applaudiva con gioia.');
    expect(detectHumanEdits(article, targets, 'it', edited)).toEqual({
      status: 'edited',
      edits: [{ segmentId: idOf('The crowd'), target: 'La folla applaudiva con gioia.' }],
    });
  });

  test('two sentences of one paragraph edited at once', () => {
    const edited = written.replace('*smiled* at', '*sorrise* a').replace('IT The crowd cheered.', 'Applausi.');
    const result = detectHumanEdits(article, targets, 'it', edited);
    expect(result).toEqual({
      status: 'edited',
      edits: [
        { segmentId: idOf('Kim Soo-hyun'), target: 'IT Kim Soo-hyun <g id="1">sorrise</g> a the <g id="2">press</g>.' },
        { segmentId: idOf('The crowd'), target: 'Applausi.' },
      ],
    });
  });

  test('a link title edited inside the link markup is an edit of the nested title segment', () => {
    const edited = written.replace('"IT Press page"', '"Pagina stampa"');
    expect(detectHumanEdits(article, targets, 'it', edited)).toEqual({
      status: 'edited',
      edits: [{ segmentId: idOf('Press page'), target: 'Pagina stampa' }],
    });
  });

  test('emphasis moved to another word keeps its tag, on the new word', () => {
    const edited = written.replace('IT Kim Soo-hyun *smiled* at', 'IT *Kim Soo-hyun* smiled at');
    expect(detectHumanEdits(article, targets, 'it', edited)).toEqual({
      status: 'edited',
      edits: [
        { segmentId: idOf('Kim Soo-hyun'), target: 'IT <g id="1">Kim Soo-hyun</g> smiled at the <g id="2">press</g>.' },
      ],
    });
  });

  test('image alt text edited in place becomes the nested segment edit', () => {
    const edited = written.replace('IT A poster of the show', 'Un manifesto della serie');
    expect(detectHumanEdits(article, targets, 'it', edited)).toEqual({
      status: 'edited',
      edits: [{ segmentId: idOf('A poster'), target: 'Un manifesto della serie' }],
    });
  });

  test('a multi-line blockquote edit keeps the container prefix out of the target', () => {
    const edited = written.replace('> over two lines.', '> su due righe.');
    const result = detectHumanEdits(article, targets, 'it', edited);
    expect(result).toEqual({
      status: 'edited',
      edits: [{ segmentId: idOf('A long quote'), target: 'IT A long quote that goes on\nsu due righe.' }],
    });
  });

  test('front-matter title edited as a YAML value', () => {
    const edited = written.replace(
      'title: IT Queen of Tears breaks records',
      'title: La regina delle lacrime batte i record',
    );
    expect(detectHumanEdits(article, targets, 'it', edited)).toEqual({
      status: 'edited',
      edits: [{ segmentId: idOf('Queen of Tears'), target: 'La regina delle lacrime batte i record' }],
    });
  });

  test('a front-matter value quoted in another style than the source is an edit of its value', () => {
    const singleQuoted = written.replace(
      'title: IT Queen of Tears breaks records',
      "title: 'La regina: l''ultima puntata batte i record'",
    );
    expect(singleQuoted).not.toBe(written);
    expect(detectHumanEdits(article, targets, 'it', singleQuoted)).toEqual({
      status: 'edited',
      edits: [{ segmentId: idOf('Queen of Tears'), target: "La regina: l'ultima puntata batte i record" }],
    });
    // The source's summary is double-quoted; the same value typed plain is no edit at all.
    const unquoted = written.replace('summary: "IT A drama, a record"', 'summary: IT A drama, a record');
    expect(unquoted).not.toBe(written);
    expect(detectHumanEdits(article, targets, 'it', unquoted)).toEqual({ status: 'unchanged' });
  });

  test('a comment typed after a front-matter value is a front-matter break (it would be lost)', () => {
    const commented = written.replace(
      'title: IT Queen of Tears breaks records',
      'title: La regina batte i record # da rivedere',
    );
    expect(detectHumanEdits(article, targets, 'it', commented)).toEqual({
      status: 'broken',
      reason: 'frontMatter',
      line: 2,
      column: 8,
      segmentId: idOf('Queen of Tears'),
    });
  });

  test('a deleted paragraph is a structural break at its line', () => {
    const edited = written.replace(/!\[[^\n]*\n\n/, '');
    const result = detectHumanEdits(article, targets, 'it', edited);
    expect(result).toMatchObject({ status: 'broken', reason: 'structure', line: 11 });
  });

  test('a broken link is a markup break naming the segment', () => {
    const edited = written.replace('](https://example.com/a "IT Press page")', ' https://example.com/a');
    expect(edited).not.toBe(written);
    const result = detectHumanEdits(article, targets, 'it', edited);
    expect(result).toEqual({
      status: 'broken',
      reason: 'markup',
      line: 9,
      column: expect.any(Number),
      segmentId: idOf('Kim Soo-hyun'),
    });
  });

  test('damaged front matter is reported as such', () => {
    const edited = written.replace('summary:', 'sumary:');
    expect(detectHumanEdits(article, targets, 'it', edited)).toMatchObject({
      status: 'broken',
      reason: 'frontMatter',
      line: 3,
    });
    const noFence = written.replace(/^---\n/, '');
    expect(detectHumanEdits(article, targets, 'it', noFence)).toMatchObject({
      status: 'broken',
      reason: 'frontMatter',
      line: 1,
    });
  });

  test('an untranslated segment translated by hand is an edit', () => {
    const partial = new Map(targets);
    partial.delete(idOf('Second item'));
    const out = reassembleArticle(article, partial, 'it');
    const edited = out.replace('- Second item', '- Secondo elemento');
    expect(detectHumanEdits(article, partial, 'it', edited)).toEqual({
      status: 'edited',
      edits: [{ segmentId: idOf('Second item'), target: 'Secondo elemento' }],
    });
  });
});
