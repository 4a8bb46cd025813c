/**
 * The plain-list shortcut of the block tokenizer (simple-list.ts) must give exactly marked's list token:
 * whole token trees compared (raw, text, loose, start, items and their tokens), on generated lists around
 * other blocks, the bench corpus and the fixtures; and it must be the path the corpus takes.
 */
import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Lexer } from 'marked';
import { FastBlockTokenizer } from '../../src/segments/block-tokenizer.js';
import { simpleListAt } from '../../src/segments/simple-list.js';
import { generateCorpus } from '../../bench/corpus.js';
import { createRandom } from '../support/random.js';

const root = path.resolve(import.meta.dirname, '../..');
const options = { gfm: true, breaks: false, pedantic: false };
const fast = (text: string) => new Lexer({ ...options, tokenizer: new FastBlockTokenizer() }).lex(text);
const marked = (text: string) => Lexer.lex(text, options);

test.each([
  ['- one\n- two\n- three\n', ['- one\n', '- two\n', '- three'], '- one\n- two\n- three'],
  ['1. one\n2. two\n\nAfter.\n', ['1. one\n', '2. two'], '1. one\n2. two'],
  ['*   wide  \n*   next  ', ['*   wide  \n', '*   next'], '*   wide  \n*   next'],
])('a plain list: %j', (text, raws, raw) => {
  const list = simpleListAt(text);
  expect(list?.items.map((item) => item.raw)).toEqual(raws);
  expect(list?.raw).toBe(raw);
});

test.each([
  '- one\n\n- two\n', // loose
  '- one\n  more\n', // a continuation line
  '- one\nlazy\n', // a lazy line
  '- [ ] task\n',
  '- - -\n',
  '- one\n* two\n', // another bullet starts another list
  '1. one\n2) two\n',
  '- one\n\n  indented\n',
  '-\tone\n',
  '-      five spaces\n',
  '- \u00a0\n',
])('marked decides %j', (text) => {
  expect(simpleListAt(text)).toBeNull();
});

test('lists lex to exactly marked tokens, whether or not the shortcut takes them', () => {
  const random = createRandom(5);
  const markers = ['-', '*', '+', '1.', '2)', '10.', '123456789.', '1234567890.', ' -', '  1.'];
  const contents = [
    'Item text',
    'Item with *em* and [a link](https://example.com)',
    'Trailing  ',
    '[ ] task',
    '[x] done',
    '[link](u) first',
    '- nested',
    '1. nested',
    '# heading',
    '> quote',
    '```',
    '---',
    '* * *',
    '_x_',
    '\u00a0',
    '2024. Year',
    '<div>',
    '|a|b|',
    'x\ty',
  ];
  const after = ['', '\n', '\n\n', '\n\nParagraph.\n', '\nlazy line\n', '\n\n  indented\n', '\n\n- again\n', '\n# H\n'];
  const gaps = ['\n', '\n', '\n', '\n\n', '\n  ', '\n   \n'];
  let shortcut = 0;
  for (let i = 0; i < 3000; i++) {
    // half the lists are plain (the shortcut's), half mix in what marked must decide
    const plain = i % 2 === 0;
    const pick = <T>(list: readonly T[], plainLength = list.length): T =>
      list[Math.floor(random() * (plain ? plainLength : list.length))]!;
    const marker = pick(markers, 8);
    const count = 1 + Math.floor(random() * 4);
    let text = random() < 0.3 ? 'Before.\n\n' : '';
    for (let k = 0; k < count; k++) {
      if (k > 0) text += plain ? '\n' : pick(gaps);
      const spaces = ' '.repeat(1 + Math.floor(random() * (plain ? 4 : 5)));
      text += `${plain || random() < 0.85 ? marker : pick(markers)}${spaces}${pick(contents)}`;
    }
    text += pick(after, 4);
    if (simpleListAt(text.startsWith('Before') ? text.slice(9) : text) !== null) shortcut++;
    expect({ text, tokens: fast(text) }).toEqual({ text, tokens: marked(text) });
  }
  expect(shortcut).toBe(930);
});

test('the corpus and the fixtures lex as marked lexes them, and every corpus list takes the shortcut', () => {
  const texts = [
    ...generateCorpus(200).map((article) => article.text),
    ...readdirSync(path.join(root, 'test/fixtures/markdown')).map((name) =>
      readFileSync(path.join(root, 'test/fixtures/markdown', name), 'utf8'),
    ),
  ];
  for (const text of texts) expect(fast(text)).toEqual(marked(text));
  let lists = 0;
  for (const article of generateCorpus(200)) {
    for (const block of article.text.split('\n\n')) {
      if (!/^(?:[-*+]|\d+[.)]) /.test(block)) continue;
      lists++;
      expect({ block, list: simpleListAt(`${block}\n\n`) !== null }).toEqual({ block, list: true });
    }
  }
  expect(lists).toBeGreaterThan(100);
});
