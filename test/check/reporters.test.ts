import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { initI18n } from '../../src/i18n/index.js';
import { formatReport } from '../../src/check/reporters/index.js';
import { escapeData, escapeProperty } from '../../src/check/reporters/github.js';
import { defaultSeverities } from '../../src/check/severities.js';
import { ruleIds, type CheckReport } from '../../src/check/types.js';

initI18n('en');
const here = path.dirname(fileURLToPath(import.meta.url));
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

const report: CheckReport = {
  mode: 'workspace',
  severities: { ...defaultSeverities },
  files: ['output/it/en/a.md', 'output/it/en/clean.md'],
  violations: [
    {
      rule: 'untranslated-term',
      severity: 'error',
      file: 'output/it/en/a.md',
      line: 3,
      column: 80,
      endLine: 3,
      endColumn: 94,
      segmentId: 'p-1',
      message: '“Queen of Tears” is left untranslated: use “La regina delle lacrime”',
      suggestion: 'La regina delle lacrime',
      sourceFile: 'articles/en/a.md',
      targetLang: 'it',
      entryId: 'queen-of-tears',
    },
    {
      rule: 'not-approved',
      severity: 'warning',
      file: 'output/it/en/a.md',
      line: 9,
      column: 1,
      segmentId: 'p-2',
      message: 'machine translation not reviewed yet',
      targetLang: 'it',
    },
  ],
};

describe('text', () => {
  test('grouped by file, one line per violation, then a summary', () => {
    expect(formatReport(report, 'text')).toBe(
      [
        'output/it/en/a.md',
        '  output/it/en/a.md:3:80  error    untranslated-term  “Queen of Tears” is left untranslated: use “La regina delle lacrime”',
        '                                                      suggestion: La regina delle lacrime',
        '  output/it/en/a.md:9:1   warning  not-approved       machine translation not reviewed yet',
        '',
        '1 error, 1 warning in 2 files',
        '',
      ].join('\n'),
    );
    expect(formatReport({ ...report, violations: [] }, 'text')).toBe('no problems in 2 files\n');
  });
});

describe('json', () => {
  test('validates against docs/check-report.schema.json and keeps every field', () => {
    const schema = readJson(path.join(here, '../../docs/check-report.schema.json'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const json = JSON.parse(formatReport(report, 'json')) as Record<string, unknown>;
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(json)).toBe(true);
    expect(json).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'storyloc' },
      mode: 'workspace',
      summary: { files: 2, errors: 1, warnings: 1 },
      files: report.files,
    });
    expect((json.violations as unknown[])[1]).toEqual({
      rule: 'not-approved',
      severity: 'warning',
      file: 'output/it/en/a.md',
      line: 9,
      column: 1,
      segmentId: 'p-2',
      message: 'machine translation not reviewed yet',
      targetLang: 'it',
    });
    expect(Object.keys((json.violations as Array<Record<string, unknown>>)[0]!)).toEqual([
      'rule',
      'severity',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'segmentId',
      'message',
      'suggestion',
      'sourceFile',
      'targetLang',
      'entryId',
    ]);
  });

  test('the schema names exactly the rules storyloc has', () => {
    const schema = readJson(path.join(here, '../../docs/check-report.schema.json')) as {
      definitions: { ruleId: { enum: string[] } };
    };
    expect(schema.definitions.ruleId.enum).toEqual([...ruleIds]);
  });

  test('a report the schema refuses: an unknown rule', () => {
    const schema = readJson(path.join(here, '../../docs/check-report.schema.json'));
    const validate = new Ajv({ strict: true }).compile(schema);
    const json = JSON.parse(formatReport(report, 'json')) as { violations: Array<{ rule: string }> };
    json.violations[0]!.rule = 'spelling';
    expect(validate(json)).toBe(false);
  });
});

describe('junit', () => {
  test('parses as XML: a suite per file, a failing case per violation, a passing case for a clean file', () => {
    const xml = formatReport(report, 'junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml) as {
      testsuites: {
        '@tests': string;
        '@failures': string;
        testsuite: Array<{
          '@name': string;
          '@tests': string;
          '@failures': string;
          testcase: Array<Record<string, unknown>>;
        }>;
      };
    };
    expect(parsed.testsuites['@tests']).toBe('3');
    expect(parsed.testsuites['@failures']).toBe('2');
    expect(
      parsed.testsuites.testsuite.map((suite) => [
        suite['@name'],
        suite['@tests'],
        suite['@failures'],
        suite.testcase.length,
      ]),
    ).toEqual([
      ['output/it/en/a.md', '2', '2', 2],
      ['output/it/en/clean.md', '1', '0', 1],
    ]);
    const first = parsed.testsuites.testsuite[0]!.testcase[0]! as {
      '@name': string;
      '@classname': string;
      failure: { '@type': string; '@message': string; '#text': string };
    };
    expect(first['@name']).toBe('untranslated-term 3:80');
    expect(first['@classname']).toBe('output/it/en/a.md');
    expect(first.failure['@type']).toBe('error');
    expect(first.failure['@message']).toBe('“Queen of Tears” is left untranslated: use “La regina delle lacrime”');
    expect(first.failure['#text']).toBe(
      'output/it/en/a.md:3:80\n“Queen of Tears” is left untranslated: use “La regina delle lacrime”\nsegment: p-1\nsuggestion: La regina delle lacrime',
    );
    expect(parsed.testsuites.testsuite[1]!.testcase[0]!.failure).toBeUndefined();
  });

  test('markup characters in messages are escaped', () => {
    const xml = formatReport(
      { ...report, violations: [{ ...report.violations[1]!, message: 'tag <x id="9"/> & "quotes"\nnext' }] },
      'junit',
    );
    // numeric character references (&#10;) keep the newline in an attribute value
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true }).parse(
      xml,
    ) as { testsuites: { testsuite: Array<{ testcase: { failure: { '@message': string } } }> } };
    expect(parsed.testsuites.testsuite[0]!.testcase.failure['@message']).toBe('tag <x id="9"/> & "quotes"\nnext');
  });
});

describe('github', () => {
  test('one workflow command per violation', () => {
    expect(formatReport(report, 'github')).toBe(
      '::error file=output/it/en/a.md,line=3,col=80,endLine=3,endColumn=94,title=untranslated-term::“Queen of Tears” is left untranslated: use “La regina delle lacrime”%0Asuggestion: La regina delle lacrime\n' +
        '::warning file=output/it/en/a.md,line=9,col=1,title=not-approved::machine translation not reviewed yet\n',
    );
  });

  test('escaping: % \\r \\n in data; also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('dir,a/b:c%.md')).toBe('dir%2Ca/b%3Ac%25.md');
    const odd = formatReport(
      { ...report, violations: [{ ...report.violations[1]!, file: 'out/a,b:c.md', message: '100%\nyes' }] },
      'github',
    );
    expect(odd).toBe('::warning file=out/a%2Cb%3Ac.md,line=9,col=1,title=not-approved::100%25%0Ayes\n');
  });
});

describe('sarif', () => {
  const sarif = JSON.parse(formatReport(report, 'sarif')) as {
    version: string;
    runs: Array<{
      tool: { driver: { name: string; rules: Array<{ id: string; defaultConfiguration: { level: string } }> } };
      results: Array<Record<string, unknown>>;
    }>;
  };

  test('validates against the SARIF 2.1.0 subset schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(readJson(path.join(here, 'sarif-2.1.0-subset.schema.json')));
    validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
  });

  test('rules in tool.driver.rules; results with ruleId, ruleIndex, level, message and a physical location', () => {
    const run = sarif.runs[0]!;
    expect(sarif.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('storyloc');
    expect(run.tool.driver.rules.map((rule) => [rule.id, rule.defaultConfiguration.level])).toEqual(
      ruleIds.map((id) => [id, defaultSeverities[id]]),
    );
    expect(run.results[0]).toEqual({
      ruleId: 'untranslated-term',
      ruleIndex: ruleIds.indexOf('untranslated-term'),
      level: 'error',
      message: {
        text: '“Queen of Tears” is left untranslated: use “La regina delle lacrime” (suggestion: La regina delle lacrime)',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'output/it/en/a.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 80, endLine: 3, endColumn: 94 },
          },
        },
      ],
      fixes: [
        {
          description: { text: 'suggestion: La regina delle lacrime' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'output/it/en/a.md', uriBaseId: '%SRCROOT%' },
              replacements: [
                {
                  deletedRegion: { startLine: 3, startColumn: 80, endLine: 3, endColumn: 94 },
                  insertedContent: { text: 'La regina delle lacrime' },
                },
              ],
            },
          ],
        },
      ],
      properties: {
        segmentId: 'p-1',
        suggestion: 'La regina delle lacrime',
        targetLang: 'it',
        sourceFile: 'articles/en/a.md',
        entryId: 'queen-of-tears',
      },
    });
    expect(run.results[1]).toMatchObject({
      ruleId: 'not-approved',
      level: 'warning',
      locations: [{ physicalLocation: { region: { startLine: 9, startColumn: 1 } } }],
    });
  });

  test('the subset schema refuses what SARIF refuses', () => {
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(
      readJson(path.join(here, 'sarif-2.1.0-subset.schema.json')),
    );
    const broken = JSON.parse(JSON.stringify(sarif)) as { runs: Array<{ results: Array<{ level: string }> }> };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });
});
