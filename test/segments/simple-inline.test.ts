/**
 * The fast inline lexer must return exactly marked's inline tokens (every field) for each input it
 * accepts, and must accept the plain news prose it exists for.
 */
import { expect, test } from '@jest/globals';
import { Lexer } from 'marked';
import { lexSimpleInline } from '../../src/segments/simple-inline.js';
import { generateCorpus } from '../../bench/corpus.js';
import { createRandom } from '../support/random.js';

const markedInline = (text: string) => new Lexer({ gfm: true, breaks: false, pedantic: false }).inlineTokens(text, []);

test('plain prose with emphasis, strong and links gives marked’s exact tokens', () => {
  const text =
    'Kim *Soo-hyun* said: **yes**, see [the report](https://example.com/a?b=1#c) now! 김수현 *눈물의 여왕*은.';
  const tokens = lexSimpleInline(text);
  expect(tokens).toEqual(markedInline(text));
  expect(tokens!.map((token) => token.type)).toEqual([
    'text',
    'em',
    'text',
    'strong',
    'text',
    'link',
    'text',
    'em',
    'text',
  ]);
  expect(tokens![5]).toEqual({
    type: 'link',
    raw: '[the report](https://example.com/a?b=1#c)',
    href: 'https://example.com/a?b=1#c',
    title: null,
    text: 'the report',
    tokens: [{ type: 'text', raw: 'the report', text: 'the report', escaped: false }],
  });
});

test.each([
  ['an underscore', 'snake_case here'],
  ['inline code', 'run `npm ci` first'],
  ['an entity', 'Tom &amp; Jerry'],
  ['an image', 'see ![alt](a.png)'],
  ['a URL in the text', 'visit http://example.com today'],
  ['www in the text', 'visit www.example.com today'],
  ['an email', 'write to a@b.co'],
  ['a hard break', 'one  \ntwo'],
  ['emphasis after a letter', 'intra*word*'],
  ['emphasis starting with a space', 'a * b* c'],
  ['emphasis ending with punctuation', '*wow!* yes'],
  ['emphasis over two lines', '*one\ntwo*'],
  ['a link with a title', '[a](u "t")'],
  ['a link with a space in the URL', '[a](u v)'],
  ['a bracket without a link', 'a [note] here'],
  ['a closing bracket alone', 'a ] b'],
  ['triple stars', '***both***'],
  ['nested markup in a link', '[*a*](u)'],
])('%s goes to marked', (_name, text) => {
  expect(lexSimpleInline(text)).toBeNull();
});

test('every block of the bench corpus is accepted and equals marked', () => {
  let withMarkup = 0;
  for (const article of generateCorpus(200)) {
    const lexer = new Lexer({ gfm: true });
    lexer.blockTokens(article.text.slice(article.text.indexOf('\n---\n') + 5), []);
    for (const { src } of lexer.inlineQueue) {
      const tokens = lexSimpleInline(src);
      expect(tokens).not.toBeNull();
      expect(tokens).toEqual(markedInline(src));
      if (/[*[]/.test(src)) withMarkup++;
    }
  }
  expect(withMarkup).toBeGreaterThan(1000);
});

test('on 30,000 generated inputs, whatever is accepted equals marked', () => {
  const random = createRandom(2026);
  const parts = [
    'Alpha',
    'beta',
    '김수현',
    '은',
    ' ',
    ' ',
    ' ',
    '\n',
    '.',
    ',',
    '?',
    '!',
    ':',
    ';',
    '(',
    ')',
    '"',
    "'",
    '’',
    '”',
    '“',
    '%',
    '12.5',
    '|',
    '#',
    '-',
    '*',
    '**',
    '*a*',
    '*a*b',
    '*김*은',
    'x*y*',
    '2*3*4',
    '**b**',
    '*김*',
    '*x y*',
    '*a.*',
    '*.a*',
    '[',
    ']',
    '[t](https://e.com/1)',
    '[t u](p/q?x=1)',
    '[t](u)',
    '](',
    'http',
    'https://',
    'mailto:',
    'www',
    'www.',
    '\t',
    '[ a](u)',
    '[a: b](u)',
    '[www.x](u)',
    '[a](https://www.e.com/x)',
    '![i](p)',
    '&amp;',
    '`c`',
    '_',
  ];
  let accepted = 0;
  for (let i = 0; i < 30_000; i++) {
    const length = 1 + Math.floor(random() * 12);
    let text = '';
    for (let k = 0; k < length; k++) text += parts[Math.floor(random() * parts.length)];
    const tokens = lexSimpleInline(text);
    if (tokens === null) continue;
    accepted++;
    expect({ text, tokens }).toEqual({ text, tokens: markedInline(text) });
  }
  // the generator must exercise the fast path, not only the fallback
  expect(accepted).toBeGreaterThan(3500);
});
