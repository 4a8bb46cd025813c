import { describe, expect, test } from '@jest/globals';
import { escapeHtml, renderDiffHtml, renderTokensHtml } from '../../src/review/html.js';
import { tokenizeTaggedText } from '../../src/review/tagged-text.js';
import { diffSegmentWords } from '../../src/review/word-diff.js';

describe('HTML rendering of segments', () => {
  test('escapes every character that could open markup or end an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co',
    );
  });

  test('a hostile segment is shown as text', () => {
    const tokens = tokenizeTaggedText('Readers wrote &lt;script&gt;alert(1)&lt;/script&gt;', true);
    expect(renderTokensHtml(tokens)).toBe('Readers wrote &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('tags become badges carrying their XML in the title', () => {
    expect(renderTokensHtml(tokenizeTaggedText('a <g id="1">b</g><x id="2"/>', true))).toBe(
      'a <span class="tag" title="&lt;g id=&quot;1&quot;&gt;">‹1›</span>b<span class="tag" title="&lt;/g&gt;">‹/1›</span><span class="tag" title="&lt;x id=&quot;2&quot;/&gt;">‹x2›</span>',
    );
  });

  test('word diff: <del> for removed, <ins> for added', () => {
    expect(renderDiffHtml(diffSegmentWords('uno <due>', 'uno tre'))).toBe('uno <del>&lt;due&gt;</del><ins>tre</ins>');
  });

  test('highlights use offsets of the new text: removed runs do not count, a standalone tag counts one', () => {
    const parts = diffSegmentWords('vecchio <x id="1"/> su tvN', 'nuovo <x id="1"/> su tvN');
    // new plain projection: "nuovo ￼ su tvN" → tvN at 11..14
    expect(renderDiffHtml(parts, [{ start: 11, end: 14, className: 'term-ok', title: 'atteso: "tvN"' }])).toBe(
      '<del>vecchio</del><ins>nuovo</ins> <span class="tag" title="&lt;x id=&quot;1&quot;/&gt;">‹x1›</span> su <mark class="term-ok" title="atteso: &quot;tvN&quot;">tvN</mark>',
    );
  });

  test('a highlight across a tag boundary is split into marks around the tag', () => {
    const tokens = tokenizeTaggedText('in <g id="1">Queen</g> of Tears', true);
    expect(renderTokensHtml(tokens, [{ start: 3, end: 17, className: 'term-bad', title: 't' }])).toBe(
      'in <span class="tag" title="&lt;g id=&quot;1&quot;&gt;">‹1›</span><mark class="term-bad" title="t">Queen</mark><span class="tag" title="&lt;/g&gt;">‹/1›</span><mark class="term-bad" title="t"> of Tears</mark>',
    );
  });
});
