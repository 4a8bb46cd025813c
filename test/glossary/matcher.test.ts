import { describe, expect, test } from '@jest/globals';
import { createTermMatcher } from '../../src/glossary/matcher.js';
import { entry, seedTermbase, termbase } from './factory.js';

const tb = seedTermbase();
const hits = (text: string, lang: 'en' | 'ko' | 'it', options = {}): Array<[string, string]> =>
  createTermMatcher(tb, lang, options)
    .match(text)
    .map((m) => [m.entryId, m.surface]);

describe('English matching', () => {
  test('longest match wins and positions are UTF-16 offsets', () => {
    const matches = createTermMatcher(tb, 'en').match('The Queen of Tears cast and the Queen herself.');
    expect(matches.map((m) => [m.entryId, m.start, m.end, m.matchedAs])).toEqual([
      ['queen-of-tears', 4, 18, 'canonical'],
      ['queen', 32, 37, 'canonical'],
    ]);
  });

  test('hyphen, space and non-breaking hyphen variants; explicit variant; case-insensitive entry', () => {
    expect(hits('Kim Soo-hyun, Kim Soo Hyun, Kim Soo\u2011hyun, kim soo-hyun and Kim Soohyun.', 'en')).toEqual([
      ['kim-soo-hyun', 'Kim Soo-hyun'],
      ['kim-soo-hyun', 'Kim Soo Hyun'],
      ['kim-soo-hyun', 'Kim Soo\u2011hyun'],
      ['kim-soo-hyun', 'kim soo-hyun'],
      ['kim-soo-hyun', 'Kim Soohyun'],
    ]);
    const variant = createTermMatcher(tb, 'en').match('Kim Soohyun');
    expect(variant[0]?.matchedAs).toBe('variant');
  });

  test('word boundaries: Kim not in Kimchi, Han Ji not in Han Ji-min, possessive fine', () => {
    expect(hits('Kimchi with Kim. Han Ji-min met Han Ji\u2019s friend; Han Jiwon left.', 'en')).toEqual([
      ['kim', 'Kim'],
      ['han-ji', 'Han Ji'],
    ]);
  });

  test('case-sensitive entry: tvN only as written; tvN Drama over tvN', () => {
    expect(hits('TVN and tvn and tvN, on tvN Drama.', 'en')).toEqual([
      ['tvn', 'tvN'],
      ['tvn-drama', 'tvN Drama'],
    ]);
  });

  test('regular-expression metacharacters in a term are plain text', () => {
    expect(hits('C++ (lang) is not Cxx (lang) nor C+ (lang).', 'en')).toEqual([['cpp', 'C++ (lang)']]);
  });

  test('all overlaps when asked', () => {
    const all = createTermMatcher(tb, 'en', { overlaps: 'all' }).match('Queen of Tears');
    expect(all.map((m) => [m.entryId, m.start, m.end])).toEqual([
      ['queen-of-tears', 0, 14],
      ['queen', 0, 5],
    ]);
  });
});

describe('segment XML', () => {
  test('a term inside paired tags is found with offsets inside the tags', () => {
    const text = 'The <g id="1">Queen of Tears</g> star';
    const [m] = createTermMatcher(tb, 'en').match(text);
    expect(m?.entryId).toBe('queen-of-tears');
    expect(text.slice(m!.start, m!.end)).toBe('Queen of Tears');
  });

  test('a term across emphasis is found; a standalone tag breaks a term; entities are decoded', () => {
    const text = '<g id="1">Queen</g> of Tears, Kim<x id="2"/>Soo-hyun, and C++ (lang) &amp; tvN';
    const matches = createTermMatcher(tb, 'en').match(text);
    expect(matches.map((m) => [m.entryId, m.surface, text.slice(m.start, m.end)])).toEqual([
      ['queen-of-tears', 'Queen of Tears', 'Queen</g> of Tears'],
      ['kim', 'Kim', 'Kim'],
      ['cpp', 'C++ (lang)', 'C++ (lang)'],
      ['tvn', 'tvN', 'tvN'],
    ]);
    expect(
      createTermMatcher(tb, 'en')
        .match('Ben &amp; Jerry &lt;Kim&gt;')
        .map((m) => m.surface),
    ).toEqual(['Kim']);
  });

  test('markup plain leaves tags as text', () => {
    expect(
      createTermMatcher(tb, 'en', { markup: 'plain' })
        .match('<g id="1">Kim</g>')
        .map((m) => [m.start, m.end]),
    ).toEqual([[10, 13]]);
  });
});

describe('Korean matching', () => {
  test('particles and suffixes attached to names are found', () => {
    const text = '김수현은 김수현이 김수현의 김수현과 김수현에게 김수현씨는 김수현에게는 김수현이라고 김수현입니다';
    const matches = createTermMatcher(tb, 'ko').match(text);
    expect(matches.map((m) => [m.entryId, m.surface, m.suffix])).toEqual([
      ['kim-soo-hyun', '김수현은', '은'],
      ['kim-soo-hyun', '김수현이', '이'],
      ['kim-soo-hyun', '김수현의', '의'],
      ['kim-soo-hyun', '김수현과', '과'],
      ['kim-soo-hyun', '김수현에게', '에게'],
      ['kim-soo-hyun', '김수현씨는', '씨는'],
      ['kim-soo-hyun', '김수현에게는', '에게는'],
      ['kim-soo-hyun', '김수현이라고', '이라고'],
      ['kim-soo-hyun', '김수현입니다', '입니다'],
    ]);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe('김수현');
  });

  test('not inside other words', () => {
    expect(hits('한지공예 전시와 김수현대학교, 그리고 이김수현.', 'ko')).toEqual([]);
  });

  test('news-style endings: contracted particles, comparison, style and family suffixes, copula forms', () => {
    const text =
      '김수현표 멜로, 김수현답게, 김수현만큼, 김수현이라도, 김수현이라면, 김수현인데, 김수현이었으나, 김지원이죠, 김지원이네요, 홍해인네, tvN에선, 김수현에겐';
    expect(
      createTermMatcher(tb, 'ko')
        .match(text)
        .map((m) => [m.entryId, m.suffix]),
    ).toEqual([
      ['kim-soo-hyun', '표'],
      ['kim-soo-hyun', '답게'],
      ['kim-soo-hyun', '만큼'],
      ['kim-soo-hyun', '이라도'],
      ['kim-soo-hyun', '이라면'],
      ['kim-soo-hyun', '인데'],
      ['kim-soo-hyun', '이었으나'],
      ['kim-ji-won', '이죠'],
      ['kim-ji-won', '이네요'],
      ['tvn', '에선'],
      ['kim-soo-hyun', '에겐'],
    ]);
    // 홍해인 is not in this termbase; the longer names stay apart: 한지민 (민), 김수현상 (상), 김지원장 (장)
    expect(hits('한지민과 김수현상 수상자 김지원장', 'ko')).toEqual([]);
  });

  test('quotes, brackets and middle dots around Korean terms', () => {
    expect(hits('김수현·김지원 주연의 &lt;눈물의 여왕&gt;이 《눈물의 여왕》의 김수현(36)은', 'ko')).toEqual([
      ['kim-soo-hyun', '김수현'],
      ['kim-ji-won', '김지원'],
      ['queen-of-tears', '눈물의 여왕'],
      ['queen-of-tears', '눈물의 여왕'],
      ['kim-soo-hyun', '김수현'],
    ]);
  });

  test('quoted titles with a particle after the quote; Latin terms take particles', () => {
    expect(hits('‘눈물의 여왕’이 1위. tvN에서 방송된 눈물의 여왕은 재벌 3세 이야기. tvN드라마', 'ko')).toEqual([
      ['queen-of-tears', '눈물의 여왕'],
      ['tvn', 'tvN에서'],
      ['queen-of-tears', '눈물의 여왕은'],
      ['chaebol', '재벌'],
    ]);
  });
});

describe('Italian target-side matching', () => {
  const it = (text: string): Array<[string, string, string]> =>
    createTermMatcher(tb, 'it', { targetSide: true, separators: 'strict', overlaps: 'longest' })
      .match(text)
      .map((m) => [m.entryId, m.surface, `${m.matchedAs}${m.derived ? `/${m.derived}` : ''}`]);

  test('canonical at sentence start and mid-sentence, variant, articulated prepositions, de + title', () => {
    expect(
      it(
        'La regina delle lacrime è tornata. Ho visto la regina delle lacrime. Il finale della regina delle lacrime, nella regina delle lacrime, de La regina delle lacrime.',
      ),
    ).toEqual([
      ['queen-of-tears', 'La regina delle lacrime', 'canonical'],
      ['queen-of-tears', 'la regina delle lacrime', 'canonical'],
      ['queen-of-tears', 'della regina delle lacrime', 'canonical/articulated'],
      ['queen-of-tears', 'nella regina delle lacrime', 'canonical/articulated'],
      ['queen-of-tears', 'de La regina delle lacrime', 'canonical/articulated'],
    ]);
    expect(it('Regina delle lacrime, in prima serata.')).toEqual([
      ['queen-of-tears', 'Regina delle lacrime', 'variant'],
    ]);
  });

  test('case-sensitive in Italian: English-style title case is not an accepted form', () => {
    expect(it('La Regina delle Lacrime')).toEqual([['queen', 'Regina', 'canonical']]);
  });

  test('strict separators on the target side: Kim Soo Hyun is not the canonical Kim Soo-hyun', () => {
    expect(it('Kim Soo-hyun e Kim Soo\u2011hyun, non Kim Soo Hyun.')).toEqual([
      ['kim-soo-hyun', 'Kim Soo-hyun', 'canonical'],
      ['kim-soo-hyun', 'Kim Soo\u2011hyun', 'canonical'],
      ['kim', 'Kim', 'canonical'],
    ]);
  });

  test('forbidden forms, first letter free', () => {
    const forbidden = createTermMatcher(tb, 'it', { forms: ['forbidden'], targetSide: true });
    expect(
      forbidden.match('regina di lacrime e La regina di lacrime').map((m) => [m.entryId, m.surface, m.matchedAs]),
    ).toEqual([
      ['queen-of-tears', 'regina di lacrime', 'forbidden'],
      ['queen-of-tears', 'La regina di lacrime', 'forbidden'],
    ]);
  });

  test('do-not-translate entries use their English form in Italian, exactly', () => {
    expect(it('Su TvN e tvN Drama: un chaebol.')).toEqual([
      ['tvn-drama', 'tvN Drama', 'canonical'],
      ['chaebol', 'chaebol', 'canonical'],
    ]);
  });
});

describe('scale', () => {
  test('the same automaton serves any number of texts; patterns counted', () => {
    const many = termbase(
      Array.from({ length: 2000 }, (_, i) => entry({ id: `t${i}`, forms: { en: `Term${i} Name`, it: `Termine${i}` } })),
    );
    const matcher = createTermMatcher(many, 'en');
    expect(matcher.patternCount).toBe(2000);
    expect(matcher.match('x Term1999 Name, Term19 Name; Term1 Namex').map((m) => m.entryId)).toEqual(['t1999', 't19']);
  });
});
