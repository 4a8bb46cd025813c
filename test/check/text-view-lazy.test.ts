/**
 * The plain view of segment XML finds offsets only when one is asked for
 * (check/text-view.ts). Compared here with the view built all at once (the reference below, as the module
 * built it before), on generated XML: tags paired, nested, unclosed or stray, entities (astral ones too),
 * text around them; every offset of the plain text, asked before and after the text is read.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { STANDALONE_PLACEHOLDER, textView } from '../../src/check/text-view.js';
import { tokenizeSegmentXml } from '../../src/segments/xml.js';
import { propertySettings } from '../properties/settings.js';

/** the view with its tables built at once: text, tags, well-formedness and every offset */
function eagerView(xml: string): {
  text: string;
  tags: unknown[];
  wellFormed: boolean;
  starts: number[];
  ends: number[];
} {
  // text with no tag and no entity is its own view (as before: offsets are their own)
  if (!xml.includes('<') && !xml.includes('&')) {
    const own = Array.from({ length: xml.length + 1 }, (_, i) => i);
    return { text: xml, tags: [], wellFormed: true, starts: own, ends: own.map((i) => i + 1) };
  }
  const starts: number[] = [];
  const ends: number[] = [];
  const tags: unknown[] = [];
  let text = '';
  let openDepth = 0;
  let wellFormed = true;
  const appendToken = (chars: string, from: number, to: number): void => {
    text += chars;
    for (let i = 0; i < chars.length; i++) {
      starts.push(from);
      ends.push(to);
    }
  };
  for (const token of tokenizeSegmentXml(xml)) {
    if (token.type === 'text') {
      text += xml.slice(token.start, token.end);
      for (let i = token.start; i < token.end; i++) {
        starts.push(i);
        ends.push(i + 1);
      }
    } else if (token.type === 'entity') appendToken(token.text, token.start, token.end);
    else if (token.type === 'open') {
      tags.push({ type: 'g', id: token.id, xmlOffset: token.start });
      openDepth++;
    } else if (token.type === 'close') {
      if (openDepth === 0) wellFormed = false;
      else openDepth--;
    } else {
      tags.push({ type: token.name, id: token.id, xmlOffset: token.start });
      if (token.name === 'g') wellFormed = false;
      appendToken(STANDALONE_PLACEHOLDER, token.start, token.end);
    }
  }
  starts.push(xml.length);
  ends.push(xml.length);
  if (openDepth !== 0) wellFormed = false;
  return { text, tags, wellFormed, starts, ends };
}

/** the offset tables the view once built (Int32Arrays of the XML's length + 1), read at any index */
function tableReads(xml: string): (index: number) => [number | undefined, number | undefined] {
  const starts = new Int32Array(xml.length + 1);
  const ends = new Int32Array(xml.length + 1);
  let n = 0;
  const appendToken = (length: number, from: number, to: number): void => {
    for (let i = 0; i < length; i++) {
      starts[n] = from;
      ends[n++] = to;
    }
  };
  for (const token of tokenizeSegmentXml(xml)) {
    if (token.type === 'text') {
      for (let i = token.start; i < token.end; i++) {
        starts[n] = i;
        ends[n++] = i + 1;
      }
    } else if (token.type === 'entity') appendToken(token.text.length, token.start, token.end);
    else if (token.type === 'empty') appendToken(STANDALONE_PLACEHOLDER.length, token.start, token.end);
  }
  starts[n] = xml.length;
  ends[n] = xml.length;
  return (index) => [starts[index], ends[index]];
}

const PIECES = [
  'Queen',
  ' of ',
  'Tears',
  '24.85%',
  '<g id="1">',
  '<g id="2">',
  '</g>',
  '<x id="3"/>',
  '<g id="4"/>',
  '&amp;',
  '&lt;',
  '&#128512;',
  '&#x1F600;',
  '&quot;',
  'é',
  '😀',
  '<',
  '&',
  '>',
  ' ',
  '“',
  '\n',
];
const xml = fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((pieces) => pieces.join(''));

describe('textView with offset tables built on demand', () => {
  test('gives the text, tags and every offset of the view built at once', () => {
    fc.assert(
      fc.property(xml, fc.boolean(), (segmentXml, offsetsFirst) => {
        const expected = eagerView(segmentXml);
        const view = textView(segmentXml);
        const offsets = (): Array<[number, number]> =>
          Array.from({ length: expected.text.length + 1 }, (_, i) => [view.xmlOffset(i), view.xmlEnd(i)]);
        const early = offsetsFirst ? offsets() : null;
        expect(view.text).toBe(expected.text);
        expect(view.tags).toEqual(expected.tags);
        expect(view.wellFormed).toBe(expected.wellFormed);
        const all = early ?? offsets();
        expect(all).toEqual(expected.starts.map((start, i) => [start, expected.ends[i]]));
      }),
      propertySettings(3000),
    );
  });

  test('offsets found from the tokens: what the offset tables gave at every index, in range and out (property)', () => {
    fc.assert(
      fc.property(xml, (segmentXml) => {
        if (!segmentXml.includes('<') && !segmentXml.includes('&')) return; // its own view: no tables
        const view = textView(segmentXml);
        const table = tableReads(segmentXml);
        for (let index = -2; index <= segmentXml.length + 2; index++)
          expect([view.xmlOffset(index), view.xmlEnd(index)]).toEqual(table(index));
        expect([view.xmlOffset(0.5), view.xmlEnd(0.5)]).toEqual(table(0.5));
      }),
      propertySettings(3000),
    );
  });

  test('a tagged segment: offsets of plain characters in the XML', () => {
    const view = textView('<g id="1">Queen</g> &amp; <x id="2"/>!');
    expect(view.text).toBe(`Queen & ${STANDALONE_PLACEHOLDER}!`);
    expect([0, 4, 5, 6, 8, 9].map((i) => [view.xmlOffset(i), view.xmlEnd(i)])).toEqual([
      [10, 11],
      [14, 15],
      [19, 20],
      [20, 25],
      [26, 37],
      [37, 38],
    ]);
  });
});
