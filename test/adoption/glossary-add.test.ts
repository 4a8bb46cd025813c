/**
 * `storyloc glossary add` on a copy of the example workspace: the file keeps every byte it had, the new
 * entry is validated and linted like one typed in, and the command says which translations go stale.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTermbaseTexts } from '../../src/glossary/load.js';
import { runCli } from '../support/run-cli.js';
import { copyExampleWorkspace, type TempWorkspace } from '../e2e/workspace.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = copyExampleWorkspace();
});
afterEach(() => ws.remove());

const env = { LANG: 'C' };
const add = (args: string[], cwd = ws.dir) => runCli(['glossary', 'add', ...args], { cwd, env });

describe('storyloc glossary add', () => {
  test("into the type's file: the old bytes kept, the entry appended in the file's style, no segment stale", async () => {
    const before = ws.read('glossary/people.yaml');
    const result = await add([
      '--id',
      'park-sung-hoon',
      '--type',
      'person',
      '--form',
      'en=Park Sung-hoon',
      '--form',
      'ko=박성훈',
      '--form',
      'it=Park Sung-hoon',
      '--variant',
      'en=Park Sung Hoon',
      '--variant',
      'en=Park Sunghoon',
      '--note',
      'Actor: plays Yoon Eun-sung, "the villain".',
    ]);
    const lines = before.split('\n').length;
    expect(result.stdout).toBe(
      `Added park-sung-hoon at glossary/people.yaml:${lines + 1}.\nNo translated segment becomes stale.\n`,
    );
    expect(result.code).toBe(0);
    expect(ws.read('glossary/people.yaml')).toBe(
      `${before}\n  - id: park-sung-hoon\n    type: person\n    forms:\n      en: Park Sung-hoon\n      ko: 박성훈\n      it: Park Sung-hoon\n` +
        `    variants:\n      en: [Park Sung Hoon, Park Sunghoon]\n    note: 'Actor: plays Yoon Eun-sung, "the villain".'\n`,
    );
    const lint = await runCli(['glossary', 'lint'], { cwd: ws.dir, env });
    expect(lint.code).toBe(0);
  });

  test('a term in translated segments: it names the stories and counts the segments that become stale (longest match kept)', async () => {
    const result = await add([
      '--id',
      'drama',
      '--type',
      'term',
      '--form',
      'en=drama',
      '--form',
      'ko=드라마',
      '--form',
      'it=serie',
    ]);
    expect(result.stdout).toBe(
      [
        `Added drama at glossary/terms.yaml:${
          ws.read('glossary/terms.yaml').split('\n').indexOf('  - id: drama') + 1
        }.`,
        // "tvN Drama" stays the tvn-drama entry's: the English link title is not counted
        '8 translated segments become stale, in 2 stories:',
        '  en/queen-of-tears.md → it: 4 segments',
        '  ko/queen-of-tears.md → it: 4 segments',
        'The next storyloc translate translates them again and keeps the old text for review.',
        '',
      ].join('\n'),
    );
    const translated = await runCli(['translate', '--engine', 'pseudo', '--json'], { cwd: ws.dir, env });
    expect(translated.code).toBe(0);
    const state = ws.state('output/it/en/queen-of-tears.md.state.json');
    expect(
      state.segments
        .filter((record) => record.glossary.drama !== undefined)
        .map((record) => record.id)
        .sort(),
    ).toEqual(['fm-abc719412080', 'li-54571178d14a', 'p-a6ffe78a8e01', 'p-f6f1f7b28a25']);
    expect(
      ws
        .state('output/it/ko/queen-of-tears.md.state.json')
        .segments.filter((record) => record.glossary.drama !== undefined).length,
    ).toBe(4);
  });

  test('a new file for a type without one: the schema comment on top, and it lints', async () => {
    const result = await add([
      '--id',
      'seoul',
      '--type',
      'place',
      '--form',
      'en=Seoul',
      '--form',
      'ko=서울',
      '--form',
      'it=Seul',
    ]);
    expect(result.stdout.split('\n')[0]).toBe('Added seoul at glossary/places.yaml:4 (a new glossary file).');
    expect(ws.read('glossary/places.yaml')).toBe(
      '# yaml-language-server: $schema=../node_modules/storyloc/schemas/glossary.schema.json\nversion: 1\nentries:\n  - id: seoul\n    type: place\n    forms:\n      en: Seoul\n      ko: 서울\n      it: Seul\n',
    );
    const file = path.join(ws.dir, 'glossary/places.yaml');
    expect(parseTermbaseTexts([{ file, text: ws.read('glossary/places.yaml') }]).problems).toEqual([]);
  });

  test('a lint warning is printed with its place, and the entry is added', async () => {
    const result = await add(
      [
        '--id',
        'seoul',
        '--type',
        'place',
        '--form',
        'en=Seoul',
        '--form',
        'ko=서울',
        '--form',
        'it=Seul',
        '--variant',
        'en=Seoul',
      ],
      path.join(ws.dir, 'articles'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'Added seoul at ../glossary/places.yaml:4 (a new glossary file).',
      '../glossary/places.yaml:11:12: warning: the variant "Seoul" (en) repeats the canonical form [glossary.redundantVariant]',
    ]);
  });

  const refused: Array<[string, string[], string]> = [
    [
      'a taken id',
      ['--id', 'chaebol', '--type', 'term', '--form', 'en=chaebol', '--form', 'it=chaebol'],
      'The id "chaebol" is taken already (glossary/terms.yaml:5). Choose another id, or edit that entry.',
    ],
    [
      'no target form',
      ['--id', 'seoul', '--type', 'term', '--form', 'en=Seoul'],
      'The entry "seoul" was not added (nothing was written): entry "seoul" has no form for the target language it (add forms.it, or doNotTranslate: true)',
    ],
    [
      'a bad type',
      ['--id', 'seoul', '--type', 'city', '--form', 'en=Seoul'],
      'option --type <type>: "city" is not one of person, title, organization, place, term',
    ],
    [
      'a form without its language',
      ['--id', 'seoul', '--type', 'term', '--form', 'Seoul'],
      '--form "Seoul": expected LANG=TEXT, e.g. --form en=Queen of Tears.',
    ],
    [
      'a file outside the glossary folder',
      ['--id', 'seoul', '--type', 'term', '--form', 'en=Seoul', '--form', 'it=Seul', '--file', '/tmp/x.yaml'],
      '/tmp/x.yaml is not a .yaml file directly in the glossary folder glossary; only those files make the termbase.',
    ],
  ];
  test.each(refused)('refused, nothing written, exit 2: %s', async (_name, args, message) => {
    const before = ws.files().map((file) => [file, ws.read(file)]);
    const result = await add(args);
    expect(result.stderr.split('\n')[0]).toBe(`storyloc: error: ${message}`);
    expect(result.code).toBe(2);
    expect(ws.files().map((file) => [file, ws.read(file)])).toEqual(before);
    expect(existsSync(path.join(ws.dir, 'glossary/places.yaml'))).toBe(false);
  });

  test("a variant that is another entry's canonical form is an error, like in the file", async () => {
    const result = await add([
      '--id',
      'hyun-woo',
      '--type',
      'person',
      '--form',
      'en=Hyun-woo',
      '--form',
      'it=Hyun-woo',
      '--variant',
      'en=Baek Hyun-woo',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'the variant "Baek Hyun-woo" (en) is the canonical form of entry "baek-hyun-woo" at glossary/people.yaml:',
    );
    expect(readFileSync(path.join(ws.dir, 'glossary/people.yaml'), 'utf8')).not.toContain('- id: hyun-woo');
  });
});
