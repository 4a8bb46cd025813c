import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeFileSync as write,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  parseGlossaryFile,
  parseTermbaseTexts,
  readTermbaseFiles,
  listGlossaryFiles,
} from '../../src/glossary/load.js';
import { hasErrors, lintTermbase } from '../../src/glossary/lint.js';
import { glossarySchema } from '../../src/glossary/schema.js';
import { StorylocError } from '../../src/errors.js';
import { defaultConfig } from '../../src/config/load.js';
import { loadTermbase } from '../../src/glossary/workspace.js';
import { t } from '../../src/i18n/index.js';

const langs = { sourceLanguages: ['en', 'ko'] as const, targetLanguages: ['it'] as const };
const lintOptions = { sourceLanguages: [...langs.sourceLanguages], targetLanguages: [...langs.targetLanguages] };

/** problems of a set of files as [code, file, line, column] rows */
function lintTexts(files: Record<string, string>): Array<[string, string, number, number]> {
  const loaded = parseTermbaseTexts(Object.entries(files).map(([file, text]) => ({ file, text })));
  const problems = [
    ...loaded.problems,
    ...lintTermbase(loaded.termbase, { ...lintOptions, positions: loaded.positions }),
  ];
  return problems.map((p) => [p.code, p.file, p.line, p.column]);
}

describe('schema', () => {
  test('the published JSON Schema is the one the loader uses', () => {
    const file = path.join(process.cwd(), 'schemas', 'glossary.schema.json');
    const expected = `${JSON.stringify(glossarySchema, null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  test('the example workspace glossary loads and lints clean', () => {
    const files = listGlossaryFiles(path.join(process.cwd(), 'glossary'));
    expect(files.map((f) => path.basename(f))).toEqual([
      'organizations.yaml',
      'people.yaml',
      'terms.yaml',
      'titles.yaml',
    ]);
    const loaded = readTermbaseFiles(files);
    expect(loaded.problems).toEqual([]);
    expect(lintTermbase(loaded.termbase, lintOptions)).toEqual([]);
    expect(loaded.termbase.entries.map((e) => e.id).sort()).toEqual([
      'baek-hyun-woo',
      'chaebol',
      'good-data-corporation',
      'hong-hae-in',
      'kim-ji-won',
      'kim-soo-hyun',
      'queen-of-tears',
      'tv-ott',
      'tvn',
      'tvn-drama',
    ]);
    const queen = loaded.termbase.byId.get('queen-of-tears')!;
    expect(queen.caseSensitive).toBe(false);
    expect(queen.caseSensitiveIn).toEqual({ en: false, ko: false, it: true });
    expect(queen.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  test('schema errors carry file, line and column of the offending node', () => {
    const text = [
      'entries:', //                                     1
      '  - id: ok', //                                   2
      '    type: person', //                             3
      '    forms: { en: Fine, it: Bene }', //            4
      '  - id: bad id', //                               5
      '    type: persona', //                            6
      '    forms:', //                                   7
      '      en: X', //                                  8
      '      xx: Y', //                                  9
      '    colour: red', //                              10
      '  - type: term', //                               11
      '    forms: {}', //                                12
      '    caseSensitive: maybe', //                     13
      '    variants: { en: notalist }', //               14
    ].join('\n');
    const parsed = parseGlossaryFile(text, 'g.yaml');
    expect(parsed.problems.map((p) => [p.messageKey, p.line, p.column])).toEqual([
      ['glossary:schema.id', 5, 9],
      ['glossary:schema.enum', 6, 11],
      ['glossary:schema.language', 9, 7],
      ['glossary:schema.unknownProperty', 10, 5],
      ['glossary:schema.required', 11, 5],
      ['glossary:schema.noForms', 12, 12],
      ['glossary:schema.caseSensitive', 13, 20],
      ['glossary:schema.type', 14, 21],
    ]);
    // the valid entry still loads
    expect(parsed.entries.map((e) => e.id)).toEqual(['ok']);
    expect(t(parsed.problems[3]!.messageKey, parsed.problems[3]!.params)).toBe(
      'entries[1]: unknown property "colour" (expected one of: id, type, forms, variants, forbidden, doNotTranslate, caseSensitive, note)',
    );
    expect(t(parsed.problems[2]!.messageKey, parsed.problems[2]!.params)).toMatch(
      /^entries\[1\]\.forms: unknown language code "xx" \(supported: ar, bg/,
    );
  });

  test('a wrong type shows the value as written', () => {
    const parsed = parseGlossaryFile('entries:\n  - id: a\n    type: [1, 2]\n    forms: { en: A }\n', 'e.yaml');
    expect(parsed.problems.map((p) => t(p.messageKey, p.params))).toEqual([
      'entries[0].type: "[1,2]" is not allowed (expected one of: person, title, organization, place, term)',
    ]);
  });

  test('malformed YAML is a problem with its position, not a crash; a wrong top level too', () => {
    const broken = parseGlossaryFile('entries:\n  - id: a\n    forms: { en: [unclosed\n', 'b.yaml');
    expect(broken.problems.map((p) => [p.code, p.line])).toEqual([['glossary.yaml', 4]]);
    expect(broken.problems[0]!.messageKey).toBe('glossary:problem.yaml');
    const duplicateKey = parseGlossaryFile('entries: []\nentries: []\n', 'c.yaml');
    expect(duplicateKey.problems.map((p) => [p.code, p.line, p.column])).toEqual([['glossary.yaml', 2, 1]]);
    const list = parseGlossaryFile('- id: a\n', 'd.yaml');
    expect(list.problems.map((p) => [p.messageKey, p.line, p.column])).toEqual([['glossary:schema.type', 1, 1]]);
    expect(list.entries).toEqual([]);
  });
});

describe('lint error classes', () => {
  test('duplicate ids across files name the first place', () => {
    const rows = lintTexts({
      'a.yaml': 'entries:\n  - id: kim\n    type: person\n    forms: { en: Kim, it: Kim }\n',
      'b.yaml':
        'entries:\n  - id: other\n    type: person\n    forms: { en: Lee, it: Lee }\n  - id: kim\n    type: person\n    forms: { en: Kim Min, it: Kim Min }\n',
    });
    expect(rows).toEqual([['glossary.duplicateId', 'b.yaml', 5, 5]]);
  });

  test('one source form mapped to two targets names both places', () => {
    const loaded = parseTermbaseTexts([
      {
        file: 'a.yaml',
        text: 'entries:\n  - id: q1\n    type: title\n    forms: { en: Queen of Tears, it: La regina delle lacrime }\n',
      },
      {
        file: 'b.yaml',
        text: 'entries:\n  - id: q2\n    type: title\n    forms:\n      en: queen of tears\n      it: Regina di lacrime\n',
      },
    ]);
    const problems = lintTermbase(loaded.termbase, { ...lintOptions, positions: loaded.positions });
    expect(problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([
      ['glossary.conflictingTargets', 'b.yaml', 5, 11],
    ]);
    expect(t(problems[0]!.messageKey, problems[0]!.params)).toBe(
      '"queen of tears" (en) leads to "Regina di lacrime" here but to "La regina delle lacrime" in entry "q1" at a.yaml:4:18 (it): keep one entry or make the forms differ',
    );
  });

  test('a case-insensitive form colliding with a case-sensitive one is a conflict; two case-sensitive spellings are not', () => {
    const rows = lintTexts({
      'a.yaml': [
        'entries:',
        '  - id: tvn',
        '    type: organization',
        '    forms: { en: tvN, it: tvN }',
        '    caseSensitive: true',
        '  - id: tvn-ci',
        '    type: organization',
        '    forms: { en: TVN, it: TVN (rete) }',
        '  - id: mbc',
        '    type: organization',
        '    forms: { en: MBC, it: MBC }',
        '    caseSensitive: true',
        '  - id: mbc-lower',
        '    type: term',
        '    forms: { en: mbc, it: mbc (unità) }',
        '    caseSensitive: true',
      ].join('\n'),
    });
    expect(rows).toEqual([['glossary.conflictingTargets', 'a.yaml', 8, 18]]);
  });

  test('the same form with the same target is a warning, not an error', () => {
    const loaded = parseTermbaseTexts([
      {
        file: 'a.yaml',
        text: 'entries:\n  - id: a\n    type: term\n    forms: { en: chaebol, it: chaebol }\n  - id: b\n    type: term\n    forms: { en: Chaebol, it: chaebol }\n',
      },
    ]);
    const problems = lintTermbase(loaded.termbase, lintOptions);
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['glossary.duplicateForm', 'warning']]);
    expect(hasErrors(problems)).toBe(false);
  });

  test('a variant equal to another entry form; a variant repeating its own form', () => {
    const rows = lintTexts({
      'a.yaml': [
        'entries:',
        '  - id: kim-soo-hyun',
        '    type: person',
        '    forms: { en: Kim Soo-hyun, it: Kim Soo-hyun }',
        '    variants: { en: [Kim Soo Hyun, kim soo-hyun] }',
        '  - id: kim-ji-won',
        '    type: person',
        '    forms: { en: Kim Ji-won, it: Kim Ji-won }',
        '    variants:',
        '      en:',
        '        - KIM SOO-HYUN',
      ].join('\n'),
    });
    expect(rows).toEqual([
      ['glossary.redundantVariant', 'a.yaml', 5, 36],
      ['glossary.variantIsOtherForm', 'a.yaml', 11, 11],
    ]);
  });

  test('empty and space-padded forms', () => {
    const rows = lintTexts({
      'a.yaml':
        'entries:\n  - id: a\n    type: term\n    forms: { en: " Kim", it: "" }\n    variants: { en: ["Kim  Soo", "ok"] }\n',
    });
    expect(rows).toEqual([
      ['glossary.paddedForm', 'a.yaml', 4, 18],
      ['glossary.emptyForm', 'a.yaml', 4, 30],
      ['glossary.paddedForm', 'a.yaml', 5, 22],
    ]);
  });

  test('a missing form for a configured target language; do-not-translate entries fall back', () => {
    const rows = lintTexts({
      'a.yaml':
        'entries:\n  - id: a\n    type: term\n    forms: { en: Alpha }\n  - id: tvn\n    type: organization\n    forms: { en: tvN }\n    doNotTranslate: true\n',
    });
    expect(rows).toEqual([['glossary.missingTargetForm', 'a.yaml', 2, 5]]);
  });

  test('a forbidden form that is accepted', () => {
    const rows = lintTexts({
      'a.yaml': [
        'entries:',
        '  - id: q',
        '    type: title',
        '    forms: { en: Queen of Tears, it: La regina delle lacrime }',
        '    variants: { it: [regina delle lacrime] }',
        '    forbidden: { it: [Regina delle lacrime, Regina delle Lacrime] }',
        '    caseSensitive: { it: true }',
        '  - id: r',
        '    type: term',
        '    forms: { en: queen, it: regina }',
        '    forbidden: { it: [La regina delle lacrime] }',
      ].join('\n'),
    });
    // "Regina delle lacrime" only differs from the variant by a first letter, which may change case
    expect(rows).toEqual([
      ['glossary.forbiddenIsAccepted', 'a.yaml', 6, 23],
      ['glossary.forbiddenIsAccepted', 'a.yaml', 11, 23],
    ]);
  });

  // 50,000 entries are loaded by the bench (glossary_load_50k_s): YAML parsing alone takes seconds
  test('regular-expression metacharacters are plain text; 1,000 entries load and lint', () => {
    const entries = Array.from(
      { length: 1_000 },
      (_, i) => `  - id: e${i}\n    type: term\n    forms: { en: "Term (${i})+*?", it: "Termine [${i}]" }\n`,
    );
    const loaded = parseTermbaseTexts([{ file: 'big.yaml', text: `entries:\n${entries.join('')}` }]);
    const problems = lintTermbase(loaded.termbase, lintOptions);
    expect(loaded.problems).toEqual([]);
    expect(problems).toEqual([]);
    expect(loaded.termbase.entries).toHaveLength(1_000);
    expect(loaded.termbase.entries[999]!.forms.en).toBe('Term (999)+*?');
  });
});

describe('bytes that are not UTF-8 text', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'storyloc-glossary-bytes-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('Latin-1, UTF-16 and binary files are problems at the first bad byte; the other files still load', () => {
    const latin1 = path.join(dir, 'latin1.yaml');
    writeFileSync(
      latin1,
      Buffer.concat([
        Buffer.from('entries:\n  - id: cafe\n    forms: { en: "caf'),
        Buffer.from([0xe9]),
        Buffer.from('" }\n'),
      ]),
    );
    const utf16 = path.join(dir, 'utf16.yaml');
    writeFileSync(utf16, Buffer.from('\ufeffentries: []\n', 'utf16le'));
    const bom = path.join(dir, 'bom.yaml');
    writeFileSync(bom, '\ufeffentries:\n  - id: kim\n    type: person\n    forms: { en: Kim, it: Kim }\n');
    const loaded = readTermbaseFiles([latin1, utf16, bom]);
    expect(loaded.problems.map((p) => [p.code, p.messageKey, path.basename(p.file), p.line, p.column])).toEqual([
      ['glossary.encoding', 'glossary:problem.encoding', 'latin1.yaml', 3, 22],
      // the first NUL byte: FF FE 65 00
      ['glossary.encoding', 'glossary:problem.binary', 'utf16.yaml', 1, 4],
    ]);
    expect(t('glossary:problem.encoding')).toBe('not valid UTF-8 text: save the file as UTF-8');
    // a UTF-8 byte order mark is fine
    expect(loaded.termbase.entries.map((e) => e.id)).toEqual(['kim']);
    expect(loaded.termbase.files).toEqual([latin1, utf16, bom]);
  });
});

describe('files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'storyloc-glossary-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the same file given twice (or through a symlink) is read once', () => {
    const file = path.join(dir, 'people.yaml');
    write(file, 'entries:\n  - id: kim\n    type: person\n    forms: { en: Kim, it: Kim }\n');
    symlinkSync(file, path.join(dir, 'alias.yaml'));
    const loaded = readTermbaseFiles([file, file, path.join(dir, 'alias.yaml')]);
    expect(loaded.termbase.entries.map((e) => e.id)).toEqual(['kim']);
    expect(lintTermbase(loaded.termbase, lintOptions)).toEqual([]);
  });

  test('loadTermbase refuses a termbase with errors, naming the first one; no folder is an empty termbase', () => {
    const workspace = path.join(dir, 'ws');
    const config = defaultConfig(workspace);
    expect(loadTermbase(config).entries).toEqual([]);
    const glossaryDir = path.join(workspace, 'glossary');
    mkdirSync(glossaryDir, { recursive: true });
    write(path.join(glossaryDir, 'a.yaml'), 'entries:\n  - id: kim\n    type: person\n    forms: { en: Kim }\n');
    let caught: unknown;
    try {
      loadTermbase(config);
    } catch (error) {
      caught = error;
    }
    expect((caught as StorylocError).code).toBe('glossary.invalid');
    expect((caught as StorylocError).position).toEqual({ file: path.join(glossaryDir, 'a.yaml'), line: 2, column: 5 });
    expect(t((caught as StorylocError).messageKey, (caught as StorylocError).params)).toBe(
      'The glossary has 1 error, the first at glossary/a.yaml:2:5: entry "kim" has no form for the target language it (add forms.it, or doNotTranslate: true). Run storyloc glossary lint.',
    );
    write(
      path.join(glossaryDir, 'a.yaml'),
      'entries:\n  - id: kim\n    type: person\n    forms: { en: Kim, it: Kim }\n',
    );
    expect(loadTermbase(config).entries.map((e) => e.id)).toEqual(['kim']);
  });

  test('an unreadable file is an input error (exit code 2)', () => {
    let caught: unknown;
    try {
      readTermbaseFiles([path.join(dir, 'missing.yaml')]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StorylocError);
    expect((caught as StorylocError).code).toBe('glossary.unreadable');
    expect((caught as StorylocError).exitCode).toBe(2);
  });
});
