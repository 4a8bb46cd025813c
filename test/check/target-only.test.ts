/** Target-only mode on Markdown (parsed: code spans and URLs are not text) and on plain text (URLs masked). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { defaultConfig } from '../../src/config/load.js';
import { checkTargetOnly, plainParagraphs } from '../../src/check/target-only.js';
import { maskLiterals } from '../../src/check/text-view.js';
import { glossary } from './rule-helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-target-only-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(name: string, text: string) {
  writeFileSync(path.join(dir, name), text);
  const config = defaultConfig(dir);
  return checkTargetOnly({ config, cwd: dir, files: [name], lang: 'it', glossary: glossary() }).violations.map((v) => [
    v.file,
    v.rule,
    v.line,
    v.column,
    v.endColumn,
  ]);
}

describe('checkTargetOnly', () => {
  test('Markdown: a term in a link URL or a code span is not text; positions are in the file', () => {
    const markdown = [
      '# “Queen of Tears” arriva in Italia',
      '',
      'Il trailer è su [YouTube](https://example.com/queen-of-tears) e il tag `Queen of Tears` resta.',
      '',
      '> Il finale di **Queen of Tears**, disse: ”bellissimo”.',
      '',
    ].join('\n');
    expect(run('agency.md', markdown)).toEqual([
      ['agency.md', 'untranslated-term', 1, 4, 18],
      ['agency.md', 'untranslated-term', 5, 18, 32],
      ['agency.md', 'quotes', 5, 43, 44],
    ]);
  });

  test('plain text: URLs and e-mail addresses masked; forbidden forms found', () => {
    const text =
      'Guarda https://example.com/queen-of-tears oggi, scrivi a queen-of-tears@example.com.\n\nVisto Regina di lacrime?\n';
    expect(run('agency.txt', text)).toEqual([['agency.txt', 'forbidden-term', 3, 7, 24]]);
  });

  test('helpers', () => {
    expect(maskLiterals('a https://x.it/b c')).toBe(`a ${'\uFFFC'.repeat(14)} c`);
    expect(maskLiterals('esegui `Queen of Tears` e scrivi a a.b@c.it.')).toBe(
      `esegui ${'\uFFFC'.repeat(16)} e scrivi a ${'\uFFFC'.repeat(9)}`,
    );
    expect(plainParagraphs('uno\ndue\n\n  \ntre\n')).toEqual([
      { start: 0, text: 'uno\ndue' },
      { start: 12, text: 'tre' },
    ]);
  });
});

describe('storyloc check --target-only: source spellings and English number formats (issue 15)', () => {
  test('named with the expected form, at the token, exit 1', async () => {
    const { runCli } = await import('../support/run-cli.js');
    const { mkdirSync, copyFileSync } = await import('node:fs');
    const { fixturesDir } = await import('../support/check-fixtures.js');
    const workspace = path.join(dir, 'ws');
    mkdirSync(path.join(workspace, 'glossary'), { recursive: true });
    writeFileSync(path.join(workspace, 'storyloc.config.yaml'), 'sourceLanguages: [en, ko]\ntargetLanguages: [it]\n');
    copyFileSync(path.join(fixturesDir, 'glossary.yaml'), path.join(workspace, 'glossary', 'glossary.yaml'));
    writeFileSync(
      path.join(workspace, 'copy.txt'),
      'Kim Ji Won e Kim Soo-hyun: ascolti al 13.0%, alle 20.30, 1.000 fan.\n',
    );
    const result = await runCli(['check', '--target-only', '--lang', 'it', '--format', 'github', 'copy.txt'], {
      cwd: workspace,
      env: { LANG: 'C' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      '::error file=copy.txt,line=1,col=1,endLine=1,endColumn=11,title=untranslated-term::“Kim Ji Won” is a source-language spelling: in Italian write “Kim Ji-won”%0Asuggestion: Kim Ji-won',
      '::error file=copy.txt,line=1,col=39,endLine=1,endColumn=44,title=numbers::13.0%25 is written the English way: in Italian write 13,0%25%0Asuggestion: 13,0%25',
    ]);
  });
});
