/**
 * The plain projection of segment XML (src/glossary/projection.ts): its text, and the offset maps built
 * only when read (a text that matches no term never needs them).
 */
import { describe, expect, test } from '@jest/globals';
import { mapSpan, projectXml, STANDALONE_MARK } from '../../src/glossary/projection.js';
import { createRandom } from '../support/random.js';

describe('projectXml', () => {
  test('text without markup is its own projection, without maps', () => {
    expect(projectXml('Kim Soo-hyun')).toEqual({ text: 'Kim Soo-hyun', starts: null, ends: null });
  });

  test('paired tags vanish, a standalone tag is one mark, entities are decoded; maps say where each came from', () => {
    const xml = 'A <g id="1">b</g><x id="2"/>&amp;c';
    const projection = projectXml(xml);
    expect(projection.text).toBe(`A b${STANDALONE_MARK}&c`);
    expect([...projection.starts!]).toEqual([0, 1, 12, 17, 28, 33, ...new Array(xml.length - 6).fill(0)]);
    expect([...projection.ends!].slice(0, 6)).toEqual([1, 2, 13, 28, 33, 34]);
    expect(mapSpan(projection, 2, 3)).toEqual({ start: 12, end: 13 });
    // read again: the same maps, built once
    expect(projection.starts).toBe(projection.starts);
  });

  test('seeded random XML: every plain character maps to the XML it came from', () => {
    const random = createRandom(5);
    const pieces = [
      'Kim',
      ' ',
      '<g id="1">',
      '</g>',
      '<x id="2"/>',
      '&amp;',
      '&#x41;',
      '&nbsp;',
      '&bogus;',
      '<',
      '>',
      'é',
      '<1>',
    ];
    for (let i = 0; i < 1000; i++) {
      let xml = '';
      for (let k = Math.floor(random() * 10); k > 0; k--) xml += pieces[Math.floor(random() * pieces.length)]!;
      const projection = projectXml(xml);
      const { text, starts, ends } = projection;
      if (starts === null || ends === null) {
        expect(text).toBe(xml);
        continue;
      }
      const mismatched: number[] = [];
      for (let at = 0; at < text.length; at++) {
        const source = xml.slice(starts[at], ends[at]);
        const ok =
          source === text[at] ||
          (text[at] === STANDALONE_MARK && source.startsWith('<') && source.endsWith('/>')) ||
          (source.startsWith('&') && source.endsWith(';'));
        if (!ok) mismatched.push(at);
      }
      expect([xml, mismatched]).toEqual([xml, []]);
      // a span mapped by walking (no maps built yet) is the span the maps give
      const walked = projectXml(xml);
      const differing: Array<[number, number]> = [];
      for (let start = 0; start < text.length; start++)
        for (let end = start + 1; end <= Math.min(text.length, start + 12); end++) {
          const span = mapSpan(walked, start, end);
          if (span.start !== starts[start] || span.end !== ends[end - 1]) differing.push([start, end]);
        }
      expect([xml, differing]).toEqual([xml, []]);
    }
  });
});
