/**
 * Violations land exactly where the text is in the output file: front-matter values re-quoted by
 * YAML, soft line breaks, blockquote prefixes put back after a newline, a link title nested in a link.
 */
import { describe, expect, test } from '@jest/globals';
import { parseArticle } from '../../src/articles/read.js';
import { reassembleArticle } from '../../src/reassembly/reassemble.js';
import { createIdentityLocator, createOutputLocator, firstDifference } from '../../src/check/locate.js';
import { lineColumnAt } from '../../src/text/positions.js';

const source = [
  '---',
  'title: Queen of Tears behind the scenes',
  'lang: en',
  '---',
  '',
  'The clip of *Queen of Tears* was',
  'uploaded by [tvN Drama](https://example.com/tvn "tvN Drama on YouTube") on Tuesday.',
  '',
  '> Viewers asked',
  '> a question.',
  '',
].join('\n');

const article = parseArticle({
  path: '/ws/articles/en/a.md',
  relativePath: 'en/a.md',
  lang: 'en',
  text: source,
  frontMatterKeys: ['title'],
});
const byText = (text: string) => article.segments.find((segment) => segment.text === text)!.id;
const targets = new Map<string, string>([
  [byText('Queen of Tears behind the scenes'), 'Dietro le quinte: La regina delle lacrime'],
  [
    byText('The clip of <g id="1">Queen of Tears</g> was\nuploaded by <g id="2">tvN Drama</g> on Tuesday.'),
    'La clip de <g id="1">La regina delle lacrime</g> è stata\ncaricata da <g id="2">tvN Drama</g> martedì.',
  ],
  [byText('tvN Drama on YouTube'), 'tvN Drama su YouTube'],
  [byText('Viewers asked\na question.'), 'Gli spettatori\nsi sono chiesti una cosa.'],
]);
const output = reassembleArticle(article, targets, 'it');
const locator = createOutputLocator({
  article,
  targets,
  targetLang: 'it',
  outputPath: '/ws/output/it/en/a.md',
  outputText: output,
  inSync: true,
  reassemble: reassembleArticle,
});

/** the text of the output at a 1-based line and column */
function at(line: number, column: number, length: number): string {
  return output.split('\n')[line - 1]!.slice(column - 1, column - 1 + length);
}

function place(sourceText: string, find: string) {
  const id = byText(sourceText);
  const target = targets.get(id)!;
  const start = target.indexOf(find);
  return locator.place(id, { start, end: start + find.length });
}

describe('createOutputLocator', () => {
  test('the output is what this test thinks it is', () => {
    expect(output.split('\n').slice(0, 10)).toEqual([
      '---',
      'title: "Dietro le quinte: La regina delle lacrime"',
      'lang: it',
      '---',
      '',
      'La clip de *La regina delle lacrime* è stata',
      'caricata da [tvN Drama](https://example.com/tvn "tvN Drama su YouTube") martedì.',
      '',
      '> Gli spettatori',
      '> si sono chiesti una cosa.',
    ]);
  });

  test('a front-matter value quoted by YAML', () => {
    const placement = place('Queen of Tears behind the scenes', 'La regina');
    expect(placement).toEqual({ file: '/ws/output/it/en/a.md', line: 2, column: 27, endLine: 2, endColumn: 36 });
    expect(at(2, 27, 9)).toBe('La regina');
  });

  test('inside emphasis, after a soft line break, in a nested link title', () => {
    expect(
      place(
        'The clip of <g id="1">Queen of Tears</g> was\nuploaded by <g id="2">tvN Drama</g> on Tuesday.',
        'La regina',
      ),
    ).toMatchObject({ line: 6, column: 13 });
    expect(at(6, 13, 9)).toBe('La regina');
    expect(
      place('The clip of <g id="1">Queen of Tears</g> was\nuploaded by <g id="2">tvN Drama</g> on Tuesday.', 'martedì'),
    ).toMatchObject({ line: 7, column: 73, endColumn: 80 });
    expect(at(7, 73, 7)).toBe('martedì');
    expect(place('tvN Drama on YouTube', 'YouTube')).toMatchObject({ line: 7, column: 63 });
    expect(at(7, 63, 7)).toBe('YouTube');
  });

  test('after a newline that reassembly prefixed with "> "', () => {
    expect(place('Viewers asked\na question.', 'si sono')).toEqual({
      file: '/ws/output/it/en/a.md',
      line: 10,
      column: 3,
      endLine: 10,
      endColumn: 10,
    });
    expect(at(10, 3, 7)).toBe('si sono');
  });

  test('the start of a segment; an untranslated segment is where its source text stayed', () => {
    expect(locator.place(byText('Viewers asked\na question.'))).toMatchObject({ line: 9, column: 3 });
    const partial = new Map(targets);
    partial.delete(byText('Viewers asked\na question.'));
    const partialOutput = reassembleArticle(article, partial, 'it');
    const partialLocator = createOutputLocator({
      article,
      targets: partial,
      targetLang: 'it',
      outputPath: 'o.md',
      outputText: partialOutput,
      inSync: true,
      reassemble: reassembleArticle,
    });
    expect(partialLocator.place(byText('Viewers asked\na question.'))).toMatchObject({ line: 9, column: 3 });
  });

  test('a span that cannot be marked in the text the output shows: the segment in the source article', () => {
    // a target whose tags do not fit is written as its source text (persist.ts), but rules read the
    // target: its span, put into the source text, may fall inside a tag, and nothing renders with it
    const clip = byText(
      'The clip of <g id="1">Queen of Tears</g> was\nuploaded by <g id="2">tvN Drama</g> on Tuesday.',
    );
    const written = new Map(targets);
    written.delete(clip);
    const writtenLocator = createOutputLocator({
      article,
      targets: written,
      targetLang: 'it',
      outputPath: 'o.md',
      outputText: reassembleArticle(article, written, 'it'),
      inSync: true,
      reassemble: reassembleArticle,
    });
    expect(writtenLocator.place(clip, { start: 14, end: 20 })).toEqual({
      file: '/ws/articles/en/a.md',
      line: 6,
      column: 1,
    });
    // a span that can be marked there is placed in the output as usual
    expect(writtenLocator.place(clip, { start: 4, end: 8 })).toEqual({
      file: 'o.md',
      line: 6,
      column: 5,
      endLine: 6,
      endColumn: 9,
    });
  });

  test('an output out of sync: the segment in the source article', () => {
    const stale = createOutputLocator({
      article,
      targets,
      targetLang: 'it',
      outputPath: 'o.md',
      outputText: 'edited',
      inSync: false,
      reassemble: reassembleArticle,
    });
    expect(stale.place(byText('Viewers asked\na question.'), { start: 3 })).toEqual({
      file: '/ws/articles/en/a.md',
      line: 9,
      column: 3,
    });
    expect(stale.place(null)).toEqual({ file: '/ws/articles/en/a.md', line: 1, column: 1 });
  });
});

describe('createIdentityLocator (target-only Markdown)', () => {
  test('places offsets of a segment in the file itself', () => {
    const italian = parseArticle({
      path: '/x/it.md',
      relativePath: 'it.md',
      lang: 'it',
      text: '# Titolo\n\n> Una frase “Queen of Tears”\n> e poi **altro** testo.\n',
      frontMatterKeys: [],
    });
    const segment = italian.segments.find((s) => s.text.includes('altro'))!;
    const identity = createIdentityLocator(italian, reassembleArticle);
    const start = segment.text.indexOf('altro');
    expect(identity.place(segment.id, { start, end: start + 5 })).toEqual({
      file: '/x/it.md',
      line: 4,
      column: 11,
      endLine: 4,
      endColumn: 16,
    });
  });
});

describe('helpers', () => {
  test('lineColumnAt and firstDifference', () => {
    expect(lineColumnAt('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab', 0)).toEqual({ line: 1, column: 1 });
    expect(firstDifference('abc', 'abc')).toBe(-1);
    expect(firstDifference('abc', 'abd')).toBe(2);
    expect(firstDifference('ab', 'abc')).toBe(2);
  });
});
