import { describe, expect, test } from '@jest/globals';
import { parseEditedText, plainTextOf, toEditableText, tokenizeTaggedText } from '../../src/review/tagged-text.js';

const SOURCE = 'Kim plays <g id="1">Baek</g> in <g id="2">Queen &amp; Tears</g><x id="3"/>.';

describe('editable form of segment XML', () => {
  test('text is unescaped and tags are kept verbatim', () => {
    expect(toEditableText(SOURCE)).toBe('Kim plays <g id="1">Baek</g> in <g id="2">Queen & Tears</g><x id="3"/>.');
    expect(toEditableText('a &lt;script&gt; b')).toBe('a <script> b');
    expect(plainTextOf(SOURCE)).toBe('Kim plays Baek in Queen & Tears.');
  });

  test('tokens: text, open, close and standalone tags', () => {
    expect(tokenizeTaggedText('a<g id="1">b</g><x id="2" />&amp;', true)).toEqual([
      { type: 'text', text: 'a' },
      { type: 'open', id: '1', raw: '<g id="1">' },
      { type: 'text', text: 'b' },
      { type: 'close', raw: '</g>' },
      { type: 'standalone', id: '2', raw: '<x id="2" />' },
      { type: 'text', text: '&' },
    ]);
  });

  test('an edit with the same tags in another order is accepted and escaped back', () => {
    const edited = '<g id="2">La regina & le lacrime</g> con <g id="1">Baek</g><x id="3"/> <script>x</script>';
    expect(parseEditedText(edited, SOURCE)).toEqual({
      ok: true,
      xml: '<g id="2">La regina &amp; le lacrime</g> con <g id="1">Baek</g><x id="3"/> &lt;script&gt;x&lt;/script&gt;',
    });
  });

  test('round trip: the editable form of a segment parses back to the same XML', () => {
    expect(parseEditedText(toEditableText(SOURCE), SOURCE)).toEqual({ ok: true, xml: SOURCE });
  });

  test('a missing tag is refused, naming it', () => {
    expect(parseEditedText('Kim <g id="1">Baek</g> in Queen<x id="3"/>', SOURCE)).toEqual({
      ok: false,
      problem: 'missingTag',
      tag: '<g id="2">',
    });
    expect(parseEditedText('Kim <g id="1">Baek</g> <g id="2">Q</g>', SOURCE)).toEqual({
      ok: false,
      problem: 'missingTag',
      tag: '<x id="3"/>',
    });
  });

  test('a tag the source does not have is refused', () => {
    expect(parseEditedText('<g id="1">a</g><g id="2">b</g><x id="3"/><x id="9"/>', SOURCE)).toEqual({
      ok: false,
      problem: 'unexpectedTag',
      tag: '<x id="9"/>',
    });
  });

  test('unbalanced and duplicated tags are refused', () => {
    expect(parseEditedText('<g id="1">a <g id="2">b</g><x id="3"/>', SOURCE)).toEqual({
      ok: false,
      problem: 'unbalanced',
    });
    expect(parseEditedText('a</g><g id="1"><g id="2">b</g><x id="3"/>', SOURCE)).toEqual({
      ok: false,
      problem: 'unbalanced',
    });
    expect(parseEditedText('<g id="1">a</g><g id="1">b</g><g id="2">c</g><x id="3"/>', SOURCE)).toEqual({
      ok: false,
      problem: 'duplicateTag',
      tag: '<g id="1">',
    });
  });

  test('a segment without tags accepts any text, tags typed by hand are refused', () => {
    expect(parseEditedText('Il finale di <b>lacrime</b>', 'The finale')).toEqual({
      ok: true,
      xml: 'Il finale di &lt;b&gt;lacrime&lt;/b&gt;',
    });
    expect(parseEditedText('Il <x id="1"/> finale', 'The finale')).toEqual({
      ok: false,
      problem: 'unexpectedTag',
      tag: '<x id="1"/>',
    });
  });
});
