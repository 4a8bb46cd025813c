/**
 * Precision on the real example workspace, which ships approved Italian translations in output/it/:
 * untouched, the check reports nothing at all; then an editor's pull request edits the Italian output
 * files by hand (the state does not know yet), one deliberate break or one trap per copy. Each break is
 * reported exactly once by its rule, at the place in the output file, and each trap is not reported
 * (only the edited segment, as not approved yet, a warning).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import { initI18n } from '../../src/i18n/index.js';
import { loadConfig } from '../../src/config/load.js';
import { checkWorkspace, loadCheckGlossary } from '../../src/check/workspace.js';
import type { GlossaryIndex } from '../../src/check/glossary-index.js';

initI18n('en');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'storyloc-check-edits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
let sharedGlossary: GlossaryIndex | undefined;

/** A fresh copy of the example workspace with `edits` applied to output/it/<lang>/queen-of-tears.md. */
function editedCopy(lang: 'en' | 'ko', edits: Array<[string, string]>): string {
  const root = path.join(scratch, String(++copies));
  for (const item of ['articles', 'glossary', 'output', 'storyloc.config.yaml'])
    cpSync(path.join(repoRoot, item), path.join(root, item), { recursive: true });
  const file = path.join(root, 'output', 'it', lang, 'queen-of-tears.md');
  let text = readFileSync(file, 'utf8');
  for (const [find, replace] of edits) {
    if (!text.includes(find)) throw new Error(`edit not found: ${find}`);
    text = text.replace(find, replace);
  }
  writeFileSync(file, text);
  return root;
}

/** rule, severity, file:line:column(-endColumn), suggestion of every violation */
function check(lang: 'en' | 'ko', edits: Array<[string, string]>, alsoChange?: (root: string) => void): string[] {
  const root = editedCopy(lang, edits);
  alsoChange?.(root);
  const config = loadConfig({ workspace: root, cwd: root });
  sharedGlossary ??= loadCheckGlossary(config);
  return checkWorkspace({ config, cwd: root, glossary: sharedGlossary }).violations.map(
    (v) =>
      `${v.severity} ${v.rule} ${v.file}:${v.line}:${v.column}${v.endColumn === undefined ? '' : `-${v.endColumn}`}${v.suggestion === undefined ? '' : ` → ${v.suggestion}`}`,
  );
}

const EN = 'output/it/en/queen-of-tears.md';
const KO = 'output/it/ko/queen-of-tears.md';
const edited = (file: string, line: number, column: number) => `warning not-approved ${file}:${line}:${column}`;

describe('the example workspace as shipped', () => {
  test('approved translations of both stories: no violation at all, not even a warning', () => {
    const config = loadConfig({ workspace: repoRoot, cwd: repoRoot });
    const report = checkWorkspace({ config, cwd: repoRoot });
    expect(report.files).toEqual([EN, KO]);
    expect(report.violations).toEqual([]);
  });
});

describe('deliberate breaks in a hand-edited output', () => {
  test('a glossary term replaced by a forbidden form', () => {
    expect(
      check('en', [
        [
          'Secondo Good Data Corporation, *La regina delle lacrime*',
          'Secondo Good Data Corporation, *La Regina delle Lacrime*',
        ],
      ]),
    ).toEqual([edited(EN, 33, 1), `error forbidden-term ${EN}:33:36-56 → La regina delle lacrime`]);
  });

  test('the English title left in Italian text', () => {
    expect(
      check('en', [
        ['del sabato e della domenica *La regina delle lacrime*', 'del sabato e della domenica *Queen of Tears*'],
      ]),
    ).toEqual([edited(EN, 11, 1), `error untranslated-term ${EN}:11:88-102 → La regina delle lacrime`]);
  });

  test('a number changed, and 20.7% written the English way', () => {
    // the finding is on the 20,6 that replaced 20,7, not at the start of the sentence (40:155)
    expect(check('en', [['il 20,7%', 'il 20,6%']])).toEqual([
      edited(EN, 40, 155),
      `error numbers ${EN}:40:217-221 → 20,7`,
    ]);
    expect(check('en', [['il 20,7%', 'il 20.7%']])).toEqual([
      edited(EN, 40, 155),
      `error numbers ${EN}:40:217-222 → 20,7%`,
    ]);
  });

  test('a date changed: April 16th and 4월 16일 both need 16 aprile', () => {
    expect(check('en', [['caricato il 16 aprile', 'caricato il 15 aprile']])).toEqual([
      edited(EN, 11, 1),
      `error numbers ${EN}:12:13-22 → 16 aprile`,
    ]);
    expect(check('ko', [['pubblicato il 16 aprile', 'pubblicato il 17 aprile']])).toEqual([
      edited(KO, 10, 1),
      `error numbers ${KO}:10:135-144 → 16 aprile`,
    ]);
  });

  test('a do-not-translate name with other capitals', () => {
    expect(check('en', [['dietro le quinte di tvN mostra', 'dietro le quinte di TVN mostra']])).toEqual([
      edited(EN, 3, 10),
      `error do-not-translate ${EN}:3:39-42 → tvN`,
    ]);
  });

  test('a link URL changed and an emphasis removed: markup-parity where the markup broke', () => {
    expect(
      check('en', [
        [
          '(https://www.youtube.com/@tvNDRAMA_official "tvN Drama su YouTube")',
          '(https://www.youtube.com/@tvNDRAMA "tvN Drama su YouTube")',
        ],
      ]),
    ).toEqual([
      `error markup-parity ${EN}:12:43`, // the link, where it starts
    ]);
    expect(check('en', [['interpretato da **Kim Soo-hyun**', 'interpretato da Kim Soo-hyun']])).toEqual([
      `error markup-parity ${EN}:14:42`,
    ]);
  });

  test('an image dropped, a paragraph deleted: the structure of the source is gone', () => {
    expect(
      check('en', [
        [
          '![Kim Soo-hyun e Kim Ji-won sul set](images/queen-of-tears-set.jpg "La regina delle lacrime, episodio 12")',
          'Kim Soo-hyun e Kim Ji-won sul set',
        ],
      ]),
    ).toEqual([`error output-sync ${EN}:16:1`]);
    expect(check('en', [['Tra le reazioni degli spettatori:\n\n', '']])).toEqual([`error output-sync ${EN}:25:1`]);
  });

  test('a wrong-direction and an unclosed quotation mark (warnings)', () => {
    expect(check('en', [['ha rassicurato gli altri: “Non abbiate', 'ha rassicurato gli altri: ”Non abbiate']])).toEqual(
      [edited(EN, 20, 1), `warning quotes ${EN}:20:145-146 → “`],
    );
    expect(check('en', [['Quando il regista ha gridato “Stop”,', 'Quando il regista ha gridato “Stop,']])).toEqual([
      edited(EN, 20, 166),
      `warning quotes ${EN}:20:195-196`,
    ]);
  });
});

describe('traps in a hand-edited output: nothing but the edit itself', () => {
  test('the title inside a typed URL and a typed code span', () => {
    expect(
      check('en', [
        [
          'Tra le reazioni degli spettatori:',
          'Tra le reazioni (https://example.com/queen-of-tears, tag `Queen of Tears`) degli spettatori:',
        ],
      ]),
    ).toEqual([edited(EN, 25, 1)]);
  });

  test('a short form of a name beside the full one', () => {
    expect(
      check('en', [['Kim Soo-hyun ha parlato con calma', 'Kim Soo-hyun (Soo-hyun per i fan) ha parlato con calma']]),
    ).toEqual([edited(EN, 20, 1)]);
  });

  test('an articulated preposition: "della regina delle lacrime"', () => {
    expect(
      check('en', [
        [
          'Secondo Good Data Corporation, *La regina delle lacrime* ha',
          'Secondo Good Data Corporation, il successo *della regina delle lacrime* ha',
        ],
      ]),
    ).toEqual([edited(EN, 33, 1)]);
  });

  test('a capital at sentence start: "Regina delle lacrime" opening a sentence', () => {
    expect(
      check('en', [
        [
          'Secondo Good Data Corporation, *La regina delle lacrime* ha mantenuto',
          'Secondo Good Data Corporation. *Regina delle lacrime* ha mantenuto',
        ],
      ]),
    ).toEqual([edited(EN, 33, 1)]);
  });

  test('decimal commas and thousands points: 20,7% and 1.000', () => {
    expect(check('en', [['oltre il 20%', 'oltre il 20,0% (più di 1.000 commenti)']])).toEqual([edited(EN, 38, 31)]); // the table cell
  });
});

describe('outputs that are not the translation of their state', () => {
  test('a missing output file is reported on that file', () => {
    expect(check('ko', [], (root) => unlinkSync(path.join(root, KO)))).toEqual([`error output-sync ${KO}:1:1`]);
  });

  test('a source edited since the translation: the new sentence is untranslated, the output out of date', () => {
    const editSource = (root: string): void => {
      const file = path.join(root, 'articles/en/queen-of-tears.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('her rare illness.', 'her rare disease.'));
    };
    expect(check('en', [], editSource)).toEqual([
      `error untranslated-segment articles/en/queen-of-tears.md:14:143`,
      `error output-sync ${EN}:14:164`,
    ]);
  });
});
