import { describe, expect, test } from '@jest/globals';
import { initI18n } from '../../src/i18n/index.js';
import { glossaryTermRule } from '../../src/check/rules/glossary-term.js';
import { forbiddenTermRule } from '../../src/check/rules/forbidden-term.js';
import { untranslatedTermRule } from '../../src/check/rules/untranslated-term.js';
import { doNotTranslateRule } from '../../src/check/rules/do-not-translate.js';
import { numbersRule } from '../../src/check/rules/numbers.js';
import { markupParityRule } from '../../src/check/rules/markup-parity.js';
import { quotesRule } from '../../src/check/rules/quotes.js';
import { untranslatedSegmentRule } from '../../src/check/rules/untranslated-segment.js';
import { notApprovedRule } from '../../src/check/rules/not-approved.js';
import { flaggedSegmentRule } from '../../src/check/rules/flagged-segment.js';
import { glossaryLintViolations } from '../../src/check/rules/glossary-lint.js';
import { createGlossaryIndex } from '../../src/check/glossary-index.js';
import { parseTermbaseTexts } from '../../src/glossary/load.js';
import type { GlossaryProblem } from '../../src/glossary/types.js';
import { brief, context, glossary, pair } from './rule-helpers.js';

initI18n('en');

describe('glossary-term', () => {
  const check = (source: string, target: string, severities = {}) =>
    brief(glossaryTermRule.check(pair(source, target), context({ severities })));

  test('accepts the canonical form, an articulated preposition, a sentence-start capital, a lower-case article, the form without article', () => {
    expect(check('Queen of Tears aired.', 'La regina delle lacrime è andata in onda.')).toEqual([]);
    expect(
      check('The finale of Queen of Tears aired.', 'Il finale della regina delle lacrime è andato in onda.'),
    ).toEqual([]);
    expect(
      check('The finale of Queen of Tears aired.', 'Il finale de La regina delle lacrime è andato in onda.'),
    ).toEqual([]);
    expect(check('Viewers loved Queen of Tears.', 'Il pubblico ha amato la regina delle lacrime.')).toEqual([]);
    expect(check('Queen of Tears', 'regina delle lacrime')).toEqual([]);
    expect(check('Kim Soo Hyun smiled.', 'Kim Soo-hyun ha sorriso.')).toEqual([]);
  });

  test('reports a missing term once per entry, at the segment, with the canonical form as suggestion', () => {
    expect(check('Queen of Tears, the hit Queen of Tears.', 'Il successo del momento.')).toEqual([
      {
        rule: 'glossary-term',
        column: 1,
        message: '“Queen of Tears” must be translated as “La regina delle lacrime” (or an accepted variant)',
        suggestion: 'La regina delle lacrime',
      },
    ]);
    expect(check('Kim Ji-won cried.', 'L’attrice ha pianto.')).toEqual([
      {
        rule: 'glossary-term',
        column: 1,
        message: '“Kim Ji-won” is missing from the translation',
        suggestion: 'Kim Ji-won',
      },
    ]);
  });

  test('a hyphen is not a space on the target side: "Kim Soo Hyun" is not the Italian form', () => {
    expect(check('Kim Soo-hyun smiled.', 'Kim Soo Hyun ha sorriso.')).toEqual([
      {
        rule: 'glossary-term',
        column: 1,
        message: '“Kim Soo-hyun” is missing from the translation',
        suggestion: 'Kim Soo-hyun',
      },
    ]);
  });

  test('a forbidden or untranslated form is reported by its own rule, unless that rule is off', () => {
    expect(check('Queen of Tears is a hit.', 'La Regina delle Lacrime è un successo.')).toEqual([]);
    expect(check('Queen of Tears is a hit.', 'Queen of Tears è un successo.')).toEqual([]);
    expect(
      check('Queen of Tears is a hit.', 'Queen of Tears è un successo.', { 'untranslated-term': 'off' }),
    ).toHaveLength(1);
    expect(
      check('Queen of Tears is a hit.', 'La Regina delle Lacrime è un successo.', { 'forbidden-term': 'off' }),
    ).toHaveLength(1);
  });

  test('Korean sources with particles', () => {
    const ctx = context({ sourceLang: 'ko' });
    expect(
      glossaryTermRule.check(
        pair('김수현은 ‘눈물의 여왕’이 좋다.', 'A Kim Soo-hyun piace “La regina delle lacrime”.'),
        ctx,
      ),
    ).toEqual([]);
    expect(brief(glossaryTermRule.check(pair('김수현은 웃었다.', 'L’attore ha sorriso.'), ctx))).toEqual([
      {
        rule: 'glossary-term',
        column: 1,
        message: '“김수현” must be translated as “Kim Soo-hyun” (or an accepted variant)',
        suggestion: 'Kim Soo-hyun',
      },
    ]);
  });

  test('a term inside a link URL or an inline code span of the source is not a term', () => {
    expect(check('<g id="1">trailer</g> and <x id="2"/>', '<g id="1">trailer</g> e <x id="2"/>')).toEqual([]);
  });
});

describe('forbidden-term', () => {
  test('reports the forbidden form where it stands, with the canonical form', () => {
    const target = 'Ieri La Regina delle Lacrime ha chiuso.';
    expect(brief(forbiddenTermRule.check(pair('x', target), context()))).toEqual([
      {
        rule: 'forbidden-term',
        column: 9,
        endColumn: 29,
        message: '“Regina delle Lacrime” is a forbidden form: use “La regina delle lacrime”',
        suggestion: 'La regina delle lacrime',
      },
    ]);
    expect(forbiddenTermRule.check(pair('x', 'la regina delle lacrime'), context())).toEqual([]);
  });

  test('runs in target-only mode on plain text', () => {
    const ctx = context({ mode: 'target-only', sourceLang: null });
    expect(brief(forbiddenTermRule.check(pair(null, 'Visto Regina di lacrime?', { plainTarget: true }), ctx))).toEqual([
      {
        rule: 'forbidden-term',
        column: 7,
        endColumn: 24,
        message: '“Regina di lacrime” is a forbidden form: use “La regina delle lacrime”',
        suggestion: 'La regina delle lacrime',
      },
    ]);
  });
});

describe('untranslated-term', () => {
  const check = (target: string) => brief(untranslatedTermRule.check(pair('x', target), context()));

  test('the English title and Korean forms left in Italian text', () => {
    expect(check('Il drama “Queen of Tears” e <g id="1">김수현</g>.')).toEqual([
      {
        rule: 'untranslated-term',
        column: 11,
        endColumn: 25,
        message: '“Queen of Tears” is left untranslated: use “La regina delle lacrime”',
        suggestion: 'La regina delle lacrime',
      },
      {
        rule: 'untranslated-term',
        column: 39,
        endColumn: 42,
        message: '“김수현” is left untranslated: use “Kim Soo-hyun”',
        suggestion: 'Kim Soo-hyun',
      },
    ]);
  });

  test('a term inside a URL or a code span typed as text (not a tag) is not text', () => {
    expect(check('Vedi https://example.com/queen-of-tears e il tag `Queen of Tears`, poi Queen of Tears.')).toEqual([
      {
        rule: 'untranslated-term',
        column: 72,
        endColumn: 86,
        message: '“Queen of Tears” is left untranslated: use “La regina delle lacrime”',
        suggestion: 'La regina delle lacrime',
      },
    ]);
  });

  test('names written the same in both languages, do-not-translate terms and Italian forms are fine', () => {
    expect(check('Kim Soo-hyun, Good Data Corporation, tvN, un chaebol, TV-OTT e La regina delle lacrime.')).toEqual(
      [],
    );
  });
});

describe('do-not-translate', () => {
  const check = (source: string, target: string) => brief(doNotTranslateRule.check(pair(source, target), context()));

  test('kept exactly: fine; other capitals: pointed at; gone: at the segment', () => {
    expect(check('Posted by tvN, a chaebol channel.', 'Pubblicato da tvN, canale di un chaebol.')).toEqual([]);
    expect(check('Posted by tvN.', 'Pubblicato da TVN.')).toEqual([
      {
        rule: 'do-not-translate',
        column: 15,
        endColumn: 18,
        message: '“TVN” must stay exactly “tvN” (do not translate)',
        suggestion: 'tvN',
      },
    ]);
    expect(check('It led the TV-OTT ranking.', 'Ha guidato la classifica.')).toEqual([
      {
        rule: 'do-not-translate',
        column: 1,
        message: '“TV-OTT” is missing from the translation (do not translate)',
        suggestion: 'TV-OTT',
      },
    ]);
  });

  test('a Korean do-not-translate term must come out in its English form', () => {
    const ctx = context({ sourceLang: 'ko' });
    expect(brief(doNotTranslateRule.check(pair('재벌 3세', 'erede di una famiglia ricca'), ctx))).toEqual([
      {
        rule: 'do-not-translate',
        column: 1,
        message: '“재벌” must appear in the translation as “chaebol” (do not translate)',
        suggestion: 'chaebol',
      },
    ]);
  });
});

describe('numbers', () => {
  const check = (source: string, target: string, extra = {}) =>
    brief(numbersRule.check(pair(source, target, extra), context()));

  test('Italian formats accepted; English formats and missing numbers reported', () => {
    expect(
      check(
        'Up 24.85% from 1,000 on April 16th, episodes 11 and 12.',
        'Su del 24,85% da 1.000 il 16 aprile, episodi 11 e 12.',
      ),
    ).toEqual([]);
    expect(check('Up 24.85% today.', 'Su del 24.85% oggi.')).toEqual([
      {
        rule: 'numbers',
        column: 8,
        endColumn: 14,
        message: '24.85% is written the English way: in Italian write 24,85%',
        suggestion: '24,85%',
      },
    ]);
    expect(check('More than 1,000 fans.', 'Più di 1,000 fan.')).toEqual([
      {
        rule: 'numbers',
        column: 8,
        endColumn: 13,
        message: '1,000 is written the English way: in Italian write 1.000',
        suggestion: '1.000',
      },
    ]);
    expect(check('Aired on April 16th.', 'Andato in onda il 15 aprile.')).toEqual([
      {
        rule: 'numbers',
        column: 19,
        endColumn: 28,
        message: '15 aprile does not match April 16th of the source (expected 16 aprile)',
        suggestion: '16 aprile',
      },
    ]);
    expect(check('Aired on April 16th.', 'Andato in onda ieri.')).toEqual([
      {
        rule: 'numbers',
        column: 1,
        message: 'April 16th from the source is missing (expected 16 aprile)',
        suggestion: '16 aprile',
      },
    ]);
  });

  test('a pseudo translation keeps source formats and accented month names', () => {
    expect(check('Up 24.85% on April 16th.', '⟦Úp 24.85% ón Ápríl 16th.~~~~⟧', { engine: 'pseudo' })).toEqual([]);
    expect(check('Up 24.85% on April 16th.', '⟦Úp 24.85% ón Ápríl 16th.~~~~⟧')).toHaveLength(2);
    const korean = numbersRule.check(
      pair('4월 16일에 공개됐다.', '⟦4월 16일에 공개됐다.~~~⟧', { engine: 'pseudo' }),
      context({ sourceLang: 'ko' }),
    );
    expect(korean).toEqual([]);
  });
});

describe('markup-parity', () => {
  const tags = {
    '1': {
      type: 'g' as const,
      markup: 'link' as const,
      open: '[',
      close: '](https://example.com/clip)',
      url: 'https://example.com/clip',
    },
    '2': { type: 'g' as const, markup: 'strong' as const, open: '**', close: '**' },
    '3': { type: 'x' as const, markup: 'code' as const, open: '`npm test`', close: '' },
    '4': { type: 'x' as const, markup: 'image' as const, open: '![p](poster.jpg)', close: '', url: 'poster.jpg' },
  };
  const source = 'See <g id="1">the clip</g>, <g id="2">now</g>: run <x id="3"/> <x id="4"/>';
  const check = (target: string) => brief(markupParityRule.check(pair(source, target, { tags }), context()));

  test('same tags in another order: fine', () => {
    expect(check('Ora <g id="2">subito</g> <x id="4"/>: esegui <x id="3"/> e guarda <g id="1">la clip</g>')).toEqual(
      [],
    );
  });

  test('dropped, doubled, invented and broken tags', () => {
    expect(check('Guarda la clip, <g id="2">ora</g>: esegui <x id="3"/> <x id="3"/> <x id="9"/>')).toEqual([
      { rule: 'markup-parity', column: 1, message: 'link https://example.com/clip of the source is missing' },
      { rule: 'markup-parity', column: 1, message: 'inline code `npm test` appears more often than in the source' },
      { rule: 'markup-parity', column: 1, message: 'image poster.jpg of the source is missing' },
      { rule: 'markup-parity', column: 1, message: 'tag <x id="9"/> does not exist in the source' },
    ]);
    expect(check('<g id="1">clip <g id="2">ora</g> <x id="3"/> <x id="4"/>')).toEqual([
      { rule: 'markup-parity', column: 1, message: 'inline tags are not properly nested or closed' },
    ]);
  });
});

describe('quotes', () => {
  test('a block is read as one text: a quotation may span sentences', () => {
    const block = [pair('“One.', '“Uno.', { id: 'a' }), pair('Two.”', 'Due.”', { id: 'b' })];
    expect(quotesRule.check(block, context())).toEqual([]);
  });

  test('problems are placed in the segment holding the mark', () => {
    const block = [
      pair('He said “hi”.', 'Ha detto “ciao”.', { id: 'a' }),
      pair('And “bye”.', 'E ”addio”.', { id: 'b' }),
    ];
    expect(quotesRule.check(block, context()).map((v) => [v.segmentId, v.column, v.message, v.suggestion])).toEqual([
      ['b', 3, 'quotation mark ” faces the wrong way: write “', '“'],
    ]);
  });

  test('in workspace mode a block whose source has quotation problems is left alone', () => {
    expect(
      quotesRule.check([pair('“Long quote, first paragraph.', '“Lunga citazione, primo paragrafo.')], context()),
    ).toEqual([]);
    expect(
      quotesRule.check(
        [pair(null, '“Lunga citazione.', { plainTarget: true })],
        context({ mode: 'target-only', sourceLang: null }),
      ),
    ).toHaveLength(1);
  });

  test('a block with an untranslated segment is not judged', () => {
    expect(
      quotesRule.check([pair('“One.', '“Uno.', { id: 'a' }), pair('Two.”', null, { id: 'b' })], context()),
    ).toEqual([]);
  });
});

describe('untranslated-segment', () => {
  const check = (source: string, target: string | null) =>
    brief(untranslatedSegmentRule.check(pair(source, target), context()));
  test('no target, or the source itself; names and numbers may stay identical', () => {
    expect(check('The actor smiled.', null)).toEqual([
      { rule: 'untranslated-segment', column: 1, message: 'segment not translated' },
    ]);
    expect(check('The actor smiled.', 'The actor  smiled.')).toEqual([
      { rule: 'untranslated-segment', column: 1, message: 'the translation is the source text itself' },
    ]);
    expect(check('Kim Soo-hyun and Kim Ji-won', 'Kim Soo-hyun and Kim Ji-won')).toEqual([]);
    expect(check('20%', '20%')).toEqual([]);
    expect(check('L’attore ha sorriso.', 'L’attore ha sorriso!')).toEqual([]);
  });
});

describe('not-approved and flagged-segment', () => {
  test('every state but approved and untranslated', () => {
    const states = ['machine', 'edited', 'rejected', 'stale', 'approved'] as const;
    expect(
      states.map((state) =>
        notApprovedRule.check(pair('a', 'b', { state }), context()).map((v) => [v.severity, v.message]),
      ),
    ).toEqual([
      [['warning', 'machine translation not reviewed yet']],
      [['warning', 'edited translation not approved yet']],
      [['warning', 'translation rejected in review']],
      [['warning', 'the source changed since this translation (stale)']],
      [],
    ]);
    expect(notApprovedRule.check(pair('a', null, { state: 'untranslated' }), context())).toEqual([]);
  });

  test('a "publish only approved" policy makes it an error', () => {
    expect(
      notApprovedRule.check(
        pair('a', 'b', { state: 'machine' }),
        context({ severities: { 'not-approved': 'error' } }),
      )[0]!.severity,
    ).toBe('error');
  });

  test('each flag is a finding in words; an unknown flag is shown as it is', () => {
    const flags = [
      'tags.empty:1',
      'tags.link-in-link:2',
      'tags.intraword:3',
      'tags.mismatch',
      'placeholder.lost:t1:queen-of-tears',
      'placeholder.duplicated:t2:han-river',
      'placeholder.unknown:t9',
      'tagDropped',
    ];
    const fix = 'fix the markup or retranslate';
    expect(
      flaggedSegmentRule.check(pair('a', 'b', { flags }), context()).map((v) => [v.rule, v.column, v.message]),
    ).toEqual([
      ['flagged-segment', 1, `the markup (tag 1) was left with no words inside after machine translation: ${fix}`],
      ['flagged-segment', 1, `the link (tag 2) ended up inside another link after machine translation: ${fix}`],
      [
        'flagged-segment',
        1,
        'the underscore emphasis (tag 3) was moved inside a word after machine translation, ' +
          `where Markdown does not show it: ${fix}`,
      ],
      [
        'flagged-segment',
        1,
        `machine translation lost, doubled or unbalanced the markup (links, emphasis, code) of this segment: ${fix}`,
      ],
      [
        'flagged-segment',
        1,
        'the glossary term queen-of-tears was lost in machine translation: put its translation back or retranslate',
      ],
      [
        'flagged-segment',
        1,
        'the glossary term han-river appears more than once after machine translation: ' +
          'remove the extra copy or retranslate',
      ],
      [
        'flagged-segment',
        1,
        'machine translation added a placeholder (t9) that is not in the source: remove it or retranslate',
      ],
      ['flagged-segment', 1, 'flagged after machine translation: tagDropped'],
    ]);
  });

  test('no flags, no finding', () => {
    expect(flaggedSegmentRule.check(pair('a', 'b', { flags: [] }), context())).toEqual([]);
  });
});

describe('glossary-lint', () => {
  test('lint errors take the rule severity, warnings stay warnings; files relative to the workspace', () => {
    const problems: GlossaryProblem[] = [
      {
        code: 'glossary.duplicateId',
        severity: 'error' as const,
        file: '/ws/glossary/people.yaml',
        line: 12,
        column: 5,
        messageKey: 'check:message.segmentUntranslated',
        params: {},
      },
      {
        code: 'glossary.noSourceForm',
        severity: 'warning' as const,
        file: '/ws/glossary/terms.yaml',
        line: 3,
        column: 7,
        messageKey: 'check:message.segmentUntranslated',
        params: {},
      },
    ];
    expect(glossaryLintViolations(problems, 'error', '/ws', '/ws')).toEqual([
      {
        rule: 'glossary-lint',
        severity: 'error',
        file: 'glossary/people.yaml',
        line: 12,
        column: 5,
        segmentId: null,
        message: 'segment not translated (glossary.duplicateId)',
      },
      {
        rule: 'glossary-lint',
        severity: 'warning',
        file: 'glossary/terms.yaml',
        line: 3,
        column: 7,
        segmentId: null,
        message: 'segment not translated (glossary.noSourceForm)',
      },
    ]);
    expect(glossaryLintViolations(problems, 'off', '/ws', '/ws')).toEqual([]);
  });
});

describe('glossary index', () => {
  const index = (yaml: string) => createGlossaryIndex(parseTermbaseTexts([{ file: 'g.yaml', text: yaml }]).termbase);

  test('a target without Hangul skips the Korean scan only when every reportable Korean form has Hangul', () => {
    expect(glossary().untranslatedGate('ko', 'it')).not.toBeNull();
    expect(glossary().untranslatedGate('en', 'it')).toBeNull();
    const latinKorean = index(
      'version: 1\nentries:\n  - id: k\n    type: term\n    forms: { en: K-drama, ko: K-dorama, it: drama coreano }\n',
    );
    expect(latinKorean.size).toBe(1);
    expect(latinKorean.untranslatedGate('ko', 'it')).toBeNull();
    const sameInItalian = index(
      'version: 1\nentries:\n  - id: t\n    type: organization\n    forms: { en: tvN, ko: tvN, it: tvN }\n  - id: q\n    type: title\n    forms: { en: Queen, ko: 여왕, it: Regina }\n',
    );
    expect(sameInItalian.size).toBe(2);
    expect(sameInItalian.untranslatedGate('ko', 'it')).not.toBeNull();
  });

  test('accepted forms are compared with case and hyphens folded', () => {
    const entry = glossary().entry('kim-soo-hyun')!;
    expect(glossary().isAcceptedIn(entry, 'Kim Soo Hyun', 'it')).toBe(true);
    expect(glossary().isAcceptedIn(entry, 'Kim Soohyun', 'it')).toBe(false);
  });
});
