import { describe, expect, test } from '@jest/globals';
import { backoffDelay } from '../../src/queue/backoff.js';
import { billedCharacterCount, formEncodedLength, textFieldBytes } from '../../src/queue/measure.js';
import { clientTokenBucket, TokenBucket } from '../../src/queue/rate-limit.js';
import { createRandom } from '../support/random.js';

describe('billedCharacterCount', () => {
  test('counts code points, not UTF-16 units', () => {
    expect(billedCharacterCount('abc')).toBe(3);
    expect(billedCharacterCount('김수현')).toBe(3);
    expect(billedCharacterCount('a😀b')).toBe(3);
  });

  test('tags are not billed and an entity is one character', () => {
    expect(billedCharacterCount('Hello <g id="1">world</g><x id="2"/>!')).toBe(12);
    expect(billedCharacterCount('Tom &amp; Jerry &lt;3')).toBe(14);
    expect(billedCharacterCount('&#8203;&#x41;')).toBe(2);
  });

  test('placeholders are text and are billed', () => {
    expect(billedCharacterCount('⟪T1⟫ ok')).toBe(7);
  });

  test('lone surrogates count one each, with or without markup (as iterating the string counts)', () => {
    expect(billedCharacterCount('a\ud83db')).toBe(3);
    expect(billedCharacterCount('\ude00\ud83d')).toBe(2);
    expect(billedCharacterCount('\ud83d\ude00\ud83d')).toBe(2);
    expect(billedCharacterCount('<x id="1"/>\ud83d\ude00&amp;\ude00')).toBe(3);
  });

  test('seeded random texts: the count of code points of the text with tags dropped and entities as one', () => {
    const random = createRandom(11);
    const pieces = [
      'a',
      'é',
      '김',
      '😀',
      '\ud83d',
      '\ude00',
      '<g id="1">',
      '</g>',
      '<x id="2"/>',
      '&amp;',
      '&#x41;',
      '&',
      '<',
      ' ',
    ];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = Math.floor(random() * 10); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)]!;
      const plain = text.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, '_');
      expect([text, billedCharacterCount(text)]).toEqual([text, [...plain].length]);
    }
  });
});

describe('formEncodedLength', () => {
  test('is exact for unreserved characters and 3 bytes per UTF-8 byte otherwise', () => {
    expect(formEncodedLength('abc-_.*')).toBe(7);
    expect(formEncodedLength('~')).toBe(3);
    expect(formEncodedLength('a b')).toBe(5);
    expect(formEncodedLength('é')).toBe(6);
    expect(formEncodedLength('김')).toBe(9);
    expect(formEncodedLength('😀')).toBe(12);
  });

  test('is never less than what URLSearchParams sends', () => {
    const samples = [
      "It's (really) fine!",
      'Kim Soo-hyun & 김지원 <g id="1">“Queen”</g>',
      'a+b=c;d/e?f#g~h*i',
      '\n\t 😀 ~',
    ];
    for (const text of samples) {
      const sent = new URLSearchParams({ text }).toString().length - 'text='.length;
      expect(formEncodedLength(text)).toBeGreaterThanOrEqual(sent);
    }
    expect(textFieldBytes('ab')).toBe(8);
  });
});

describe('backoffDelay', () => {
  const settings = { backoffBaseMs: 100, backoffMaxMs: 1000 };
  test('doubles per level with equal jitter and stops at the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((level) => backoffDelay(level, settings, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3].map((level) => backoffDelay(level, settings, () => 0.999999))).toEqual([100, 200, 400]);
    expect(backoffDelay(2, settings, () => 0.5)).toBe(150);
  });
});

describe('TokenBucket', () => {
  test('allows a burst of its capacity, then one token per 1/rate seconds', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([0, 0, 0, 0, 0].map((now) => bucket.reserve(now))).toEqual([0, 0, 0, 100, 200]);
    // 300 ms later the debt of 2 tokens is paid and one more has accumulated.
    expect(bucket.reserve(300)).toBe(0);
    expect(bucket.reserve(300)).toBe(100);
  });

  test('does not accumulate more than its capacity while idle', () => {
    const bucket = new TokenBucket(2, 2, 0);
    expect([10_000, 10_000, 10_000].map((now) => bucket.reserve(now))).toEqual([0, 0, 500]);
  });

  test('the client bucket keeps a tenth of a second below a server with the same limit', () => {
    const bucket = clientTokenBucket(20, 0);
    const waits = Array.from({ length: 20 }, () => bucket.reserve(0));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(18);
    expect(waits.slice(18)).toEqual([50, 100]);
    const ten = clientTokenBucket(10, 0);
    expect(Array.from({ length: 10 }, () => ten.reserve(0)).filter((wait) => wait === 0)).toHaveLength(9);
    const one = clientTokenBucket(1, 0);
    expect([one.reserve(0), one.reserve(0)]).toEqual([0, 1000]);
    expect(new TokenBucket(Number.POSITIVE_INFINITY, 1, 0).reserve(0)).toBe(0);
    const unlimited = clientTokenBucket(Number.POSITIVE_INFINITY, 0);
    expect([unlimited.reserve(0), unlimited.reserve(0)]).toEqual([0, 0]);
  });
});
