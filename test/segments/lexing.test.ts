/**
 * The inline-lexing shortcuts (no markup; the simple-prose lexer) must give exactly marked's tokens: same
 * types, raw text, text, links and titles, recursively,
 * on the bench corpus, the fixtures, the example workspace and generated documents.
 */
import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Lexer, type Token } from 'marked';
import { lexMarkdown } from '../../src/segments/markdown.js';
import { generateCorpus } from '../../bench/corpus.js';
import { createRandom } from '../support/random.js';

const root = path.resolve(import.meta.dirname, '../..');

type Node = Token & {
  tokens?: Token[];
  items?: Array<{ tokens: Token[] }>;
  header?: Array<{ tokens: Token[] }>;
  rows?: Array<Array<{ tokens: Token[] }>>;
};
function shape(tokens: readonly Token[]): unknown[] {
  return (tokens as Node[]).map((token) => [
    token.type,
    token.raw,
    'text' in token ? token.text : null,
    'href' in token ? token.href : null,
    'title' in token ? token.title : null,
    'escaped' in token ? token.escaped : null,
    token.tokens ? shape(token.tokens) : null,
    token.items ? token.items.map((item) => shape(item.tokens)) : null,
    token.header ? token.header.map((cell) => shape(cell.tokens)) : null,
    token.rows ? token.rows.map((row) => row.map((cell) => shape(cell.tokens))) : null,
  ]);
}

test('lexMarkdown gives the same tokens as marked on every kind of input (tables and setext headings included)', () => {
  const samples = [
    ...generateCorpus(300).map((article) => article.text),
    ...readdirSync(path.join(root, 'test/fixtures/markdown')).map((name) =>
      readFileSync(path.join(root, 'test/fixtures/markdown', name), 'utf8'),
    ),
    readFileSync(path.join(root, 'articles/en/queen-of-tears.md'), 'utf8'),
    readFileSync(path.join(root, 'articles/ko/queen-of-tears.md'), 'utf8'),
    'Plain text with a www.example.com link and mail@example.com and http://x.y.\n\nA hard  \nbreak and a \\\nbackslash one.\n',
  ];
  const random = createRandom(11);
  const pieces = [
    'Alpha beta.',
    'Gamma *delta*.',
    'x_y_z',
    '~~gone~~',
    '&amp;',
    'a < b > c',
    'see: this',
    'Kappa  ',
    'Lambda\\',
    '| a | b |',
    '|---|---|',
    '# Head',
    '> quote',
    '- item',
    '1. one',
    '\t',
    '`code`',
    '[l](u)',
    '![i](p)',
    '**strong**',
    '*em*은',
    '[link](https://example.com/a)',
    'said: yes',
    '===',
    '---',
    '   ---',
    '  ==',
    ':--|--:',
    '| x |',
    'a | b',
    '  \t',
    '-',
    '=',
    '```',
    '~~~',
    '   ```js',
    '    indented code',
    '***',
    '_ _ _',
    '<div>',
    '<!-- c -->',
    '[ref]: /url "t"',
    '  - nested',
    '2) two',
    '   > deep',
    '   # h',
    '+ plus',
    '* star',
  ];
  for (let i = 0; i < 4000; i++) {
    samples.push(
      `${Array.from({ length: 1 + Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join(random() < 0.5 ? '\n' : ' ')}\n`,
    );
  }
  for (const text of samples) {
    expect(shape(lexMarkdown(text))).toEqual(shape(Lexer.lex(text, { gfm: true, breaks: false, pedantic: false })));
  }
});
