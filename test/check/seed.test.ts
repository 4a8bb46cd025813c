/**
 * The seed story (test/fixtures/seeds/queen-of-tears.it.txt): a human
 * translation that left the English title three times and has two quotation problems. The check must
 * report exactly those, and nothing for the Italian title or the image captions.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { checkTargetOnly } from '../../src/check/target-only.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seed = 'test/fixtures/seeds/queen-of-tears.it.txt';

function capture(): { write(text: string): void; isTTY: boolean; text(): string } {
  let buffer = '';
  return { write: (text: string) => void (buffer += text), isTTY: false, text: () => buffer };
}

describe('storyloc check --target-only on the seed story', () => {
  test('reports exactly the English title at lines 3, 19, 21 and the quotes at lines 17 and 21', () => {
    const config = loadConfig({ workspace: repoRoot, cwd: repoRoot });
    const report = checkTargetOnly({ config, cwd: repoRoot, files: [seed], lang: 'it' });
    expect(report.violations.map((v) => [v.rule, v.line, v.column, v.endLine, v.endColumn, v.suggestion])).toEqual([
      ['untranslated-term', 3, 80, 3, 94, 'La regina delle lacrime'],
      ['quotes', 17, 159, 17, 160, '“'],
      ['untranslated-term', 19, 33, 19, 47, 'La regina delle lacrime'],
      ['quotes', 21, 1, 21, 2, undefined],
      ['untranslated-term', 21, 13, 21, 27, 'La regina delle lacrime'],
    ]);
    expect(new Set(report.violations.map((v) => v.file))).toEqual(new Set([seed]));
    expect(report.violations.map((v) => v.severity)).toEqual(['error', 'warning', 'error', 'warning', 'error']);
  });

  test('the CLI prints the same in GitHub format and exits 1', async () => {
    const stdout = capture();
    const stderr = capture();
    const code = await main(['check', '--target-only', '--lang', 'it', '--format', 'github', seed], {
      stdout,
      stderr,
      cwd: repoRoot,
      env: {},
    });
    expect(stderr.text()).toBe('');
    expect(code).toBe(1);
    expect(
      stdout
        .text()
        .split('\n')
        .filter(Boolean)
        .map((line) => /^::(\w+) file=([^,]+),line=(\d+),col=(\d+)/.exec(line)!.slice(1)),
    ).toEqual([
      ['error', seed, '3', '80'],
      ['warning', seed, '17', '159'],
      ['error', seed, '19', '33'],
      ['warning', seed, '21', '1'],
      ['error', seed, '21', '13'],
    ]);
  });
});
