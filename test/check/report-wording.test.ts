/**
 * The reports translate a message once and reuse it (reporters/junit.ts `segmentLineOf`: the segment
 * line with each id put into the translated message): the same text as asking i18next for every line,
 * in every UI language, for plain ids and for ids i18next would read (nesting, interpolation, markup).
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { segmentLineOf } from '../../src/check/reporters/junit.js';
import { initI18n, t } from '../../src/i18n/index.js';
import { propertySettings } from '../properties/settings.js';

const ID_CHARS = [...'abcXYZ019_-.:', '{', '}', '$', '(', ')', '<', '&', ' ', '\uE000', 'é'];

describe('segment lines of the junit report', () => {
  for (const lang of ['en', 'it', 'ko'] as const) {
    test(`are the messages i18next writes, in ${lang}`, () => {
      initI18n(lang);
      const segmentLine = segmentLineOf();
      const ids = fc.array(fc.constantFrom(...ID_CHARS), { maxLength: 24 }).map((chars) => chars.join(''));
      fc.assert(
        fc.property(ids, (id) => {
          expect(segmentLine(id)).toBe(t('check:report.segment', { id }));
        }),
        propertySettings(500),
      );
      for (const id of ['title-8af9bc5195a7', 'p-3f2a.s2', '{{id}}', '$t(check:report.suggestion)', '']) {
        expect(segmentLine(id)).toBe(t('check:report.segment', { id }));
      }
      expect(segmentLine('title-8af9bc5195a7')).toBe(
        { en: 'segment: title-8af9bc5195a7', it: 'segmento: title-8af9bc5195a7', ko: '세그먼트: title-8af9bc5195a7' }[
          lang
        ],
      );
    });
  }
});
