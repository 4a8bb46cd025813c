import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listGlossaryFiles, readTermbaseFiles } from '../../src/glossary/load.js';
import {
  createForbiddenFormMatcher,
  createTargetFormMatcher,
  createUntranslatedTermMatcher,
  findTargetForms,
} from '../../src/glossary/target-forms.js';
import { seedTermbase } from './factory.js';

const workspaceTermbase = readTermbaseFiles(listGlossaryFiles(path.join(process.cwd(), 'glossary'))).termbase;
const seedFile = path.join(process.cwd(), 'test', 'fixtures', 'seeds', 'queen-of-tears.it.txt');

describe('findTargetForms', () => {
  const queen = seedTermbase().byId.get('queen-of-tears')!;

  test('canonical, variant, articulated, sentence start; not title case', () => {
    const found = (text: string): [boolean, boolean] => {
      const result = findTargetForms(queen, 'it', text);
      return [result.found, result.canonical];
    };
    expect(found('“La regina delle lacrime” è tornata')).toEqual([true, true]);
    expect(found('il finale della regina delle lacrime')).toEqual([true, true]);
    expect(found('Della regina delle lacrime si parla')).toEqual([true, true]);
    expect(found('regina delle lacrime')).toEqual([true, false]);
    expect(found('il dramma <g id="1">La regina delle lacrime</g>')).toEqual([true, true]);
    expect(found('La Regina delle Lacrime')).toEqual([false, false]);
    expect(found('Queen of Tears')).toEqual([false, false]);
    expect(
      findTargetForms(queen, 'it', 'sulla regina delle lacrime').matches.map((m) => [m.surface, m.derived]),
    ).toEqual([['sulla regina delle lacrime', 'articulated']]);
  });
});

describe('the seed story, target-only', () => {
  const lines = readFileSync(seedFile, 'utf8').split('\n');
  const hitsPerLine = (
    match: (text: string) => Array<{ entryId: string; surface: string }>,
  ): Array<[number, string, string]> =>
    lines.flatMap((line, i) => match(line).map((m): [number, string, string] => [i + 1, m.entryId, m.surface]));

  test('English title left untranslated at lines 3, 19 and 21, nothing else', () => {
    const untranslated = createUntranslatedTermMatcher(workspaceTermbase, 'en', 'it', { markup: 'plain' });
    expect(hitsPerLine((text) => untranslated.match(text))).toEqual([
      [3, 'queen-of-tears', 'Queen of Tears'],
      [19, 'queen-of-tears', 'Queen of Tears'],
      [21, 'queen-of-tears', 'Queen of Tears'],
    ]);
  });

  test('no forbidden form; accepted forms where the title is Italian', () => {
    const forbidden = createForbiddenFormMatcher(workspaceTermbase, 'it', { markup: 'plain' });
    expect(hitsPerLine((text) => forbidden.match(text))).toEqual([]);
    const accepted = createTargetFormMatcher(workspaceTermbase, 'it', { markup: 'plain' });
    const titles = hitsPerLine((text) => accepted.match(text)).filter(([, id]) => id === 'queen-of-tears');
    expect(titles).toEqual([
      [1, 'queen-of-tears', 'La regina delle lacrime'],
      [7, 'queen-of-tears', 'regina delle lacrime'],
      [15, 'queen-of-tears', 'regina delle lacrime'],
    ]);
  });
});
