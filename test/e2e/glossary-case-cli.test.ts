/**
 * Glossary terms keep the sentence's case through `storyloc translate` (issue 12, case 8), on a real
 * temporary workspace, with the pseudo engine and Debian's Apertium (skipped with the reason when it is
 * missing; a failure under CI=true): no "Kim Soo-hyun Ha scritto"; a sentence-initial term capitalised;
 * mid-sentence terms as the termbase writes them.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isCommandOnPath } from '../../src/engines/select.js';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, type TempWorkspace } from './workspace.js';

const STORY = [
  'Kim Soo-hyun wrote the letter.',
  '',
  'chaebol families are rich.',
  '',
  'The fans loved Queen of Tears and chaebol dramas.',
  '',
].join('\n');
const CHAEBOL = [
  'version: 1',
  'entries:',
  '  - id: chaebol',
  '    type: term',
  '    forms: { en: chaebol, it: chaebol }',
  '',
].join('\n');

let ws: TempWorkspace;
beforeEach(() => {
  ws = copyWorkspace();
  rmSync(path.join(ws.dir, 'articles'), { recursive: true, force: true });
  mkdirSync(path.join(ws.dir, 'articles', 'en'), { recursive: true });
  writeFileSync(path.join(ws.dir, 'articles', 'en', 'letter.md'), STORY);
  writeFileSync(path.join(ws.dir, 'glossary', 'chaebol.yaml'), CHAEBOL);
});
afterEach(() => ws.remove());

async function translate(engine: string): Promise<string> {
  const result = await runCli(['translate', '--workspace', ws.dir, '--engine', engine], {
    env: { LANG: 'C', PATH: process.env.PATH ?? '' },
  });
  expect(result.code).toBe(0);
  return ws.read('output/it/en/letter.md');
}

test('pseudo: the sentence-initial term capitalised, mid-sentence terms as written', async () => {
  expect((await translate('pseudo')).replace(/~+/g, '')).toBe(
    [
      '⟦Kim Soo-hyun wróté thé léttér.⟧',
      '',
      '⟦Chaebol fámílíés áré rích.⟧',
      '',
      '⟦Thé fáns lóvéd La regina delle lacrime ánd chaebol drámás.⟧',
      '',
    ].join('\n'),
  );
});

const hasApertium = isCommandOnPath('apertium');
describe(`Apertium${hasApertium ? '' : ' (SKIPPED: apertium is not installed; apt-get install apertium apertium-eng-spa apertium-spa-ita)'}`, () => {
  if (!hasApertium && process.env.CI === 'true') {
    test('apertium is required under CI=true', () => {
      throw new Error('apertium is not installed: CI must not go green by skipping');
    });
  }
  (hasApertium ? test : test.skip)(
    'no capital after a sentence-initial name; a sentence-initial term capitalised',
    async () => {
      const output = await translate('apertium');
      expect(output.split('\n')).toEqual([
        'Kim Soo-hyun ha scritto la lettera.',
        '',
        'Chaebol le famiglie sono ricche.',
        '',
        'I seguitori hanno voluto La regina delle lacrime e chaebol opere.',
        '',
      ]);
    },
  );
});
