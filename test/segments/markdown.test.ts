import { describe, expect, test } from '@jest/globals';
import { parseArticle } from '../../src/articles/read.js';
import type { Lang } from '../../src/languages.js';

function segments(text: string, lang: Lang = 'en') {
  return parseArticle({
    path: 'story.md',
    relativePath: `${lang}/story.md`,
    lang,
    text,
    frontMatterKeys: ['title', 'summary'],
  }).segments;
}
const brief = (text: string, lang: Lang = 'en') => segments(text, lang).map((s) => [s.kind, s.line, s.text]);

describe('what is translatable', () => {
  test('headings, paragraphs, list items, blockquotes, table cells and selected front matter', () => {
    const text =
      '---\ntitle: The title\nsummary: The summary.\nauthor: Not translated\n---\n# Heading\n\nA paragraph.\n\n- An item.\n\n> A quote.\n\n| Head |\n|---|\n| Cell |\n';
    expect(brief(text)).toEqual([
      ['title', 2, 'The title'],
      ['frontMatter', 3, 'The summary.'],
      ['heading', 6, 'Heading'],
      ['paragraph', 8, 'A paragraph.'],
      ['listItem', 10, 'An item.'],
      ['blockquote', 12, 'A quote.'],
      ['tableCell', 14, 'Head'],
      ['tableCell', 16, 'Cell'],
    ]);
  });

  test('code, raw HTML, link reference definitions and URLs are never translated', () => {
    const text =
      '```\nconst x = "Hello there.";\n```\n\n    indented code\n\n<div>Raw html text.</div>\n\n[ref]: https://example.com "Ref title"\n\nSee <https://example.com> and `inline code`.\n';
    expect(brief(text)).toEqual([['paragraph', 11, 'See <x id="1"/> and <x id="2"/>.']]);
  });

  test('image alt text and link/image titles are their own segments, nested in the sentence', () => {
    const list = segments('Look at ![the cast](cast.jpg "On set") and [the clip](https://x.io "Watch it") now.\n');
    expect(list.map((s) => [s.kind, s.text, s.parentId ?? null])).toEqual([
      ['paragraph', 'Look at <x id="1"/> and <g id="2">the clip</g> now.', null],
      ['imageAlt', 'the cast', list[0]!.id],
      ['imageTitle', 'On set', list[0]!.id],
      ['linkTitle', 'Watch it', list[0]!.id],
    ]);
    expect(list[0]!.tags['1']).toMatchObject({
      type: 'x',
      markup: 'image',
      url: 'cast.jpg',
      open: '![the cast](cast.jpg "On set")',
    });
    expect(list[0]!.tags['2']).toMatchObject({
      type: 'g',
      markup: 'link',
      url: 'https://x.io',
      open: '[',
      close: '](https://x.io "Watch it")',
    });
  });

  test('an image alone in a paragraph: only its alt text is a segment', () => {
    expect(brief('![Kim Soo-hyun on set](set.jpg)\n')).toEqual([['imageAlt', 1, 'Kim Soo-hyun on set']]);
  });

  test('plain text is XML-escaped for tag_handling=xml', () => {
    expect(brief('Ratings <b>rose</b> & fell > 20%.\n')).toEqual([
      ['paragraph', 1, 'Ratings <x id="1"/>rose<x id="2"/> &amp; fell &gt; 20%.'],
    ]);
  });
});

describe('inline markup becomes protected tags', () => {
  test('emphasis, strong, strikethrough, links, code and breaks', () => {
    expect(brief('A *b* **c** ~~d~~ [e](f) `g` h  \ni.\n')).toEqual([
      ['paragraph', 1, 'A <g id="1">b</g> <g id="2">c</g> <g id="3">d</g> <g id="4">e</g> <x id="5"/> h<x id="6"/>i.'],
    ]);
  });

  test('a sentence split never cuts through emphasis or a link', () => {
    expect(
      brief('She said *it was over. Then she left* the set. [Read more. Now](u) please.\n').map((row) => row[2]),
    ).toEqual(['She said <g id="1">it was over. Then she left</g> the set.', '<g id="1">Read more. Now</g> please.']);
  });

  test('tags are numbered per segment, so the same sentence has the same text everywhere', () => {
    const list = segments('First *one*. Second *two*.\n\nSecond *two*.\n');
    expect(list.map((s) => s.text)).toEqual([
      'First <g id="1">one</g>.',
      'Second <g id="1">two</g>.',
      'Second <g id="1">two</g>.',
    ]);
    expect(list[1]!.sourceHash).toBe(list[2]!.sourceHash);
  });
});

describe('stable ids', () => {
  test('ids come from kind and content, not position: an edit elsewhere keeps them', () => {
    const before = segments('# Title\n\nFirst paragraph.\n\nSecond paragraph.\n');
    const after = segments('# Title\n\nA new paragraph at the top.\n\nFirst paragraph.\n\nSecond paragraph, edited.\n');
    expect(after.find((s) => s.text === 'First paragraph.')!.id).toBe(
      before.find((s) => s.text === 'First paragraph.')!.id,
    );
    expect(after.find((s) => s.kind === 'heading')!.id).toBe(before.find((s) => s.kind === 'heading')!.id);
    expect(new Set(after.map((s) => s.id)).size).toBe(after.length);
  });

  test('the same text twice gets an occurrence suffix; a heading and a paragraph differ', () => {
    const list = segments('# Again\n\nAgain\n\n# Again\n\nAgain\n\nAgain\n');
    const hash = list[0]!.sourceHash.slice(0, 12);
    expect(list.map((s) => s.id)).toEqual([`h-${hash}`, `p-${hash}`, `h-${hash}-2`, `p-${hash}-2`, `p-${hash}-3`]);
  });

  test('re-wrapping a line does not change the source hash', () => {
    const [one] = segments('A sentence that is\nwrapped.\n');
    const [two] = segments('A sentence that is wrapped.\n');
    expect(one!.sourceHash).toBe(two!.sourceHash);
  });
});

describe('positions', () => {
  test('line, column and container prefixes of a quoted multi-line sentence', () => {
    const list = segments('Intro.\n\n> A quoted sentence\n> on two lines.\n');
    expect(list[1]).toMatchObject({
      kind: 'blockquote',
      line: 3,
      column: 3,
      text: 'A quoted sentence\non two lines.',
      linePrefixes: ['> '],
      start: 10,
      end: 43,
    });
  });

  test('Korean sentences with quotes and particles', () => {
    expect(brief('김수현은 “무서워하지 마.”라고 말했다. 김지원은 웃었다.\n', 'ko').map((row) => row[2])).toEqual([
      '김수현은 “무서워하지 마.”라고 말했다.',
      '김지원은 웃었다.',
    ]);
  });
});

describe('context', () => {
  test.each([
    ['a wrapped quote', '> One line\n> two lines.\n', 'One line two lines.'],
    ['a wrapped paragraph with a trailing space', 'One line \ntwo.\n', 'One line two.'],
    ['double spaces and a tab', 'One  two\tthree.\n', 'One two three.'],
    ['a lone non-breaking space (kept)', 'Kim\u00a0Soo-hyun smiled.\n', 'Kim\u00a0Soo-hyun smiled.'],
    ['an image between spaces', 'Before ![cast](c.png) after.\n', 'Before after.'],
    ['markup removed next to spaces', 'A [ ](u) b and *c*.\n', 'A b and c.'],
    ['plain text', 'Nothing to fold here.\n', 'Nothing to fold here.'],
  ])('%s: the plain block text, whitespace folded', (_name, text, expected) => {
    expect(
      segments(text)
        .filter((s) => s.kind === 'paragraph' || s.kind === 'blockquote')
        .map((s) => s.context),
    ).toEqual([expected]);
  });
});
