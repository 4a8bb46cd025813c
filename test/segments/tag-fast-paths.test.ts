/**
 * The fast paths of the tag comparisons (src/segments/xml.ts, src/segments/tag-placement.ts) give what the
 * token-based definition gives: `inventoryTags` read from `tokenizeSegmentXml` with entities as text, and
 * `sameTags` as the sorted inventories compared. Checked on chosen cases and on seeded random texts.
 */
import { describe, expect, test } from '@jest/globals';
import { settleTagPlacement } from '../../src/segments/tag-placement.js';
import type { InlineTag } from '../../src/segments/types.js';
import { inventoryTags, sameTags, tokenizeSegmentXml, type TagInventory } from '../../src/segments/xml.js';
import { createRandom } from '../support/random.js';

/** The definition: tags of the token stream (entities as text), nesting checked with a depth count. */
function referenceInventory(xml: string): TagInventory {
  const tags: string[] = [];
  let depth = 0;
  let wellFormed = true;
  for (const token of tokenizeSegmentXml(xml, { entities: false })) {
    if (token.type === 'close') {
      if (depth === 0) wellFormed = false;
      else depth--;
    } else if (token.type === 'open') {
      tags.push(`g:${token.id}`);
      depth++;
    } else if (token.type === 'empty') {
      tags.push(`${token.name}:${token.id}`);
      if (token.name === 'g') wellFormed = false;
    }
  }
  if (depth > 0) wellFormed = false;
  return { tags, wellFormed };
}

function referenceSameTags(sourceXml: string, targetXml: string): boolean {
  const source = referenceInventory(sourceXml);
  const target = referenceInventory(targetXml);
  if (!target.wellFormed) return false;
  return [...source.tags].sort().join(' ') === [...target.tags].sort().join(' ');
}

/** Pieces of segment XML as sources and engines write them, malformed ones included. */
const pieces = [
  'Kim ',
  'drama',
  ', ',
  ' ',
  '&amp;',
  '&lt;g id="1"&gt;',
  '<',
  'a < b',
  '<g id="1">',
  '<g id="2">',
  '</g>',
  '</x>',
  '<x id="3"/>',
  '<x id = "3" />',
  '<x id="4"></x>',
  '<g id="1"/>',
  '<g id="1"',
  '<g>',
  '<x/>',
  '<b>',
  '<g id="1 x:2">',
  '<x id="2"/>',
];

function randomXml(random: () => number): string {
  let xml = '';
  const length = Math.floor(random() * 9);
  for (let i = 0; i < length; i++) xml += pieces[Math.floor(random() * pieces.length)]!;
  return xml;
}

describe('inventoryTags and sameTags', () => {
  const cases: Array<[string, string, boolean]> = [
    ['Plain prose.', 'Prosa semplice.', true],
    ['No tags &amp; an entity', 'Nessun tag &amp; entità', true],
    ['The <g id="1">new</g> drama', 'Il <g id="1">nuovo</g> dramma', true],
    ['<g id="1">a</g> <x id="2"/>', '<x id="2"/> <g id="1">a</g>', true],
    ['<g id="1">a</g> <g id="2">b</g>', '<g id="2">b</g> <g id="1">a</g>', true],
    ['<g id="1">a</g>', 'a', false],
    ['a', '<g id="1">a</g>', false],
    ['<g id="1">a</g>', '<g id="1">a</g><g id="1">b</g>', false],
    ['<g id="1">a</g>', '<g id="1">a', false],
    ['<g id="1">a</g>', '</g>a<g id="1">', false],
    ['<g id="1"/>', '<g id="1"/>', false],
    ['a < b', 'a < b', true],
    ['<x id="3"/>', '<x id = "3" />', true],
    ['<x id="3"/>', '<x id="3"></x>', true],
    // ids with a space: the joined inventories agree although the tags differ (as the definition says)
    ['<g id="1 x:2"></g>', '<g id="1"></g><x id="2"/>', true],
  ];

  test.each(cases)('%s against %s', (source, target, expected) => {
    expect(sameTags(source, target)).toBe(expected);
    expect(referenceSameTags(source, target)).toBe(expected);
  });

  test('seeded random texts: the same inventories and answers as the token-based definition', () => {
    const random = createRandom(13);
    let differentAnswers = 0;
    const disagreements: string[][] = [];
    for (let i = 0; i < 10000; i++) {
      const source = randomXml(random);
      // half the targets are the source with its text changed, tags kept in order
      const target = random() < 0.5 ? source.replace(/drama/g, 'dramma') : randomXml(random);
      const expected = referenceSameTags(source, target);
      const inventory = JSON.stringify(inventoryTags(target)) === JSON.stringify(referenceInventory(target));
      if (!inventory || sameTags(source, target) !== expected) disagreements.push([source, target]);
      if (!expected) differentAnswers++;
    }
    expect(disagreements).toEqual([]);
    // both answers were exercised
    expect(differentAnswers).toBeGreaterThan(1000);
    expect(differentAnswers).toBeLessThan(9000);
  });
});

describe('settleTagPlacement reads the target once unless it repairs', () => {
  const under: InlineTag = { type: 'g', markup: 'emphasis', open: '_', close: '_' };
  const strong: InlineTag = { type: 'g', markup: 'strong', open: '**', close: '**' };

  test('a target without tags, its source without tags: accepted as is', () => {
    expect(settleTagPlacement('Plain prose.', 'Prosa semplice.', {})).toEqual({
      text: 'Prosa semplice.',
      repaired: false,
      flags: [],
    });
  });

  test('dropped or reordered-and-doubled tags are a mismatch even though both texts have tags', () => {
    expect(settleTagPlacement('<g id="1">a</g> <g id="2">b</g>', '<g id="2">b</g> <g id="2">a</g>', {}).flags).toEqual([
      'tags.mismatch',
    ]);
  });

  test('a repair whose result needs a flag: the repaired text is what the flags are read from', () => {
    expect(settleTagPlacement('A <g id="1">new</g> drama.', 'Un dram<g id="1">ma, </g>nuovo.', { 1: under })).toEqual({
      text: 'Un dram<g id="1">ma</g>, nuovo.',
      repaired: true,
      flags: ['tags.intraword:1'],
    });
  });

  test('no repair, flags read from the target as it came', () => {
    expect(settleTagPlacement('A <g id="1">new</g> drama.', 'Un dramma nuovo<g id="1"></g>.', { 1: strong })).toEqual({
      text: 'Un dramma nuovo<g id="1"></g>.',
      repaired: false,
      flags: ['tags.empty:1'],
    });
  });
});
