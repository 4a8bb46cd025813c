/**
 * The code-shape house rules of issue 14, enforced: no function in src/ longer than 80 lines and no line longer
 * than 120 characters (outside the i18n message catalogs and the generated NFC table, which are data). The
 * measurement is scripts/code-shape.mjs, the same one `node scripts/long-functions.mjs` lists.
 * There is no exception list: every function and line complies, and a new offender fails the test by name.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { longFunctions, longLines } from '../../scripts/code-shape.mjs';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const MAX_FUNCTION_LINES = 80;
const MAX_LINE_LENGTH = 120;
const DATA_FILES = [/^i18n\/locales\//, /^segments\/nfc-table\.ts$/];

const relative = (file: string): string => path.relative(src, file).split(path.sep).join('/');

describe('code shape (issue 14)', () => {
  test(`no function in src/ is longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const tooLong = longFunctions(src, MAX_FUNCTION_LINES).map(
      (found) => `${relative(found.file)}#${found.name}: ${found.lines} lines`,
    );
    expect(tooLong).toEqual([]);
  });

  test(`no line in src/ is longer than ${MAX_LINE_LENGTH} characters outside message catalogs and the NFC table`, () => {
    const tooLong = longLines(src, MAX_LINE_LENGTH, DATA_FILES).map(
      (found) => `${relative(found.file)}:${found.line}: ${found.length} characters`,
    );
    expect(tooLong).toEqual([]);
  });

  test('the measurement finds what it is meant to find', () => {
    const lines = longLines(src, MAX_LINE_LENGTH, []);
    expect(lines.some((found) => relative(found.file) === 'segments/nfc-table.ts')).toBe(true);
    expect(longFunctions(src, 0).length).toBeGreaterThan(100);
  });
});
