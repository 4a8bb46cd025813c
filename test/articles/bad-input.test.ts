import { describe, expect, test } from '@jest/globals';
import { decodeArticleBytes } from '../../src/articles/list.js';
import { parseArticle } from '../../src/articles/read.js';
import { StorylocError } from '../../src/errors.js';

function errorOf(run: () => unknown): StorylocError {
  try {
    run();
  } catch (error) {
    if (error instanceof StorylocError) return error;
    throw error;
  }
  throw new Error('expected a StorylocError');
}
const parse = (text: string, maxBlockChars?: number) =>
  parseArticle({
    path: 'en/story.md',
    relativePath: 'en/story.md',
    lang: 'en',
    text,
    frontMatterKeys: ['title'],
    ...(maxBlockChars === undefined ? {} : { maxBlockChars }),
  });

describe('bad article input is refused with the file and position', () => {
  test('binary content (a NUL byte) names line and column', () => {
    const error = errorOf(() => decodeArticleBytes(Buffer.from('line one\nab\u0000c'), 'en/story.md'));
    expect([error.code, error.position, error.exitCode]).toEqual([
      'article.binary',
      { file: 'en/story.md', line: 2, column: 3 },
      2,
    ]);
  });

  test('invalid UTF-8 names the first bad byte', () => {
    const error = errorOf(() =>
      decodeArticleBytes(Buffer.concat([Buffer.from('ok\nnot '), Buffer.from([0xe8, 0x41])]), 'en/story.md'),
    );
    expect([error.code, error.position]).toEqual(['article.encoding', { file: 'en/story.md', line: 2, column: 5 }]);
  });

  test('an empty file', () => {
    expect(errorOf(() => decodeArticleBytes(Buffer.alloc(0), 'en/story.md')).code).toBe('article.empty');
    expect(errorOf(() => parse('  \n\n')).code).toBe('article.empty');
  });

  test('front matter that is not valid YAML: the line in the file', () => {
    const error = errorOf(() => parse('---\ntitle: ok\nsummary: [unclosed\n---\nBody.\n'));
    expect([error.code, error.position?.line]).toEqual(['article.frontMatterYaml', 4]);
  });

  test('an unterminated front-matter block', () => {
    const error = errorOf(() => parse('---\ntitle: never closed\n\nBody.\n'));
    expect([error.code, error.position]).toEqual([
      'article.frontMatterUnterminated',
      { file: 'en/story.md', line: 1, column: 1 },
    ]);
  });

  test('a block larger than the limit names its line; the limit can be lifted', () => {
    const big = `# Title\n\n${'Word. '.repeat(50)}\n`;
    const error = errorOf(() => parse(big, 100));
    expect([error.code, error.position?.line]).toEqual(['article.blockTooLarge', 3]);
    expect(parse(big, 0).segments).toHaveLength(51);
  });

  test('Windows line endings are kept (articles/line-endings.ts); mixed or lone CR endings are refused with the line', () => {
    const crlf = parse('First line.\r\nSecond.\r\n');
    expect([crlf.source, crlf.segments.map((s) => [s.text, s.start, s.end])]).toEqual([
      'First line.\r\nSecond.\r\n',
      [
        ['First line.', 0, 11],
        ['Second.', 13, 20],
      ],
    ]);
    expect([
      errorOf(() => parse('One.\r\nTwo.\nThree.\r\n')).code,
      errorOf(() => parse('One.\r\nTwo.\nThree.\r\n')).position?.line,
    ]).toEqual(['article.lineEndings', 2]);
    expect(errorOf(() => parse('Old Mac.\rText.\r')).code).toBe('article.lineEndings');
  });
});
