import { afterAll, describe, expect, test } from '@jest/globals';
import { catalogs, uiLanguages, type Catalog, type MessageKey } from '../../src/i18n/catalogs.js';
import { initI18n, t } from '../../src/i18n/index.js';
import { formatMessage } from '../../src/i18n/message-templates.js';

/** every message key of every namespace with the names of its placeholders */
function messages(catalog: Record<string, Catalog>): Array<{ key: MessageKey; names: string[] }> {
  const found: Array<{ key: MessageKey; names: string[] }> = [];
  const walk = (namespace: string, node: Catalog, prefix: string): void => {
    for (const [name, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        const names = [...new Set([...value.matchAll(/\{\{-?\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))];
        found.push({ key: `${namespace}:${prefix}${name}` as MessageKey, names });
      } else walk(namespace, value, `${prefix}${name}.`);
    }
  };
  for (const [namespace, node] of Object.entries(catalog)) walk(namespace, node, '');
  return found;
}

/** values i18next copies as they are, and values it does not (interpolation and nesting marks, `$` patterns) */
const valueSets: ReadonlyArray<readonly (string | number)[]> = [
  ['13.0%', '13,0%', 'Kim Ji-won'],
  ['a $& b', '$$', "$' and $`"],
  [12, 0, -3.5],
  ['', ' ', 'regina delle lacrime'],
  ['{{number}}', '}} {{', '$t(check:cli.format)'],
  ['\uE000\uE010\uE001', '\uE001', 'ünï 😀 한국'],
];

afterAll(() => {
  initI18n('en');
});

describe('formatMessage: the text t gives, from a template after the first call', () => {
  const all = messages(catalogs.en);

  test.each(uiLanguages)('every message with placeholders, in %s, with plain and awkward values, twice', (lang) => {
    initI18n(lang);
    let compared = 0;
    for (const { key, names } of all) {
      if (names.length === 0) continue;
      for (let round = 0; round < 2; round++) {
        for (const values of valueSets) {
          const params: Record<string, unknown> = {};
          names.forEach((name, index) => {
            params[name] = values[index % values.length];
          });
          expect(formatMessage(key, params)).toBe(t(key, params));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  test('parameters that are options (count), objects, or unused still give what t gives', () => {
    initI18n('en');
    const key = 'check:report.error' as MessageKey;
    expect(formatMessage(key, { count: 1 })).toBe('1 error');
    expect(formatMessage(key, { count: 2 })).toBe('2 errors');
    const lint = 'check:message.glossaryLint' as MessageKey;
    expect(formatMessage(lint, { message: 'bad', code: 'G1' })).toBe('bad (G1)');
    expect(formatMessage(lint, { message: 'worse', code: 'G2', unused: 'x' })).toBe('worse (G2)');
    expect(formatMessage(lint, { message: { toString: () => 'object' }, code: 'G3' })).toBe(
      t(lint, { message: { toString: () => 'object' }, code: 'G3' }),
    );
    expect(formatMessage(lint, { message: 'no code' })).toBe(t(lint, { message: 'no code' }));
  });

  test('after the first call, a message is made without asking i18next again', () => {
    initI18n('en');
    let calls = 0;
    const counted = ((key: MessageKey, params?: Record<string, unknown>) => {
      calls++;
      return t(key, params);
    }) as typeof t;
    const key = 'check:message.glossaryLint' as MessageKey;
    expect(formatMessage(key, { message: 'one', code: 'A' }, counted)).toBe('one (A)');
    const learning = calls;
    expect(learning).toBe(2); // the stand-in text, then the real one to compare
    expect(formatMessage(key, { message: 'two', code: 'B' }, counted)).toBe('two (B)');
    expect(formatMessage(key, { code: 'C', message: 'three' }, counted)).toBe('three (C)');
    expect(calls).toBe(learning + 2); // the other parameter order is another template
    expect(formatMessage(key, { code: 'D', message: 'four' }, counted)).toBe('four (D)');
    expect(calls).toBe(learning + 2);
  });

  test('a translation that does not copy values (it changes them) is asked every time', () => {
    let calls = 0;
    const shouting = ((key: MessageKey, params: Record<string, unknown> = {}) => {
      calls++;
      return `${key}: ${Object.values(params)
        .map((value) => String(value).toUpperCase())
        .join('|')}`;
    }) as typeof t;
    const key = 'check:message.glossaryLint' as MessageKey;
    expect(formatMessage(key, { message: 'one', code: 'a' }, shouting)).toBe(`${key}: ONE|A`);
    expect(formatMessage(key, { message: 'two', code: 'b' }, shouting)).toBe(`${key}: TWO|B`);
    expect(calls).toBe(3);
  });
});
