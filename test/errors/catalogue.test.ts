/**
 * Error codes and message keys are typed from one catalogue each (src/error-codes.ts, the English i18n
 * catalogs): the `@ts-expect-error` lines below fail `tsc` (part of `npm test`) the day a misspelt code or
 * key compiles again.
 */
import { describe, expect, test } from '@jest/globals';
import { errorCode, errorCodes, ExitCode, type ErrorCode } from '../../src/error-codes.js';
import { inputError, StorylocError } from '../../src/errors.js';
import { initI18n, t, tIn, type MessageKey } from '../../src/i18n/index.js';
import { catalogs } from '../../src/i18n/catalogs.js';

describe('the error catalogue', () => {
  test('a code alone brings its message key and exit code', () => {
    const error = new StorylocError('article.binary', { file: 'a.md' }, { position: { file: 'a.md', line: 2 } });
    expect([error.code, error.messageKey, error.exitCode, error.params, error.position]).toEqual([
      'article.binary',
      'articles:binary',
      2,
      { file: 'a.md' },
      { file: 'a.md', line: 2 },
    ]);
    const input = inputError('config.notFound', 'config:notFoundIn', { name: 'storyloc.config.yaml', dir: '/x' });
    expect([input.code, input.messageKey, input.exitCode]).toEqual(['config.notFound', 'config:notFoundIn', 2]);
    expect(inputError('translate.noArticles').messageKey).toBe('translate:error.noArticles');
  });

  test('every code has a message in every UI language and a documented exit code', () => {
    initI18n('en');
    const exitCodes: number[] = Object.values(ExitCode);
    const resolve = (key: string, lang: 'en' | 'it' | 'ko'): unknown => {
      const [namespace, path] = key.split(':') as [string, string];
      let node: unknown = catalogs[lang][namespace];
      for (const part of path.split('.'))
        node =
          (node as Record<string, unknown> | undefined)?.[part] ??
          (node as Record<string, unknown> | undefined)?.[`${part}_other`];
      return node;
    };
    const problems: string[] = [];
    for (const [code, { message, exit }] of Object.entries(errorCodes)) {
      for (const lang of ['en', 'it', 'ko'] as const)
        if (typeof resolve(message, lang) !== 'string') problems.push(`${code}: ${message} (${lang})`);
      if (!exitCodes.includes(exit)) problems.push(`${code}: exit ${exit}`);
    }
    expect(problems).toEqual([]);
    expect(Object.keys(errorCodes).length).toBeGreaterThan(80);
  });

  test('a code read back from a file is recognised only when it is in the catalogue', () => {
    expect(errorCode('glossary.duplicateId')).toBe('glossary.duplicateId');
    expect(errorCode('glossary.duplicateID')).toBeUndefined();
    expect(errorCode('toString')).toBeUndefined();
  });

  test('misspelt codes and keys do not compile', () => {
    // @ts-expect-error a code that is not in the catalogue
    const misspeltCode: ErrorCode = 'article.binnary';
    // @ts-expect-error a key that is not in the English catalog
    const misspeltKey: MessageKey = 'articles:binnary';
    // @ts-expect-error t() takes catalog keys only (at run time a missing key prints as itself)
    expect(t('common:error.prefx')).toBe('error.prefx');
    const throwMisspelt = (): never => {
      // @ts-expect-error the legacy form's message key is typed too
      throw inputError('article.binary', 'articles:binnary');
    };
    expect(throwMisspelt).toThrow(StorylocError);
    expect([misspeltCode, misspeltKey]).toEqual(['article.binnary', 'articles:binnary']);
    expect(tIn('it', 'common:error.prefix')).toBe('errore');
  });
});
