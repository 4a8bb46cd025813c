import { describe, expect, test } from '@jest/globals';
import { applyXliffFile } from '../../src/interchange/apply.js';
import { segmentXmlToTmx, tmxToSegmentXml, xliffInlineToSegmentXml } from '../../src/interchange/inline.js';
import { approvedUnits, exportTmx, parseTmx } from '../../src/interchange/tmx.js';
import { exportXliff, parseXliff } from '../../src/interchange/xliff.js';
import { record, state } from '../memory/factories.js';
import { validate, xmllintAvailable } from './xmllint.js';
import { skipNote } from '../support/tools.js';

const now = '2024-05-01T10:00:00.000Z';
const canValidate = xmllintAvailable();

const sample = state([
  record('Hello <g id="1">big</g> world &amp; more<x id="2"/>.', {
    target: 'Ciao <g id="1">grande</g> mondo &amp; altro<x id="2"/>.',
    state: 'machine',
  }),
  record('Untranslated.', { target: null, state: 'untranslated', engine: null }),
  record('Edited.', { target: 'Modificato.', state: 'edited', engine: 'human' }),
  record('Approved.', { target: 'Approvato.', state: 'approved' }),
  record('Rejected.', { target: 'Rifiutato.', state: 'rejected' }),
  record('Stale now.', { target: 'Obsoleto ora.', state: 'stale', previousTarget: 'Vecchio.' }),
  record('From memory.', { target: 'Dalla memoria.', state: 'machine', engine: 'memory' }),
]);

describe('inline content', () => {
  test('CAT-tool spellings normalise to our segment XML', () => {
    expect(xliffInlineToSegmentXml('A <g id="1">b</g><x id="2"></x> &quot;c&quot; &#233; <![CDATA[<d>]]>')).toBe(
      'A <g id="1">b</g><x id="2"/> "c" é &lt;d&gt;',
    );
    expect(xliffInlineToSegmentXml("<g id='1'>x</g>")).toBe('<g id="1">x</g>');
    expect(xliffInlineToSegmentXml('a &lt;b&gt; &amp; c > d')).toBe('a &lt;b&gt; &amp; c &gt; d');
    expect(xliffInlineToSegmentXml('<bpt id="1">[</bpt>x')).toBeNull();
    expect(xliffInlineToSegmentXml('<g id="1">x')).toBeNull();
  });

  test('TMX carries our tags as bpt/ept/ph and gives them back', () => {
    const xml = 'A <g id="1">b <g id="2">c</g></g> &amp; <x id="3"/>';
    const tmx = segmentXmlToTmx(xml);
    expect(tmx).toBe(
      'A <bpt i="1" x="1">&lt;g id="1"&gt;</bpt>b <bpt i="2" x="2">&lt;g id="2"&gt;</bpt>c<ept i="2">&lt;/g&gt;</ept><ept i="1">&lt;/g&gt;</ept> &amp; <ph x="3">&lt;x id="3"/&gt;</ph>',
    );
    expect(tmxToSegmentXml(tmx)).toBe(xml);
  });
});

describe('XLIFF 1.2 export', () => {
  const xliff = exportXliff([sample]);

  test('maps our states to XLIFF states', () => {
    const units = parseXliff(xliff, 'x.xlf')[0]!.units;
    expect(
      units.map((u) => [
        u.target === null ? null : 'target',
        u.state ?? null,
        u.stateQualifier ?? null,
        u.approved ?? null,
      ]),
    ).toEqual([
      ['target', 'needs-review-translation', 'leveraged-mt', null],
      [null, null, null, null],
      ['target', 'translated', null, null],
      ['target', 'signed-off', null, 'yes'],
      ['target', 'needs-translation', 'rejected-inaccurate', null],
      ['target', 'needs-review-translation', null, null],
      ['target', 'needs-review-translation', 'leveraged-tm', null],
    ]);
    expect(xliff).toContain('<alt-trans alttranstype="previous-version">\n          <target>Vecchio.</target>');
    expect(xliff).toContain(`<trans-unit id="${sample.segments[0]!.id}" resname="paragraph" xml:space="preserve">`);
    expect(xliff).toContain('<source>Hello <g id="1">big</g> world &amp; more<x id="2"/>.</source>');
  });

  (canValidate ? test : test.skip)(
    `is valid against the XLIFF 1.2 strict schema${skipNote('xmllint', canValidate)}`,
    () => {
      expect(validate(xliff, 'xliff')).toBe('ok');
    },
  );

  test('round trip: importing an unchanged export changes nothing', () => {
    const result = applyXliffFile(sample, parseXliff(xliff, 'x.xlf')[0]!, { by: 'ana', now });
    expect(result.applied).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(result.state).toBe(sample);
  });
});

describe('XLIFF import', () => {
  const id = (i: number) => sample.segments[i]!.id;
  const translatorFile = (units: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="en/story.md" source-language="en" target-language="it-IT" datatype="x-markdown">
    <body>
      <group id="g1">
${units}
      </group>
    </body>
  </file>
</xliff>
`;

  test('targets and states are applied; unknown ids, changed sources and broken tags are reported with their line', () => {
    const text = translatorFile(
      [
        `<trans-unit id="${id(0)}"><source>Hello <g id="1">big</g> world &amp; more<x id="2"/>.</source><target state="translated">Salve <g id="1">grande</g> mondo &amp; altro<x id="2"/>.</target></trans-unit>`,
        `<trans-unit id="${id(1)}"><source>Untranslated.</source><target state="signed-off">Non tradotto.</target></trans-unit>`,
        `<trans-unit id="nope"><source>Nothing.</source><target>Niente.</target></trans-unit>`,
        `<trans-unit id="${id(2)}"><source>Edited differently.</source><target>Altro.</target></trans-unit>`,
        `<trans-unit id="${id(3)}"><source>Approved.</source><target state="final">Approvato!</target></trans-unit>`,
        `<trans-unit id="${id(6)}"><source>From memory.</source><target>Dalla <g id="9">memoria</g>.</target></trans-unit>`,
        `<trans-unit id="${id(5)}"><source>Stale now.</source><target state="needs-review-translation">Obsoleto ora.</target></trans-unit>`,
      ].join('\n'),
    );
    const [file] = parseXliff(text, 'back.xlf');
    const result = applyXliffFile(sample, file!, { by: 'ana', now });
    expect(result.applied).toEqual([id(0), id(1), id(3)]);
    expect(result.unchanged).toEqual([id(5)]);
    expect(result.refused).toEqual([
      { id: 'nope', line: 8, reason: 'unknownId' },
      { id: id(2), line: 9, reason: 'changedSource' },
      { id: id(6), line: 11, reason: 'badTags' },
    ]);
    const [first, second, , fourth] = result.state.segments;
    expect(first).toMatchObject({
      target: 'Salve <g id="1">grande</g> mondo &amp; altro<x id="2"/>.',
      state: 'edited',
      engine: 'human',
      changedBy: 'ana',
      changedAt: now,
    });
    expect(second).toMatchObject({
      target: 'Non tradotto.',
      state: 'approved',
      approvedTarget: 'Non tradotto.',
      engine: 'human',
    });
    expect(fourth).toMatchObject({ target: 'Approvato!', state: 'approved', approvedTarget: 'Approvato!' });
    expect(result.state.segments[2]).toBe(sample.segments[2]);
  });

  test('a file that is not XML names the line', () => {
    expect(() => parseXliff('<xliff version="1.2">\n<file>\n</xliff>', 'bad.xlf')).toThrow(
      expect.objectContaining({ code: 'interchange.invalidXml', position: expect.objectContaining({ line: 3 }) }),
    );
  });
});

describe('TMX 1.4', () => {
  const tmx = exportTmx(
    { source: 'en', target: 'it' },
    approvedUnits([
      sample,
      state([record('Approved.', { target: 'Approvato.', state: 'approved' })], { article: 'en/other.md' }),
    ]),
  );

  test('holds the approved units once, valid against the TMX 1.4 DTD', () => {
    expect(tmx.match(/<tu /g)).toHaveLength(1);
    expect(tmx).toContain('<tuv xml:lang="en"><seg>Approved.</seg></tuv>');
    if (canValidate) expect(validate(tmx, 'tmx')).toBe('ok');
  });

  test('round trip through parseTmx', () => {
    const withTags = exportTmx({ source: 'en', target: 'it' }, [
      { source: sample.segments[0]!.source, target: sample.segments[0]!.target!, origin: 'en/story.md#p' },
    ]);
    if (canValidate) expect(validate(withTags, 'tmx')).toBe('ok');
    expect(parseTmx(withTags, '/tmp/x.tmx')).toEqual({
      sourceLang: 'en',
      targetLangs: ['it'],
      skipped: 0,
      units: [
        {
          source: sample.segments[0]!.source,
          target: sample.segments[0]!.target,
          targetLang: 'it',
          origin: 'x.tmx#1',
          line: 5,
        },
      ],
    });
  });
});
