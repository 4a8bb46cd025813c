import { describe, expect, test } from '@jest/globals';
import {
  diffSegmentWords,
  formatDiffAnsi,
  formatDiffMarkers,
  hasChanges,
  tokensToText,
} from '../../src/review/word-diff.js';

describe('word diff of segment texts', () => {
  test('changed words are marked with [-old-]{+new+}', () => {
    const parts = diffSegmentWords('Kim Soo-hyun è Baek Hyun-woo.', 'Kim Soo-hyun interpreta Baek Hyun-woo.');
    expect(formatDiffMarkers(parts)).toBe('Kim Soo-hyun [-è-]{+interpreta+} Baek Hyun-woo.');
    expect(hasChanges(parts)).toBe(true);
  });

  test('a rewritten run reads as one removal and one addition, not word by word around shared spaces', () => {
    const parts = diffSegmentWords(
      'Era crollata a causa della sua rara malattia.',
      'Shé hád cóllápséd bécáúsé óf hér ráré íllnéss.',
    );
    expect(formatDiffMarkers(parts)).toBe(
      '[-Era crollata a causa della sua rara malattia-]{+Shé hád cóllápséd bécáúsé óf hér ráré íllnéss+}.',
    );
    // a change of one word between unchanged words stays a change of one word
    expect(
      formatDiffMarkers(diffSegmentWords('per sei settimane consecutive', 'per sette settimane consecutive')),
    ).toBe('per [-sei-]{+sette+} settimane consecutive');
    // both versions can be read back from the parts, character for character
    const side = (skip: 'added' | 'removed') =>
      parts
        .filter((p) => p.change !== skip)
        .map((p) => tokensToText(p.tokens))
        .join('');
    expect([side('added'), side('removed')]).toEqual([
      'Era crollata a causa della sua rara malattia.',
      'Shé hád cóllápséd bécáúsé óf hér ráré íllnéss.',
    ]);
  });

  test('tags are whole tokens: a removed tag is removed as a unit, never split into characters', () => {
    expect(
      formatDiffMarkers(diffSegmentWords('Guarda <g id="1">su YouTube</g> oggi.', 'Guarda su YouTube oggi.')),
    ).toBe('Guarda [-<g id="1">-]su YouTube[-</g>-] oggi.');
    expect(
      formatDiffMarkers(
        diffSegmentWords('Guarda <g id="1">su YouTube</g> oggi.', 'Guarda <g id="1">su Vimeo</g> oggi.'),
      ),
    ).toBe('Guarda <g id="1">su [-YouTube-]{+Vimeo+}</g> oggi.');
    expect(
      formatDiffMarkers(
        diffSegmentWords('Guarda <g id="1">su YouTube</g> oggi.', 'Guarda oggi <g id="1">su YouTube</g>.'),
      ),
    ).toBe('Guarda {+oggi +}<g id="1">su YouTube</g>[- oggi-].');
  });

  test('entities are compared as the characters they stand for', () => {
    expect(formatDiffMarkers(diffSegmentWords('A &amp; B', 'A &amp; C'))).toBe('A & [-B-]{+C+}');
  });

  test('no previous text: everything is added', () => {
    expect(formatDiffMarkers(diffSegmentWords(null, 'Ciao mondo'))).toBe('{+Ciao mondo+}');
  });

  test('equal texts have no changes', () => {
    const parts = diffSegmentWords('Uguale <x id="1"/> testo', 'Uguale <x id="1"/> testo');
    expect(hasChanges(parts)).toBe(false);
    expect(formatDiffMarkers(parts)).toBe('Uguale <x id="1"/> testo');
  });

  test('ANSI colours wrap removed (red, struck) and added (green, underlined) runs', () => {
    expect(formatDiffAnsi(diffSegmentWords('uno due', 'uno tre'))).toBe(
      'uno \u001b[31;9mdue\u001b[0m\u001b[32;4mtre\u001b[0m',
    );
  });

  test('a private-use character in the text is not mistaken for a tag', () => {
    expect(formatDiffMarkers(diffSegmentWords('a \uE000 <x id="1"/>', 'a \uE000 b <x id="1"/>'))).toBe(
      'a \uE000 {+b +}<x id="1"/>',
    );
  });
});
