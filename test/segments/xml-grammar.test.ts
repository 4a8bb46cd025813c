import { describe, expect, test } from '@jest/globals';
import {
  inventoryTags,
  readEntity,
  readInlineTag,
  sameTags,
  TagMismatchError,
  tokenizeSegmentXml,
  unescapeXml,
  walkSegmentXml,
} from '../../src/segments/xml.js';
import type { Segment } from '../../src/segments/types.js';
import { textView } from '../../src/check/text-view.js';
import { tokenizeTaggedText } from '../../src/review/tagged-text.js';
import { segmentXmlToTmx } from '../../src/interchange/inline.js';

/** Tokens as `type:what-was-written` strings: short exact expectations. */
const show = (xml: string, entities = true): string[] =>
  tokenizeSegmentXml(xml, { entities }).map((token) => {
    const raw = xml.slice(token.start, token.end);
    switch (token.type) {
      case 'text':
        return `text:${raw}`;
      case 'entity':
        return `entity:${raw}=${token.text}`;
      case 'open':
        return `open:${token.id}`;
      case 'close':
        return `close:${token.name}`;
      default:
        return `empty:${token.name}:${token.id}:${raw}`;
    }
  });

describe('the segment XML tokenizer', () => {
  test('text, open, close, empty and entity tokens with their offsets', () => {
    expect(show('Hi <g id="1">you &amp; me</g><x id="2"/>!')).toEqual([
      'text:Hi ',
      'open:1',
      'text:you ',
      'entity:&amp;=&',
      'text: me',
      'close:g',
      'empty:x:2:<x id="2"/>',
      'text:!',
    ]);
  });

  test('the spellings MT engines return are tags too', () => {
    expect(show('<x id="1" />a<x id = "2"></x>b<g\nid="3">c</g>')).toEqual([
      'empty:x:1:<x id="1" />',
      'text:a',
      'empty:x:2:<x id = "2"></x>',
      'text:b',
      'open:3',
      'text:c',
      'close:g',
    ]);
    expect(show('<g id="1"/>')).toEqual(['empty:g:1:<g id="1"/>']);
  });

  test('what is no tag stays text: other elements, a broken attribute, a lone <', () => {
    expect(show('a < b <gallery> <g idx="1"> <g id=1> <b>')).toEqual(['text:a < b <gallery> <g idx="1"> <g id=1> <b>']);
  });

  test('entities: five names and character references of a Unicode scalar value; the rest is text', () => {
    expect(show('&quot;&#65;&#x0000041;&#xD800;&#x110000;&nbsp;&#;&amp')).toEqual([
      'entity:&quot;="',
      'entity:&#65;=A',
      'entity:&#x0000041;=A',
      'text:&#xD800;&#x110000;&nbsp;&#;&amp',
    ]);
    expect(show('a &amp; b', false)).toEqual(['text:a &amp; b']);
    expect(unescapeXml('&#x1F600; &#xd800; &lt;')).toBe('😀 &#xd800; <');
    expect(readEntity('x&gt;', 1)).toEqual({ text: '>', end: 5 });
    expect(readInlineTag('<x id="7"/>', 0)).toEqual({ kind: 'empty', name: 'x', id: '7', end: 11 });
  });

  test('tag inventory: a self-closing <g> and a stray closing tag are not well formed', () => {
    expect(inventoryTags('<g id="1">a</g><x id="2"/>')).toEqual({ tags: ['g:1', 'x:2'], wellFormed: true });
    expect(inventoryTags('<g id="1"/>')).toEqual({ tags: ['g:1'], wellFormed: false });
    expect(inventoryTags('a</g>')).toEqual({ tags: [], wellFormed: false });
    expect(sameTags('<x id="1"/> a', 'a <x id="1" />')).toBe(true);
  });
});

const segment: Segment = {
  id: 's1',
  tags: {
    '1': { type: 'g', markup: 'emphasis', open: '*', close: '*' },
    '2': { type: 'x', markup: 'code', open: '`c`', close: '' },
  },
} as unknown as Segment;

describe('walking a segment with its tag table', () => {
  const walk = (xml: string): string => {
    let out = '';
    walkSegmentXml(segment, xml, {
      text: (start, end) => (out += `[${xml.slice(start, end)}]`),
      tag: (tag, part, id) => (out += `${part}:${id}:${part === 'open' ? tag.open : tag.close}`),
    });
    return out;
  };

  test('text runs and resolved tag parts in order', () => {
    expect(walk('a <g id="1">b &amp;</g> <x id="2"></x>')).toBe('[a ]open:1:*[b &amp;]close::*[ ]open:2:`c`');
  });

  test.each([
    ['<g id="9">a</g>', 'unknown tag <g id="9">'],
    ['<x id="1"/>', 'unknown tag <x id="1">'],
    ['a</g>', 'unexpected </g>'],
    ['<g id="1">a</x>', 'unexpected </x>'],
    ['<g id="1"/>', 'self-closing <g id="1"/>'],
    ['<g id="1">a', 'unclosed <g>'],
  ])('%s is refused: %s', (xml, detail) => {
    expect(() => walk(xml)).toThrow(new TagMismatchError('s1', detail));
  });
});

describe('every reader shares the grammar', () => {
  const xml = 'A <x id="1" /> &#x41; <g id="2">b</g>';

  test('the check view, the review tokens and TMX read the same tags and entities', () => {
    const view = textView(xml);
    expect(view.text).toBe('A \uFFFC A b');
    expect(view.tags.map((tag) => `${tag.type}:${tag.id}@${tag.xmlOffset}`)).toEqual(['x:1@2', 'g:2@22']);
    expect(tokenizeTaggedText(xml, true)).toEqual([
      { type: 'text', text: 'A ' },
      { type: 'standalone', id: '1', raw: '<x id="1" />' },
      { type: 'text', text: ' A ' },
      { type: 'open', id: '2', raw: '<g id="2">' },
      { type: 'text', text: 'b' },
      { type: 'close', raw: '</g>' },
    ]);
    expect(segmentXmlToTmx(xml)).toBe(
      'A <ph x="1">&lt;x id="1"/&gt;</ph> A <bpt i="1" x="2">&lt;g id="2"&gt;</bpt>b<ept i="1">&lt;/g&gt;</ept>',
    );
  });
});
