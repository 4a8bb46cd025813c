import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../src/articles/read.js';
import { reassembleArticle, roundtripDifference, TagMismatchError } from '../../src/reassembly/reassemble.js';
import type { Lang } from '../../src/languages.js';

const root = path.resolve(import.meta.dirname, '../..');
const parse = (file: string, text: string, lang: Lang = 'en') =>
  parseArticle({
    path: file,
    relativePath: `${lang}/${path.basename(file)}`,
    lang,
    text,
    frontMatterKeys: ['title', 'summary'],
  });

const fixtureFiles = [
  ...readdirSync(path.join(root, 'test/fixtures/markdown')).map((name) =>
    path.join(root, 'test/fixtures/markdown', name),
  ),
  path.join(root, 'articles/en/queen-of-tears.md'),
  path.join(root, 'articles/ko/queen-of-tears.md'),
  path.join(root, 'test/fixtures/seeds/queen-of-tears.it.txt'),
];

describe('identity round trip is byte-exact', () => {
  test.each(fixtureFiles.map((file) => [path.relative(root, file), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const article = parse(file, text, file.includes('/ko/') || file.includes('korean') ? 'ko' : 'en');
    expect(article.segments.length).toBeGreaterThan(0);
    expect(roundtripDifference(article)).toBeNull();
  });
});

describe('splicing translations', () => {
  const text =
    '---\ntitle: Queen of Tears\nlang: en\ndate: 2024-04-16 # kept\n---\n> A *quoted* sentence\n> on two lines. Second [one](https://x.io "Link title").\n\n- ![The cast](c.jpg)\n';
  const article = parse('story.md', text);
  const byText = (source: string) => article.segments.find((s) => s.text === source)!.id;

  test('targets replace exactly their spans; tags become the original Markdown; prefixes come back', () => {
    const targets = new Map([
      [byText('Queen of Tears'), 'La regina delle lacrime'],
      [byText('A <g id="1">quoted</g> sentence\non two lines.'), 'Una frase <g id="1">citata</g>\nsu due righe.'],
      [byText('Second <g id="1">one</g>.'), 'La <g id="1">seconda</g>.'],
      [byText('Link title'), 'Titolo del link'],
      [byText('The cast'), 'Il cast'],
    ]);
    expect(reassembleArticle(article, targets, 'it')).toBe(
      '---\ntitle: La regina delle lacrime\nlang: it\ndate: 2024-04-16 # kept\n---\n> Una frase *citata*\n> su due righe. La [seconda](https://x.io "Titolo del link").\n\n- ![Il cast](c.jpg)\n',
    );
  });

  test('a nested translation with entities or tags does not lose the place in its parent segment', () => {
    const parsed = parse('n.md', 'See ![Tom & Jerry](tj.png "Salt & pepper") and *more* [here](u "Link").\n');
    const find = (source: string) => parsed.segments.find((s) => s.text === source)!.id;
    const sentence = parsed.segments.find((s) => s.kind === 'paragraph')!;
    expect(sentence.text).toBe('See <x id="1"/> and <g id="2">more</g> <g id="3">here</g>.');
    const targets = new Map([
      [sentence.id, 'Vedi <x id="1"/> e <g id="2">altro</g> <g id="3">qui</g>.'],
      [find('Tom &amp; Jerry'), 'Tom &amp; Jerry (it)'],
      [find('Salt &amp; pepper'), 'Sale &amp; pepe'],
      [find('Link'), 'Collegamento &amp; co'],
    ]);
    expect(reassembleArticle(parsed, targets, 'it')).toBe(
      'Vedi ![Tom & Jerry (it)](tj.png "Sale & pepe") e *altro* [qui](u "Collegamento & co").\n',
    );
  });

  test('a line the translation adds inside a quote or a list item keeps the container prefix', () => {
    const nested = parse('s.md', '> One line quote.\n\n- Item one.\n\n> - Quoted item.\n');
    const targets = new Map(nested.segments.map((s) => [s.id, s.text.replace('.', ',\ncontinued.')]));
    expect(reassembleArticle(nested, targets, 'en')).toBe(
      '> One line quote,\n> continued.\n\n- Item one,\n  continued.\n\n> - Quoted item,\n>   continued.\n',
    );
  });

  test('tab-indented continuation lines: the text leaves the indentation out, the translation gets it back', () => {
    const tabbed = parse('s.md', '- Item one\n\tcontinued with a tab.\n\n> Quote\n>\tline two.\n');
    expect(tabbed.segments.map((s) => [s.text, s.linePrefixes])).toEqual([
      ['Item one\ncontinued with a tab.', ['\t']],
      ['Quote\nline two.', ['>\t']],
    ]);
    const targets = new Map([
      [tabbed.segments[0]!.id, 'Voce uno\ncontinua con un tab.'],
      [tabbed.segments[1]!.id, 'Citazione\nriga due.'],
    ]);
    expect(reassembleArticle(tabbed, targets, 'en')).toBe(
      '- Voce uno\n\tcontinua con un tab.\n\n> Citazione\n>\triga due.\n',
    );
  });

  test('a line break in the translation of a heading or a table cell becomes a space', () => {
    const article = parse('s.md', '# A heading\n\n| Week | Rank |\n|---|---|\n| First | 1 |\n');
    const targets = new Map(article.segments.map((s) => [s.id, s.text.replace(/^(\w+)/, '$1\nx')]));
    expect(reassembleArticle(article, targets, 'it')).toBe(
      '# A x heading\n\n| Week x | Rank x |\n|---|---|\n| First x | 1 x |\n',
    );
  });

  test('tags may come back in another order', () => {
    const sentence = parse('s.md', 'The *red* and **blue** car.\n');
    const id = sentence.segments[0]!.id;
    expect(reassembleArticle(sentence, new Map([[id, 'L\'auto <g id="2">blu</g> e <g id="1">rossa</g>.']]), 'en')).toBe(
      "L'auto **blu** e *rossa*.\n",
    );
  });

  test('XML entities in translations are decoded; a value that needs quoting is quoted in YAML', () => {
    const withSummary = parse('s.md', '---\nsummary: Plain value\n---\nBody & more.\n');
    const [summary, body] = withSummary.segments;
    expect(body!.text).toBe('Body &amp; more.');
    const output = reassembleArticle(
      withSummary,
      new Map([
        [summary!.id, 'Titolo: con due punti'],
        [body!.id, 'Corpo &amp; altro &lt;3.'],
      ]),
      'it',
    );
    expect(output).toBe('---\nsummary: "Titolo: con due punti"\nlang: it\n---\nCorpo & altro <3.\n');
  });

  test('HTML written as text in a translation is escaped, never published as raw HTML', () => {
    const sentence = parse('s.md', 'Fans wrote a <3 and a few words.\n');
    const id = sentence.segments[0]!.id;
    expect(sentence.segments[0]!.text).toBe('Fans wrote a &lt;3 and a few words.');
    expect(
      reassembleArticle(
        sentence,
        new Map([
          [id, 'I fan: &lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- x --&gt; &lt;3 e &lt;img src=x onerror=y&gt;'],
        ]),
        'it',
      ),
    ).toBe('I fan: &lt;script>alert(1)&lt;/script> &lt;!-- x --> <3 e &lt;img src=x onerror=y>\n');
  });

  test('a translation with an unknown or unclosed tag is refused, never spliced', () => {
    const sentence = parse('s.md', 'The *red* car.\n');
    const id = sentence.segments[0]!.id;
    expect(() => reassembleArticle(sentence, new Map([[id, 'La <g id="9">rossa</g>.']]), 'it')).toThrow(
      TagMismatchError,
    );
    expect(() => reassembleArticle(sentence, new Map([[id, 'La <g id="1">rossa.']]), 'it')).toThrow(TagMismatchError);
    // a self-closing paired tag would write `*` without its closing `*` (sameTags calls it not well formed)
    expect(() => reassembleArticle(sentence, new Map([[id, 'La <g id="1"/>rossa.']]), 'it')).toThrow(TagMismatchError);
    // a paired tag closed as standalone
    expect(() => reassembleArticle(sentence, new Map([[id, 'La <g id="1">rossa</x>.']]), 'it')).toThrow(
      TagMismatchError,
    );
  });
});

describe('tag spellings', () => {
  test('the variants MT engines write render exactly like storyloc’s own tags, errors included', () => {
    const article = parse('v.md', 'See ![cast](c.png) and *more* [here](u) now.\n');
    const sentence = article.segments.find((s) => s.kind === 'paragraph')!;
    expect(sentence.text).toBe('See <x id="1"/> and <g id="2">more</g> <g id="3">here</g> now.');
    const render = (xml: string) => reassembleArticle(article, new Map([[sentence.id, xml]]), 'it');
    const canonical = render('Vedi <x id="1"/> e <g id="2">altro</g> <g id="3">qui</g> ora &amp; poi.');
    expect(canonical).toBe('Vedi ![cast](c.png) e *altro* [qui](u) ora & poi.\n');
    expect(render('Vedi <x id="1" /> e <g id = "2">altro</g> <g id="3">qui</g> ora &amp; poi.')).toBe(canonical);
    expect(render('Vedi <x id="1"></x> e <g  id="2">altro</g> <g id="3" >qui</g> ora &amp; poi.')).toBe(canonical);
    expect(() => render('Vedi <x id="1"/> e <g id="2">altro <g id="3">qui</g> ora.')).toThrow('unclosed <g>');
    expect(() => render('Vedi <x id="9"/> e <g id="2">altro</g> <g id="3">qui</g>.')).toThrow('unknown tag <x id="9">');
    expect(() => render('Vedi <x id="1"/> e </g><g id="2">altro</g> <g id="3">qui</g>.')).toThrow('unexpected </g>');
    expect(() => render('Vedi <x id="1"/> e <g id="2"/> <g id="3">qui</g>.')).toThrow('self-closing <g id="2"/>');
  });
});
