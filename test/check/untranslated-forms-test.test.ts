/**
 * The untranslated-term scan of a target is skipped when no form it could keep occurs in the text
 * (glossary-index.ts `untranslatedFormsTest`). Skipping must never change what analyseTerms finds: these
 * tests compare it with the same index without the test, on the fixture glossary and on glossaries built
 * to defeat it (duplicate ids, forms without Latin letters, many forms), over random texts made of the
 * glossary's forms in other cases, with other separators and with look-alike characters.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { createGlossaryIndex, reportableFormsTest, type GlossaryIndex } from '../../src/check/glossary-index.js';
import { analyseTerms } from '../../src/check/terms.js';
import { identityView } from '../../src/check/text-view.js';
import { parseTermbaseTexts } from '../../src/glossary/load.js';
import type { Lang } from '../../src/languages.js';
import { propertySettings } from '../properties/settings.js';
import { glossary } from './rule-helpers.js';

const index = (yaml: string): GlossaryIndex =>
  createGlossaryIndex(parseTermbaseTexts([{ file: 'g.yaml', text: `version: 1\nentries:\n${yaml}` }]).termbase);

/** the same index, every text scanned */
const withoutFormsTest = (glossary: GlossaryIndex): GlossaryIndex => ({
  ...glossary,
  untranslatedFormsTest: () => null,
});

function analyse(glossary: GlossaryIndex, target: string, sourceLang: Lang, strictSpelling: boolean) {
  const langs = { source: sourceLang, target: 'it' as Lang, untranslatedFrom: ['en', 'ko'] as Lang[], strictSpelling };
  return analyseTerms(identityView('Queen of Tears, 김수현'), identityView(target), glossary, langs);
}

const duplicateIds = index(
  [
    '  - id: x\n    type: term\n    forms: { en: Hometown Cha-Cha-Cha, it: Il villaggio }',
    '  - id: x\n    type: term\n    forms: { en: Crash Landing }\n    doNotTranslate: true\n    caseSensitive: { en: false, it: true }',
    '  - id: y\n    type: term\n    forms: { en: Moving, ko: 무빙, it: In movimento }',
  ].join('\n'),
);

describe('untranslatedFormsTest', () => {
  test('anchors: the longest run of letters and digits of each form, folded', () => {
    const forms = reportableFormsTest(['Queen of Tears', 'K-drama 2']);
    expect(forms!('la regina')).toBe(false);
    expect(forms!('the QUEEN arrives')).toBe(true);
    expect(forms!('a k-DRAMA')).toBe(true);
    // the Kelvin sign folds to k in the matchers, and lower-cases to k
    expect(forms!('\u212A-DRAMA')).toBe(true);
    expect(reportableFormsTest([])!('anything')).toBe(false);
    // a form with no Latin run of two letters, or too many forms: no test
    expect(reportableFormsTest(['김수현'])).toBeNull();
    expect(reportableFormsTest(['X-1'])).toBeNull();
    expect(reportableFormsTest(Array.from({ length: 40 }, (_, k) => `term${k}`))).toBeNull();
  });

  test('the fixture glossary: names written alike in Italian never count, titles do', () => {
    const english = glossary().untranslatedFormsTest('en', 'it', false)!;
    expect(english('Kim Soo-hyun e Kim Ji-won')).toBe(false);
    expect(english('la QUEEN OF TEARS')).toBe(true);
    // with strict spelling (target-only), the names' English spellings count too
    expect(glossary().untranslatedFormsTest('en', 'it', true)!('Kim Soo Hyun')).toBe(true);
  });

  test('a duplicate id: the form of a do-not-translate entry counts when the id names another entry', () => {
    // the id names the first entry, so "CRASH LANDING" (the second one's form, in capitals: no accepted
    // Italian form, which is case-sensitive) is read as a form of the first one, left untranslated
    expect(duplicateIds.entry('x')!.forms.it).toBe('Il villaggio');
    const left = (target: string, strict: boolean) =>
      analyse(duplicateIds, target, 'en', strict).leftUntranslated.map((match) => match.surface);
    expect(left('CRASH LANDING', false)).toEqual(['CRASH LANDING']);
    for (const target of ['CRASH LANDING', 'Crash Landing', 'Hometown Cha-Cha-Cha', 'Moving', 'Il villaggio']) {
      for (const strict of [false, true]) {
        expect(analyse(duplicateIds, target, 'en', strict)).toEqual(
          analyse(withoutFormsTest(duplicateIds), target, 'en', strict),
        );
      }
    }
  });

  test('analyseTerms finds the same with and without the test (property)', () => {
    const glossaries = [glossary(), duplicateIds];
    const pieces = [
      ...['Queen of Tears', 'queen-of-tears', 'QUEEN OF TEARS', 'Queen  of\u00a0Tears', 'La regina delle lacrime'],
      ...[
        'Kim Soo-hyun',
        'Kim Soo Hyun',
        'KIM SOOHYUN',
        '\u212Aim Ji-won',
        'Kim Jiwon',
        'Hong Hae-in',
        'Baek Hyun-woo',
      ],
      ...['tvN', 'TVN Drama', '눈물의 여왕', '김수현', '김수현은', 'Crash Landing', 'Hometown Cha-Cha-Cha', 'Moving'],
      ...['무빙', 'İ', 'ſ', ' ', '-', ', ', '.', 'e', 'la', '⟦', '⟧', 'é'],
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(0, 1),
        fc.constantFrom<Lang>('en', 'ko'),
        fc.boolean(),
        (target, which, sourceLang, strict) => {
          const gated = glossaries[which]!;
          expect(analyse(gated, target, sourceLang, strict)).toEqual(
            analyse(withoutFormsTest(gated), target, sourceLang, strict),
          );
        },
      ),
      propertySettings(3000),
    );
  });
});
