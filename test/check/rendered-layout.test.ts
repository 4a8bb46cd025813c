/**
 * The fast way to place a marker (re-render one top-level splice, add where it starts) gives exactly
 * what reassembling the whole marked article gives, for every segment of the Markdown fixtures (front
 * matter in every YAML style, nested containers, tables, alt text and link titles nested in a segment,
 * tabs, Korean) at the start, in the middle and over a span; and it answers for every body segment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { parseArticle } from '../../src/articles/read.js';
import { reassembleArticle } from '../../src/reassembly/reassemble.js';
import { createRenderedLayout, type MarkedPosition } from '../../src/check/rendered-layout.js';
import type { Article } from '../../src/segments/types.js';
import { lineColumnAt } from '../../src/text/positions.js';

const markdownDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/markdown');
const START = '\uE000';
const END = '\uE001';

function articleOf(name: string): Article {
  return parseArticle({
    path: `/ws/articles/${name}`,
    relativePath: name,
    lang: name.startsWith('korean') ? 'ko' : 'en',
    text: readFileSync(path.join(markdownDir, name), 'utf8'),
    frontMatterKeys: ['title', 'summary', 'description'],
  });
}

/** a target for every segment that keeps its tags: the text with letters shifted, tags untouched */
function targetsOf(article: Article): Map<string, string> {
  return new Map(
    article.segments.map((segment) => [
      segment.id,
      segment.text.replace(/(<[^>]*>)|([a-z])/g, (_all, tag: string | undefined, letter: string | undefined) =>
        tag !== undefined ? tag : letter === 'z' ? 'a' : String.fromCharCode(letter!.charCodeAt(0) + 1),
      ),
    ]),
  );
}

/** what the locator did before: the whole article reassembled with the marked target */
function slowPosition(article: Article, targets: Map<string, string>, id: string, marked: string): MarkedPosition {
  const rendered = reassembleArticle(article, new Map(targets).set(id, marked), 'it');
  const start = rendered.indexOf(START);
  const position: MarkedPosition = { start: lineColumnAt(rendered, start) };
  const withoutStart = rendered.slice(0, start) + rendered.slice(start + 1);
  const end = withoutStart.indexOf(END);
  if (end >= start) position.end = lineColumnAt(withoutStart, end);
  return position;
}

/** offsets outside tags: the start, the middle and the end of a target's text */
function offsetsIn(target: string): number[] {
  const free: number[] = [];
  let inTag = false;
  for (let i = 0; i <= target.length; i++) {
    if (target[i - 1] === '>') inTag = false;
    if (target[i] === '<') inTag = true;
    if (!inTag && !(target[i - 1] === '&' || /&[a-z#0-9]*$/.test(target.slice(0, i)))) free.push(i);
  }
  return [...new Set([free[0]!, free[Math.floor(free.length / 2)]!, free[free.length - 1]!])];
}

const names = readdirSync(markdownDir).filter((name) => name.endsWith('.md'));

describe.each(names)('%s', (name) => {
  const article = articleOf(name);
  const targets = targetsOf(article);
  const layout = createRenderedLayout(article, targets, 'it');

  test('every marker lands where the whole reassembly puts it', () => {
    let compared = 0;
    for (const segment of article.segments) {
      const target = targets.get(segment.id)!;
      const offsets = offsetsIn(target);
      for (const start of offsets) {
        for (const end of [undefined, offsets[offsets.length - 1]!]) {
          const marked =
            end === undefined || end <= start
              ? target.slice(0, start) + START + target.slice(start)
              : target.slice(0, start) + START + target.slice(start, end) + END + target.slice(end);
          const fast = layout.markedPosition(segment.id, marked, START, END);
          if (fast === null) continue; // the locator reassembles the whole article then
          expect({ id: segment.id, ...fast }).toEqual({
            id: segment.id,
            ...slowPosition(article, targets, segment.id, marked),
          });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(article.segments.length);
  });

  test('every body segment is placed the fast way', () => {
    const body = article.segments.filter((segment) => segment.frontMatterKey === undefined);
    const unanswered = body.filter((segment) => {
      const target = targets.get(segment.id)!;
      return layout.markedPosition(segment.id, START + target, START, END) === null;
    });
    expect(unanswered.map((segment) => segment.id)).toEqual([]);
  });
});
