/**
 * Generated workspaces for the CLI benchmarks: the example glossary and a config, plus `count` news
 * stories from `corpus.ts` (English and Korean, names from the glossary, headings, lists, links, tables,
 * quotes), or one long article of short paragraphs. Deterministic for a seed.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../test/support/random.js';
import { englishSentence, generateCorpus } from './corpus.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BenchWorkspace {
  dir: string;
  /** article files (absolute), in corpus order */
  articles: string[];
  /** bytes of all article files */
  bytes: number;
}

/** The config a newsroom would write; `extra` is appended under `engine`/`queue` as given. */
function configText(extra: string): string {
  return [
    'sourceLanguages: [en, ko]',
    'targetLanguages: [it]',
    'paths: { articles: articles, glossary: glossary, output: output }',
    'frontMatterKeys: [title, summary]',
    extra,
    '',
  ].join('\n');
}

function emptyWorkspace(prefix: string, extraConfig: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(path.join(repoRoot, 'glossary'), path.join(dir, 'glossary'), { recursive: true });
  writeFileSync(path.join(dir, 'storyloc.config.yaml'), configText(extraConfig));
  return dir;
}

function writeArticle(dir: string, relativePath: string, text: string): string {
  const file = path.join(dir, 'articles', relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A workspace of `count` generated stories (the default engine is pseudo unless `extraConfig` says). */
export function newsWorkspace(count: number, extraConfig = 'engine: { default: pseudo }'): BenchWorkspace {
  const dir = emptyWorkspace(`storyloc-bench-${count}-`, extraConfig);
  const articles: string[] = [];
  let bytes = 0;
  for (const article of generateCorpus(count)) {
    articles.push(writeArticle(dir, article.relativePath, article.text));
    bytes += Buffer.byteLength(article.text);
  }
  return { dir, articles, bytes };
}

/** One English article of `paragraphs` short paragraphs (one sentence each) under a heading. */
export function longArticleWorkspace(paragraphs: number): BenchWorkspace {
  const dir = emptyWorkspace(`storyloc-bench-long-${paragraphs}-`, 'engine: { default: pseudo }');
  const random = createRandom(paragraphs);
  const parts = ['# A long live blog', ''];
  for (let i = 0; i < paragraphs; i++) parts.push(englishSentence(random), '');
  const text = parts.join('\n');
  const file = writeArticle(dir, 'en/live-blog.md', text);
  return { dir, articles: [file], bytes: Buffer.byteLength(text) };
}
