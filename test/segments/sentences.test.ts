import { describe, expect, test } from '@jest/globals';
import { breaksBeforeNumber, sentenceStarts } from '../../src/segments/sentences.js';
import { createRandom } from '../support/random.js';
import type { Lang } from '../../src/languages.js';

/** Splits plain text into sentences with the rules under test. */
function split(text: string, lang: Lang): string[] {
  const starts = [0, ...sentenceStarts(text, lang), text.length];
  const sentences: string[] = [];
  for (let i = 0; i + 1 < starts.length; i++) sentences.push(text.slice(starts[i], starts[i + 1]).trim());
  return sentences;
}

describe('English sentence rules', () => {
  test.each([
    ['Mr. Kim arrived. He smiled.', ['Mr. Kim arrived.', 'He smiled.']],
    ['Dr. Park and Mrs. Lee met. Then they left.', ['Dr. Park and Mrs. Lee met.', 'Then they left.']],
    ['It ranked No. 1 in April. Fans cheered.', ['It ranked No. 1 in April.', 'Fans cheered.']],
    ['The U.S. release is in May. It streams on Netflix.', ['The U.S. release is in May.', 'It streams on Netflix.']],
    [
      'Dramas, e.g. Queen of Tears, were popular. Others not.',
      ['Dramas, e.g. Queen of Tears, were popular.', 'Others not.'],
    ],
    ['Romance, i.e. love, wins. Always.', ['Romance, i.e. love, wins.', 'Always.']],
    ['Kim vs. Park was the match. Kim won.', ['Kim vs. Park was the match.', 'Kim won.']],
    ['The rating was 20.7 percent. A record.', ['The rating was 20.7 percent.', 'A record.']],
    ['He waited... Then he spoke.', ['He waited...', 'Then he spoke.']],
    ['He waited… and then he spoke.', ['He waited… and then he spoke.']],
    ['She said: “Don’t be afraid.” Then she left.', ['She said: “Don’t be afraid.”', 'Then she left.']],
    ['(This is a note.) The story goes on.', ['(This is a note.)', 'The story goes on.']],
    ['Written by J. K. Rowling. Published later.', ['Written by J. K. Rowling.', 'Published later.']],
    ['Is it true? Yes! It is.', ['Is it true?', 'Yes!', 'It is.']],
    // AP-style dates: a month abbreviation binds the day that follows
    ['Season 2 starts Jan. 5. Tickets sold out.', ['Season 2 starts Jan. 5.', 'Tickets sold out.']],
    ['It aired Sept. 12 and Oct. 3. Fans cheered.', ['It aired Sept. 12 and Oct. 3.', 'Fans cheered.']],
  ])('%s', (text, expected) => {
    expect(split(text, 'en')).toEqual(expected);
  });
});

describe('Italian sentence rules', () => {
  test.each([
    ['Il sig. Rossi è arrivato. Poi è partito.', ['Il sig. Rossi è arrivato.', 'Poi è partito.']],
    ['La dott. Bianchi ha parlato. Tutti hanno ascoltato.', ['La dott. Bianchi ha parlato.', 'Tutti hanno ascoltato.']],
    [
      'Attori, registi ecc. erano presenti. La festa è finita.',
      ['Attori, registi ecc. erano presenti.', 'La festa è finita.'],
    ],
    ['Il punteggio è stato del 24,85%. Un record.', ['Il punteggio è stato del 24,85%.', 'Un record.']],
    ['Ha detto “Non abbiate paura.” e ha sorriso.', ['Ha detto “Non abbiate paura.” e ha sorriso.']],
    ['Ha detto: “Non abbiate paura.” Poi ha sorriso.', ['Ha detto: “Non abbiate paura.”', 'Poi ha sorriso.']],
  ])('%s', (text, expected) => {
    expect(split(text, 'it')).toEqual(expected);
  });
});

describe('Korean sentence rules', () => {
  test.each([
    ['김수현이 웃었다. 김지원도 웃었다.', ['김수현이 웃었다.', '김지원도 웃었다.']],
    ['정말 좋아요. 다음 주에 봐요.', ['정말 좋아요.', '다음 주에 봐요.']],
    ['“무서워하지 마.”라고 말했다. 모두 안심했다.', ['“무서워하지 마.”라고 말했다.', '모두 안심했다.']],
    ['방송은 2024. 4. 16. 공개됐다. 반응이 뜨거웠다.', ['방송은 2024. 4. 16. 공개됐다.', '반응이 뜨거웠다.']],
    ['시청률은 20.7%였다. 자체 최고다.', ['시청률은 20.7%였다.', '자체 최고다.']],
  ])('%s', (text, expected) => {
    expect(split(text, 'ko')).toEqual(expected);
  });
});

test('a very large paragraph is split in linear passes (no quadratic segmenter call)', () => {
  const sentence = 'The drama kept first place for six weeks. ';
  const text = sentence.repeat(20_000);
  expect(sentenceStarts(text, 'en')).toHaveLength(19_999);
});

test('the fast path agrees with Intl.Segmenter on every candidate of a generated corpus', async () => {
  const { generateCorpus } = await import('../../bench/corpus.js');
  let compared = 0;
  for (const article of generateCorpus(120)) {
    for (const block of article.text.split('\n\n')) {
      const lang = article.lang;
      const fast = sentenceStarts(block, lang);
      const asked = sentenceStarts(block, lang, { askSegmenterAlways: true });
      expect(fast).toEqual(asked);
      compared += asked.length;
    }
  }
  expect(compared).toBeGreaterThan(1000);
});

test('after a full stop, a number decides like Intl.Segmenter (UAX #29 SB8) on generated sentences', () => {
  const random = createRandom(29);
  const starts = [
    '81.15% of viewers',
    '12 people',
    '3 In',
    '2024 was',
    '1) the',
    '10, the',
    '7: Kim',
    '3월 5일',
    '12명이',
    '5 % drop',
    '9-1 win',
    '4 (four) days',
    '2. Then',
    '3! wow',
    '100 "quoted"',
    '6 É',
    '8 été',
    '1\nNext',
    '42',
  ];
  const before = ['The ratings rose', 'It was No', 'Kim said so', '시청률이 올랐다', 'Ep'];
  for (let i = 0; i < 3000; i++) {
    const first = before[Math.floor(random() * before.length)]!;
    const second = starts[Math.floor(random() * starts.length)]!;
    const text = `${first}. ${second} and more text here.`;
    for (const lang of ['en', 'ko', 'it'] as const) {
      expect({ text, lang, starts: sentenceStarts(text, lang) }).toEqual({
        text,
        lang,
        starts: sentenceStarts(text, lang, { askSegmenterAlways: true }),
      });
    }
  }
});

test('after a question or exclamation mark, a number decides like Intl.Segmenter (SB11 always breaks)', () => {
  const random = createRandom(31);
  const starts = ['35.40% of viewers', '12 people', '3 In', '2024 was', '10, the', '7: Kim', '3월 5일', '42'];
  const punctuation = ['?', '!', '?!', '!!', '?"', '!)', '?”'];
  let decided = 0;
  for (let i = 0; i < 600; i++) {
    const mark = punctuation[Math.floor(random() * punctuation.length)]!;
    const second = starts[Math.floor(random() * starts.length)]!;
    const text = `The ratings rose${mark} ${second} and more text here.`;
    for (const lang of ['en', 'ko', 'it'] as const) {
      const fast = sentenceStarts(text, lang);
      expect({ text, lang, starts: fast }).toEqual({
        text,
        lang,
        starts: sentenceStarts(text, lang, { askSegmenterAlways: true }),
      });
      decided += fast.length;
    }
  }
  expect(decided).toBe(1800);
});

test.each([
  ['Up? 35.40% of them.', '?', true],
  ['Up! 12 people came.', '!', true],
  ['Up?! 3 men.', '?!', true],
  ['Up? É bello.', '?', null],
] as const)('after "%s" (%s), breaks: %s (null: the segmenter decides)', (text, mark, expected) => {
  expect(breaksBeforeNumber(text, mark, mark.length + 3)).toBe(expected);
});

test.each([
  ['Up. 12 people came.', false],
  ['Up. 81.15% Of them.', true],
  ['Up. 3 In fact.', true],
  ['Up. 10, the rest.', false],
  ['Up. 3월 5일이다.', true],
  ['Up. 6 É bello.', null],
  ['Up. 42', null],
] as const)('after "Up.", %s breaks: %s (null: the segmenter decides)', (text, expected) => {
  expect(breaksBeforeNumber(text, '.', 4)).toBe(expected);
});
