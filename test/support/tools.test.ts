/** The shared guard of tests that need Apertium, Chromium or xmllint: skip visibly, fail under CI=true. */
import { describe, expect, test } from '@jest/globals';
import { missingReason, skipNote, toolAvailable } from './tools.js';

describe('toolAvailable', () => {
  test('a missing tool: the reason is printed and the tests skip', () => {
    const warnings: string[] = [];
    expect(
      toolAvailable('apertium', {
        env: { PATH: '/nonexistent' },
        warn: (m) => warnings.push(m),
        requiredBy: 'x.test.ts',
      }),
    ).toBe(false);
    expect(warnings).toEqual([
      'SKIPPED in x.test.ts: tests that need apertium: apertium is not installed (apt-get install apertium apertium-eng-spa apertium-spa-ita)',
    ]);
  });

  test('a missing tool under CI=true is a failure, not a skip', () => {
    const warnings: string[] = [];
    expect(() =>
      toolAvailable('xmllint', { env: { PATH: '/nonexistent', CI: 'true' }, warn: (m) => warnings.push(m) }),
    ).toThrow('CI=true: tests need xmllint and may not skip: xmllint is not installed (apt-get install libxml2-utils)');
    expect(warnings).toEqual([]);
  });

  test('test names say why they skip', () => {
    expect(skipNote('chromium', false)).toBe(
      ' (SKIPPED: /usr/bin/chromium is not installed (apt-get install chromium))',
    );
    expect(skipNote('chromium', true)).toBe('');
    expect(missingReason('xmllint')).toBe('xmllint is not installed (apt-get install libxml2-utils)');
  });
});
