/** `storyloc export` / `storyloc import` end to end: XLIFF and TMX round trips through a workspace. */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { recordingPseudo, translate } from '../pipeline/helpers.js';
import { runCli } from '../support/run-cli.js';
import { validate, xmllintAvailable } from '../interchange/xmllint.js';
import { copyWorkspace, type TempWorkspace } from './workspace.js';

const env = { LANG: 'C' };
const canValidate = xmllintAvailable();
let ws: TempWorkspace;
beforeEach(async () => {
  ws = copyWorkspace();
  await translate(ws, recordingPseudo());
});
afterEach(() => ws.remove());

const SET = 'output/it/en/set.md';

describe('XLIFF', () => {
  test('export → a translator edits → import: states, targets and the output follow; translate then sends nothing', async () => {
    const exported = await runCli(['export', '--workspace', ws.dir, '--format', 'xliff', 'articles/en/set.md'], {
      env,
      cwd: ws.dir,
    });
    expect(exported.code).toBe(0);
    if (canValidate) expect(validate(exported.stdout, 'xliff')).toBe('ok');
    const record = ws.state(`${SET}.state.json`).segments.find((r) => r.source === 'The crew applauded.')!;
    const edited = exported.stdout.replace(
      new RegExp(
        `(<trans-unit id="${record.id}"[^>]*>\\s*<source>The crew applauded.</source>\\s*)<target[^>]*>[^<]*</target>`,
      ),
      '$1<target state="signed-off">La troupe ha applaudito.</target>',
    );
    expect(edited).not.toBe(exported.stdout);
    writeFileSync(path.join(ws.dir, 'back.xlf'), edited);
    const imported = await runCli(['import', '--workspace', ws.dir, 'back.xlf', '--by', 'ana'], { env, cwd: ws.dir });
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe(`Imported from ${ws.dir}/back.xlf: targets applied 1, unchanged 5, not applied 0.\n`);
    expect(imported.code).toBe(0);
    expect(ws.state(`${SET}.state.json`).segments.find((r) => r.id === record.id)).toMatchObject({
      target: 'La troupe ha applaudito.',
      state: 'approved',
      engine: 'human',
      changedBy: 'ana',
    });
    expect(ws.read(SET)).toContain('La troupe ha applaudito.');
    const engine = recordingPseudo();
    const summary = await translate(ws, engine);
    expect(engine.sent).toEqual([]);
    expect(summary.humanEdits).toBe(0);
  });

  test('unknown ids and changed sources are reported with their line and not applied (exit 1)', async () => {
    const exported = (
      await runCli(['export', '--workspace', ws.dir, '--format', 'xliff', 'articles/en/set.md'], { env, cwd: ws.dir })
    ).stdout;
    const tampered = exported
      .replace(/<trans-unit id="p-[0-9a-f]+/, '<trans-unit id="p-unknown')
      .replace('<source>The crew applauded.</source>', '<source>The crew booed.</source>');
    writeFileSync(path.join(ws.dir, 'back.xlf'), tampered);
    const before = ws.read(`${SET}.state.json`);
    const result = await runCli(['import', '--workspace', ws.dir, 'back.xlf'], { env, cwd: ws.dir });
    expect(result.code).toBe(1);
    const lineOf = (needle: string) => tampered.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const crewId = /<trans-unit id="([^"]+)"[^>]*>\s*<source>The crew booed/.exec(tampered)![1]!;
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `${ws.dir}/back.xlf:${lineOf('p-unknown')}: not applied: unknown segment id p-unknown`,
      `${ws.dir}/back.xlf:${lineOf(`id="${crewId}"`)}: not applied: the source of segment ${crewId} changed since the export`,
    ]);
    expect(ws.read(`${SET}.state.json`)).toBe(before);
  });
});

describe('export options', () => {
  test('without --format: a localised input error naming both formats (exit 2), nothing written', async () => {
    const result = await runCli(['export', '--workspace', ws.dir, '--ui-lang', 'ko'], { env, cwd: ws.dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'storyloc: 오류: 형식을 지정하세요: --format xliff(모든 세그먼트, CAT 도구용) 또는 --format tmx(승인된 단위).\n',
    });
  });

  test('-o writes the file like --output (as in storyloc check)', async () => {
    const result = await runCli(
      ['export', '--workspace', ws.dir, '--format', 'xliff', '-o', 'out.xlf', 'articles/en/set.md'],
      { env, cwd: ws.dir },
    );
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `Exported to ${path.join(ws.dir, 'out.xlf')}: units 6, articles 1.\n`,
    });
    expect(ws.files()).toContain('out.xlf');
  });
});

describe('TMX', () => {
  test('approved units exported from one workspace are reused by another with no engine call', async () => {
    // Approve two segments in the first workspace through an XLIFF round trip.
    const xliff = (
      await runCli(['export', '--workspace', ws.dir, '--format', 'xliff', 'articles/en/set.md'], { env, cwd: ws.dir })
    ).stdout;
    writeFileSync(
      path.join(ws.dir, 'ok.xlf'),
      xliff.replace(
        /<target state="needs-review-translation" state-qualifier="leveraged-mt">/g,
        '<target state="signed-off">',
      ),
    );
    expect((await runCli(['import', '--workspace', ws.dir, 'ok.xlf'], { env, cwd: ws.dir })).code).toBe(0);
    const tmx = await runCli(['export', '--workspace', ws.dir, '--format', 'tmx', '--to', 'it', 'articles/en'], {
      env,
      cwd: ws.dir,
    });
    expect(tmx.code).toBe(0);
    if (canValidate) expect(validate(tmx.stdout, 'tmx')).toBe('ok');
    expect(tmx.stdout.match(/<tu /g)).toHaveLength(6);

    const other = copyWorkspace();
    try {
      writeFileSync(path.join(other.dir, 'memory.tmx'), tmx.stdout);
      const imported = await runCli(['import', '--workspace', other.dir, 'memory.tmx'], { env, cwd: other.dir });
      expect(imported.code).toBe(0);
      expect(imported.stdout).toBe(
        `Imported 6 translation units from ${other.dir}/memory.tmx into the memory (0 skipped).\n`,
      );
      const engine = recordingPseudo();
      const summary = await translate(other, engine, { articles: ['articles/en/set.md'] });
      expect(summary.fromMemory).toBe(6);
      expect(engine.sent).toEqual([]);
    } finally {
      other.remove();
    }
  });

  test('a TMX in another language pair is refused and nothing is imported', async () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="de" datatype="plaintext"/>
<body><tu><tuv xml:lang="de"><seg>Hallo.</seg></tuv><tuv xml:lang="fr"><seg>Bonjour.</seg></tuv></tu></body></tmx>
`;
    writeFileSync(path.join(ws.dir, 'de-fr.tmx'), tmx);
    const result = await runCli(['import', '--workspace', ws.dir, 'de-fr.tmx'], { env, cwd: ws.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is for de→fr; this workspace translates en→it, ko→it. Nothing was imported.');
    expect(ws.files().some((f) => f.startsWith('output/memory'))).toBe(false);
  });
});
