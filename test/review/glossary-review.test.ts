import { describe, expect, test } from '@jest/globals';
import { parseTermbaseTexts } from '../../src/glossary/load.js';
import { defaultSeverities } from '../../src/check/severities.js';
import { createGlossaryReviewer } from '../../src/review/glossary-review.js';
import { blocksApproval } from '../../src/review/term-findings.js';
import { GLOSSARY_YAML } from './fixture.js';

const termbase = parseTermbaseTexts([{ file: '/ws/glossary/terms.yaml', text: GLOSSARY_YAML }]).termbase;
const review = createGlossaryReviewer(termbase, 'en', 'it', { sourceLanguages: ['en', 'ko'] });

describe('glossary findings per segment', () => {
  test('a respected term gives its source and target positions', () => {
    expect(
      review({ source: 'Kim Soo-hyun plays <g id="1">Baek</g>.', target: 'Interpreta Baek: Kim Soo-hyun.' }),
    ).toEqual([
      {
        entryId: 'kim-soo-hyun',
        sourceSurface: 'Kim Soo-hyun',
        sourceStart: 0,
        sourceEnd: 12,
        expected: ['Kim Soo-hyun'],
        found: 'Kim Soo-hyun',
        respected: true,
        targetStart: 17,
        targetEnd: 29,
      },
    ]);
  });

  test('a forbidden form fails the check and is reported with its position', () => {
    expect(review({ source: 'Queen of Tears finale', target: 'Il finale di Regina di lacrime' })).toEqual([
      {
        entryId: 'queen-of-tears',
        sourceSurface: 'Queen of Tears',
        sourceStart: 0,
        sourceEnd: 14,
        expected: ['La regina delle lacrime', 'regina delle lacrime'],
        found: null,
        respected: false,
        severity: 'error',
        targetStart: 13,
        targetEnd: 30,
        forbidden: 'Regina di lacrime',
      },
    ]);
  });

  test('a missing term fails; an Italian articulated form ("della regina…") is accepted', () => {
    const [missing] = review({ source: 'The Queen of Tears finale', target: 'Il finale della serie' });
    expect(missing!.respected).toBe(false);
    expect(missing!.found).toBeNull();
    expect(missing!.forbidden).toBeUndefined();
    const [articulated] = review({ source: 'The end of Queen of Tears', target: 'La fine della regina delle lacrime' });
    expect(articulated!.respected).toBe(true);
    expect(articulated!.found).toBe('della regina delle lacrime');
  });

  test('as in `storyloc check`, one accepted form in the target satisfies every occurrence of the term', () => {
    const findings = review({ source: 'tvN and tvN again', target: 'tvN e ancora tvN' });
    expect(findings.map((f) => [f.sourceStart, f.respected, f.targetStart])).toEqual([
      [0, true, 0],
      [8, true, 13],
    ]);
    // the check reports one problem per entry and segment, not per occurrence: no refusal here either
    const once = review({ source: 'tvN and tvN again', target: 'tvN e ancora la rete' });
    expect(once.map((f) => [f.sourceStart, f.respected, f.targetStart])).toEqual([
      [0, true, 0],
      [8, true, 0],
    ]);
  });

  test('a term the source does not name, left untranslated in the target, fails (untranslated-term)', () => {
    expect(
      review({ source: 'Some fans even suggested it.', target: 'Queen of Tears &amp; co. lo hanno suggerito.' }),
    ).toEqual([
      {
        entryId: 'queen-of-tears',
        sourceSurface: 'Queen of Tears',
        expected: ['La regina delle lacrime', 'regina delle lacrime'],
        found: null,
        respected: false,
        severity: 'error',
        untranslated: 'Queen of Tears',
        targetStart: 0,
        targetEnd: 14,
      },
    ]);
  });

  test('a Korean form of a term left in the Italian of an English article fails, as the check says', () => {
    const [finding] = review({ source: 'Kim Soo-hyun smiled.', target: '김수현 ha sorriso.' });
    expect(finding).toEqual({
      entryId: 'kim-soo-hyun',
      sourceSurface: 'Kim Soo-hyun',
      sourceStart: 0,
      sourceEnd: 12,
      expected: ['Kim Soo-hyun'],
      found: null,
      respected: false,
      severity: 'error',
      untranslated: '김수현',
      targetStart: 0,
      targetEnd: 3,
    });
  });

  test('a Korean source term is shown without its particle', () => {
    const korean = createGlossaryReviewer(termbase, 'ko', 'it', { sourceLanguages: ['en', 'ko'] });
    expect(
      korean({ source: '김수현은 웃었다.', target: 'Kim Soo-hyun ha sorriso.' }).map((f) => [
        f.sourceSurface,
        f.sourceStart,
        f.sourceEnd,
        f.found,
        f.respected,
      ]),
    ).toEqual([['김수현', 0, 3, 'Kim Soo-hyun', true]]);
  });

  test("the workspace's severities apply: a warning is shown but does not block approval, off is not checked", () => {
    const missing = { source: 'The Queen of Tears finale', target: 'Il finale della serie' };
    const [error] = review(missing);
    expect([error!.respected, error!.severity, blocksApproval(error!)]).toEqual([false, 'error', true]);
    const warningOnly = createGlossaryReviewer(termbase, 'en', 'it', {
      severities: { ...defaultSeverities, 'glossary-term': 'warning' },
    });
    const [warning] = warningOnly(missing);
    expect([warning!.respected, warning!.severity, blocksApproval(warning!)]).toEqual([false, 'warning', false]);
    const off = createGlossaryReviewer(termbase, 'en', 'it', {
      severities: { ...defaultSeverities, 'glossary-term': 'off' },
    });
    const [unchecked] = off(missing);
    expect([unchecked!.respected, unchecked!.severity, blocksApproval(unchecked!)]).toEqual([true, undefined, false]);
  });

  test('a do-not-translate term with other capitals fails (do-not-translate)', () => {
    const [finding] = review({ source: 'The finale aired on tvN.', target: 'Il finale è andato in onda su TVN.' });
    expect([
      finding!.entryId,
      finding!.respected,
      finding!.severity,
      finding!.found,
      finding!.forbidden,
      finding!.targetStart,
    ]).toEqual(['tvn', false, 'error', null, 'TVN', 30]);
  });

  test('an untranslated segment lists the terms as not respected; no terms, no findings', () => {
    expect(review({ source: 'on tvN', target: null }).map((f) => [f.entryId, f.respected, f.found])).toEqual([
      ['tvn', false, null],
    ]);
    expect(review({ source: 'Fans cheered.', target: 'I fan hanno esultato.' })).toEqual([]);
  });

  test('offsets count a standalone tag as one character, as the page highlights them', () => {
    const [finding] = review({ source: '<x id="1"/> on tvN', target: '<x id="1"/> su tvN' });
    expect([finding!.sourceStart, finding!.targetStart]).toEqual([5, 5]);
  });
});
