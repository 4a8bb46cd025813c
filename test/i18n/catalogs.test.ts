import { describe, expect, test } from '@jest/globals';
import { catalogs, uiLanguages, type Catalog } from '../../src/i18n/catalogs.js';
import { detectUiLanguage, tIn } from '../../src/i18n/index.js';

function keysOf(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog)
    .flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)))
    .sort();
}
function placeholders(catalog: Catalog, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string')
      result[`${prefix}${key}`] = [...value.matchAll(/\{\{(\w+)\}\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    else Object.assign(result, placeholders(value, `${prefix}${key}.`));
  }
  return result;
}

describe('message catalogs', () => {
  const namespaces = Object.keys(catalogs.en).sort();

  test('every language has the same namespaces', () => {
    for (const lang of uiLanguages) expect(Object.keys(catalogs[lang]).sort()).toEqual(namespaces);
  });

  test.each(namespaces)('namespace %s: same keys and same placeholders in en, it and ko', (namespace) => {
    const english = catalogs.en[namespace]!;
    for (const lang of ['it', 'ko'] as const) {
      const other = catalogs[lang][namespace];
      expect(other).toBeDefined();
      expect(keysOf(other!)).toEqual(keysOf(english));
      expect(placeholders(other!)).toEqual(placeholders(english));
    }
  });

  test('the UI language comes from the flag, then LANG', () => {
    expect(detectUiLanguage('ko', { LANG: 'it_IT.UTF-8' })).toBe('ko');
    expect(detectUiLanguage(undefined, { LANG: 'it_IT.UTF-8' })).toBe('it');
    expect(detectUiLanguage(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(tIn('it', 'articles:unknownLanguage', { code: 'xx' })).toBe(
      'lingua di origine sconosciuta "xx"; metti l’articolo in articles/<lingua>/ (per esempio articles/en/)',
    );
    expect(tIn('ko', 'articles:notFound')).toBe('파일이 없습니다');
  });
});
