import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle, readArticleFile } from '../../src/articles/read.js';
import { readLooseArticle } from '../../src/articles/loose.js';
import { reassembleArticle } from '../../src/reassembly/reassemble.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

afterAll(removeTempDirs);

const parse = (text: string) =>
  parseArticle({ path: 'en/story.md', relativePath: 'en/story.md', lang: 'en', text, frontMatterKeys: ['title'] });

/** The two fields article reading uses, for files written to a temporary workspace. */
function workspace(): { dir: string; config: ResolvedConfig } {
  const dir = tempDir('storyloc-fm-');
  mkdirSync(path.join(dir, 'articles', 'drafts'), { recursive: true });
  const config = {
    paths: { articles: path.join(dir, 'articles') },
    frontMatterKeys: ['title'],
    sourceLanguages: ['en', 'ko'],
  } as unknown as ResolvedConfig;
  return { dir, config };
}

describe('a byte order mark', () => {
  test('before a body without front matter: the first heading is still a heading, the BOM is not text', () => {
    const text = '\ufeff# Queen of Tears\n\nThe finale aired.\n';
    const article = parse(text);
    expect(article.segments.map((segment) => [segment.kind, segment.text, segment.start, segment.end])).toEqual([
      ['heading', 'Queen of Tears', 3, 17],
      ['paragraph', 'The finale aired.', 19, 36],
    ]);
    expect(reassembleArticle(article, new Map(), 'en')).toBe(text);
  });

  test('before front matter: its `lang` is read for a file outside the workspace', () => {
    const { dir, config } = workspace();
    writeFileSync(
      path.join(dir, 'draft.md'),
      '\ufeff---\ntitle: 눈물의 여왕\nlang: ko\n---\n김수현이 웃었다. 김지원도 웃었다.\n',
    );
    expect(readLooseArticle('draft.md', config, { cwd: dir }).lang).toBe('ko');
  });
});

describe('the front-matter `lang` decides the language of a file outside a language folder', () => {
  test('with a comment after the value', () => {
    const { dir, config } = workspace();
    writeFileSync(
      path.join(dir, 'draft.md'),
      '---\ntitle: 눈물의 여왕\nlang: ko # Korean source\n---\n김수현이 웃었다.\n',
    );
    expect(readLooseArticle('draft.md', config, { cwd: dir }).lang).toBe('ko');
    // directly in articles/ the front matter declares the language; a folder must be a source language (issue 16)
    writeFileSync(
      path.join(dir, 'articles', 'story.md'),
      '---\ntitle: 눈물의 여왕\nlang: ko # Korean source\n---\n김수현이 웃었다.\n',
    );
    expect(readArticleFile(path.join(dir, 'articles', 'story.md'), config, { cwd: dir }).lang).toBe('ko');
    writeFileSync(
      path.join(dir, 'articles', 'drafts', 'story.md'),
      '---\ntitle: 눈물의 여왕\nlang: ko # Korean source\n---\n김수현이 웃었다.\n',
    );
    expect(() => readArticleFile(path.join(dir, 'articles', 'drafts', 'story.md'), config, { cwd: dir })).toThrow(
      'article.unknownFolder',
    );
  });

  test('a `lang:` line in the body is text, not front matter', () => {
    const { dir, config } = workspace();
    writeFileSync(path.join(dir, 'draft.md'), '---\ntitle: Queen of Tears\n---\nIntro.\n\n---\nlang: ko\n');
    expect(readLooseArticle('draft.md', config, { cwd: dir }).lang).toBe('en');
  });
});
