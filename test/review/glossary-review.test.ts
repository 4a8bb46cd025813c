import { describe, expect, test } from '@jest/globals';
import { parseTermbaseTexts } from '../../src/glossary/load.js';
import { createGlossaryReviewer } from '../../src/review/glossary-review.js';
import { GLOSSARY_YAML } from './fixture.js';

const termbase = parseTermbaseTexts([{ file: '/ws/glossary/terms.yaml', text: GLOSSARY_YAML }]).termbase;
const review = createGlossaryReviewer(termbase, 'en', 'it');

describe('glossary findings per segment', () => {
  test('a respected term gives its source and target positions', () => {
    expect(review({ source: 'Kim Soo-hyun plays <g id="1">Baek</g>.', target: 'Interpreta Baek: Kim Soo-hyun.' })).toEqual([
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

  test('each occurrence in the source needs its own occurrence in the target', () => {
    const findings = review({ source: 'tvN and tvN again', target: 'tvN e ancora tvN' });
    expect(findings.map((f) => [f.sourceStart, f.respected, f.targetStart])).toEqual([
      [0, true, 0],
      [8, true, 13],
    ]);
    const once = review({ source: 'tvN and tvN again', target: 'tvN e ancora la rete' });
    expect(once.map((f) => f.respected)).toEqual([true, false]);
  });

  test('an untranslated segment lists the terms as not respected; no terms, no findings', () => {
    expect(review({ source: 'on tvN', target: null }).map((f) => [f.entryId, f.respected, f.found])).toEqual([['tvn', false, null]]);
    expect(review({ source: 'Fans cheered.', target: 'I fan hanno esultato.' })).toEqual([]);
  });

  test('offsets count a standalone tag as one character, as the page highlights them', () => {
    const [finding] = review({ source: '<x id="1"/> on tvN', target: '<x id="1"/> su tvN' });
    expect([finding!.sourceStart, finding!.targetStart]).toEqual([5, 5]);
  });
});
