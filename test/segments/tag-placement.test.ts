/** What storyloc does with tags MT moved: accept, repair or flag (src/segments/tag-placement.ts). */
import { describe, expect, test } from '@jest/globals';
import { settleTagPlacement } from '../../src/segments/tag-placement.js';
import type { InlineTag } from '../../src/segments/types.js';

const strong: InlineTag = { type: 'g', markup: 'strong', open: '**', close: '**' };
const under: InlineTag = { type: 'g', markup: 'emphasis', open: '_', close: '_' };
const link = (url: string): InlineTag => ({ type: 'g', markup: 'link', open: '[', close: `](${url})`, url });
const code: InlineTag = { type: 'x', markup: 'code', open: '`x`', close: '' };

describe('settleTagPlacement', () => {
  test('moved and re-nested tags, balanced, are accepted as they are', () => {
    const tags = { 1: strong, 2: strong, 3: code };
    const source = 'The <g id="1">new</g> <g id="2">drama</g> with <x id="3"/> code.';
    for (const moved of [
      'Il nuovo <g id="1">dramma</g> <g id="2">con</g> <x id="3"/> codice.',
      'Il <g id="1">nuovo <g id="2">dramma</g></g> con codice<x id="3"/>.',
    ]) {
      expect(settleTagPlacement(source, moved, tags)).toEqual({ text: moved, repaired: false, flags: [] });
    }
  });

  test('punctuation and spaces taken in at an edge go back outside, as DeepL\'s „Weiter", example needs', () => {
    const tags = { 1: strong };
    expect(
      settleTagPlacement(
        'Press <g id="1">Continue</g> to advance.',
        'Drücken Sie <g id="1">„Weiter",</g> um fortzufahren.',
        tags,
      ),
    ).toEqual({
      text: 'Drücken Sie „<g id="1">Weiter</g>", um fortzufahren.',
      repaired: true,
      flags: [],
    });
    expect(settleTagPlacement('A <g id="1">new</g> drama', 'Un <g id="1">nuovo </g>dramma', tags).text).toBe(
      'Un <g id="1">nuovo</g> dramma',
    );
    // nested: the inner element hands the comma to the outer one, which hands it on
    expect(
      settleTagPlacement('<g id="1">a <g id="2">b</g></g> c', '<g id="1">a <g id="2">b,</g></g> c', {
        1: strong,
        2: strong,
      }).text,
    ).toBe('<g id="1">a <g id="2">b</g></g>, c');
  });

  test('an entity at an edge is one character: punctuation entities move whole, no entity is cut', () => {
    const tags = { 1: strong };
    // & taken in at the start and at the end goes back out whole (it used to leave `&<g id="1">amp</g>;`)
    expect(settleTagPlacement('AT&amp;T <g id="1">news</g>', 'AT<g id="1">&amp;T notizie</g>', tags)).toEqual({
      text: 'AT&amp;<g id="1">T notizie</g>',
      repaired: true,
      flags: [],
    });
    expect(settleTagPlacement('<g id="1">AT</g>&amp;T', '<g id="1">AT&amp;</g>T', tags)).toEqual({
      text: '<g id="1">AT</g>&amp;T',
      repaired: true,
      flags: [],
    });
    // quotes as entities, with a comma after them
    expect(
      settleTagPlacement('Press <g id="1">Continue</g> now', 'Premi <g id="1">&quot;Continua&quot;,</g> ora', tags)
        .text,
    ).toBe('Premi &quot;<g id="1">Continua</g>&quot;, ora');
    // &lt; and &gt; stand for symbols, not punctuation: they stay, and their `;` is not taken for one
    const kept = 'Il <g id="1">&lt;3 cuore&gt;</g> batte';
    expect(settleTagPlacement('The <g id="1">heart</g> beats', kept, tags)).toEqual({
      text: kept,
      repaired: false,
      flags: [],
    });
    // an element holding only a quote entity is emptied, flagged rather than repaired
    expect(settleTagPlacement('A <g id="1">new</g> drama', 'Un dramma<g id="1">&quot;</g>', tags)).toEqual({
      text: 'Un dramma<g id="1">&quot;</g>',
      repaired: false,
      flags: ['tags.empty:1'],
    });
  });

  test('edge punctuation the source element had is kept', () => {
    const source = 'He said <g id="1">"Love",</g> then left.';
    const target = 'Ha detto <g id="1">"Amore",</g> poi è uscito.';
    expect(settleTagPlacement(source, target, { 1: strong })).toEqual({ text: target, repaired: false, flags: [] });
  });

  test('what no repair fixes is flagged: an emptied element, a link in a link, underscore emphasis inside a word', () => {
    expect(
      settleTagPlacement('A <g id="1">new</g> drama.', 'Un dramma nuovo<g id="1">,</g>', { 1: strong }).flags,
    ).toEqual(['tags.empty:1']);
    expect(
      settleTagPlacement('<g id="1">a</g> <g id="2">b</g>', '<g id="1">a <g id="2">b</g></g>', {
        1: link('u1'),
        2: link('u2'),
      }).flags,
    ).toEqual(['tags.link-in-link:2']);
    expect(
      settleTagPlacement('A <g id="1">new</g> drama.', 'Un dram<g id="1">ma</g> nuovo.', { 1: under }).flags,
    ).toEqual(['tags.intraword:1']);
    // the source's own empty link is as the author wrote it
    expect(settleTagPlacement('See <g id="1"></g> here', 'Vedi <g id="1"></g> qui', { 1: link('u') }).flags).toEqual(
      [],
    );
  });

  test('lost, doubled or unbalanced tags are a mismatch, left as they came', () => {
    const tags = { 1: strong };
    expect(settleTagPlacement('A <g id="1">b</g>', 'A b', tags)).toEqual({
      text: 'A b',
      repaired: false,
      flags: ['tags.mismatch'],
    });
    expect(settleTagPlacement('A <g id="1">b</g>', 'A <g id="1">b', tags).flags).toEqual(['tags.mismatch']);
  });
});
