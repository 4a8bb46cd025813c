/**
 * Hard edges of article input (issue 16, cases 1–3) at the parser: nesting deeper than the limit is
 * refused with the line before marked recurses; the limits come from the workspace config; UTF-16 and
 * invalid UTF-8 are named for what they are.
 */
import { describe, expect, test } from '@jest/globals';
import { decodeArticleBytes } from '../../src/articles/list.js';
import { parseArticle } from '../../src/articles/read.js';
import { parseConfig } from '../../src/config/load.js';
import type { ArticleLimits } from '../../src/config/types.js';
import { StorylocError } from '../../src/errors.js';
import { findExcessiveNesting } from '../../src/segments/nesting.js';

function errorOf(run: () => unknown): StorylocError {
  try {
    run();
  } catch (error) {
    if (error instanceof StorylocError) return error;
    throw error;
  }
  throw new Error('expected a StorylocError');
}

const parse = (text: string, limits?: ArticleLimits) =>
  parseArticle({
    path: 'en/deep.md',
    relativePath: 'en/deep.md',
    lang: 'en',
    text,
    frontMatterKeys: ['title'],
    ...(limits ? { limits } : {}),
  });

const nestedQuotes = (depth: number): string => `# Deep\n\n${'> '.repeat(depth)}deep\n`;
const nestedList = (depth: number): string =>
  `# Deep\n\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`;

describe('nesting depth', () => {
  test('2,000 nested quotes: an input error naming file and line, not a stack overflow', () => {
    const error = errorOf(() => parse(nestedQuotes(2000)));
    expect([error.code, error.position, error.params]).toEqual([
      'article.tooDeep',
      { file: 'en/deep.md', line: 3 },
      { file: 'en/deep.md', depth: 2000, limit: 100 },
    ]);
  });

  test('lists 1,000 deep are refused at the first line past the limit (line 103 = item 101)', () => {
    const error = errorOf(() => parse(nestedList(1000)));
    expect([error.code, error.position, error.params.depth]).toEqual([
      'article.tooDeep',
      { file: 'en/deep.md', line: 103 },
      101,
    ]);
  });

  test('nesting up to the limit is read; the limit is configurable, 0 lifts it', () => {
    expect(parse(nestedList(100)).segments).toHaveLength(101);
    expect(errorOf(() => parse(nestedList(11), { maxBlockChars: 1_000_000, maxNestingDepth: 10 })).position?.line).toBe(
      13,
    );
    expect(
      parse(nestedQuotes(300), { maxBlockChars: 1_000_000, maxNestingDepth: 0 }).segments.map((s) => s.kind),
    ).toEqual(['heading', 'blockquote']);
  });

  test('with the limit lifted, a stack overflow is still an input error naming the file', () => {
    const error = errorOf(() => parse(nestedQuotes(20_000), { maxBlockChars: 1_000_000, maxNestingDepth: 0 }));
    expect([error.code, error.position]).toEqual(['article.tooDeep', { file: 'en/deep.md' }]);
  });

  test('the measure: markers and indentation count, top-level fenced code does not', () => {
    expect(findExcessiveNesting('> > - 1. x\n', 3)).toEqual({ offset: 0, depth: 4 });
    expect(findExcessiveNesting('a\n        - x\n', 4)).toEqual({ offset: 2, depth: 5 });
    expect(findExcessiveNesting('\t\t- x\n', 4)).toEqual({ offset: 0, depth: 5 });
    expect(findExcessiveNesting('```\n> > > > >\n```\n', 2)).toBeNull();
    expect(findExcessiveNesting('```\n```\n> > >\n', 2)).toEqual({ offset: 8, depth: 3 });
    // not markers: emphasis, a number without its dot, a dash glued to a word
    expect(findExcessiveNesting('*a* 12 -b\n', 0)).toBeNull();
    expect(findExcessiveNesting('*a* 12 -b\n', 1)).toBeNull();
  });
});

describe('limits in storyloc.config.yaml', () => {
  test('defaults, and both limits set', () => {
    expect(parseConfig('sourceLanguages: [en]\n', '/w/storyloc.config.yaml', '/w').limits).toEqual({
      maxBlockChars: 1_000_000,
      maxNestingDepth: 100,
    });
    const config = parseConfig(
      'limits:\n  maxBlockChars: 5000000\n  maxNestingDepth: 12\n',
      '/w/storyloc.config.yaml',
      '/w',
    );
    expect(config.limits).toEqual({ maxBlockChars: 5_000_000, maxNestingDepth: 12 });
  });

  test('an unknown limit names the key and the line', () => {
    const error = errorOf(() => parseConfig('limits:\n  maxDepth: 3\n', '/w/storyloc.config.yaml', '/w'));
    expect([error.code, error.position, error.params]).toEqual([
      'config.invalid',
      { file: '/w/storyloc.config.yaml', line: 2, column: 3 },
      { key: 'limits.maxDepth', expected: 'maxBlockChars, maxNestingDepth' },
    ]);
  });

  test('the block limit from the config refuses a block with its line', () => {
    const error = errorOf(() => parse(`# T\n\n${'word '.repeat(30)}\n`, { maxBlockChars: 100, maxNestingDepth: 100 }));
    expect([error.code, error.position, error.params]).toEqual([
      'article.blockTooLarge',
      { file: 'en/deep.md', line: 3, column: 1 },
      { file: 'en/deep.md', length: 150, limit: 100 },
    ]);
  });
});

describe('encodings', () => {
  test('UTF-16 with a byte order mark (either order) is named as UTF-16, not binary', () => {
    for (const bytes of [Buffer.from('\ufeff# Hi\n', 'utf16le'), Buffer.from('\ufeff# Hi\n', 'utf16le').swap16()]) {
      const error = errorOf(() => decodeArticleBytes(bytes, 'en/u16.md'));
      expect([error.code, error.position]).toEqual(['article.utf16', { file: 'en/u16.md' }]);
    }
  });

  test('invalid UTF-8 names the byte offset of the first bad byte', () => {
    const error = errorOf(() =>
      decodeArticleBytes(
        Buffer.concat([Buffer.from('# Hi\n\nabc '), Buffer.from([0xff]), Buffer.from(' def\n')]),
        'en/bad.md',
      ),
    );
    expect([error.code, error.params, error.position]).toEqual([
      'article.encoding',
      { file: 'en/bad.md', offset: 10 },
      { file: 'en/bad.md', line: 3, column: 5 },
    ]);
  });
});
