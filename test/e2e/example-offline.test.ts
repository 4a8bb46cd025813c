/**
 * The main job on the example workspace, offline: Apertium for the English story, pseudo for both, and
 * a clear refusal for Korean with Apertium (it has no Korean data). Starts from the articles alone.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli.js';
import { toolAvailable } from '../support/tools.js';
import { copyExampleWorkspace, type TempWorkspace } from './workspace.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = copyExampleWorkspace();
  rmSync(path.join(ws.dir, 'output'), { recursive: true, force: true });
});
afterEach(() => ws.remove());

const hasApertium = toolAvailable('apertium');

describe(`the example workspace offline${hasApertium ? '' : ' (Apertium tests SKIPPED: apertium is not installed)'}`, () => {
  (hasApertium ? test : test.skip)(
    'apertium translates the English story: every segment, tags and names kept, code untouched',
    async () => {
      const result = await runCli(
        ['translate', '--workspace', ws.dir, '--engine', 'apertium', '--json', path.join(ws.dir, 'articles/en')],
        { env: { LANG: 'C', PATH: process.env.PATH ?? '' } },
      );
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        engine: 'apertium',
        segments: 28,
        sent: 28,
        reused: 0,
        untranslated: 0,
        stopped: null,
      });
      const output = ws.read('output/it/en/queen-of-tears.md');
      const source = ws.read('articles/en/queen-of-tears.md');
      // everything outside the translated spans is the source's bytes: the code block, the URL, the table rule
      expect(output.slice(output.indexOf('```yaml'))).toBe(source.slice(source.indexOf('```yaml')));
      expect(output).toContain('](https://www.youtube.com/@tvNDRAMA_official "');
      expect(output).toContain('\nlang: it\n');
      // names protected by glossary placeholders, the title in its Italian form
      expect(output).toContain('**Kim Soo-hyun**');
      expect(output).toContain('*La regina delle lacrime*');
      const state = ws.state('output/it/en/queen-of-tears.md.state.json');
      expect(
        state.segments.filter((record) => record.state === 'machine' && record.engine === 'apertium'),
      ).toHaveLength(28);
      expect(state.segments.filter((record) => (record.flags ?? []).length > 0)).toEqual([]);
    },
  );

  (hasApertium ? test : test.skip)(
    'apertium leaves the Korean story for a translator, names it, writes nothing of it, exit 1',
    async () => {
      const result = await runCli(
        ['translate', '--workspace', ws.dir, '--engine', 'apertium', path.join(ws.dir, 'articles/ko')],
        { env: { LANG: 'C', PATH: process.env.PATH ?? '' } },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `storyloc: ${path.join(ws.dir, 'articles/ko/queen-of-tears.md')}: left for a translator (ko→it): Apertium has no data to translate ko→it`,
      );
      expect(ws.files().filter((file) => file.startsWith('output/'))).toEqual([]);
    },
  );

  test('pseudo translates both stories; a rerun sends nothing', async () => {
    const first = await runCli(['translate', '--workspace', ws.dir, '--engine', 'pseudo', '--json'], {
      env: { LANG: 'C', PATH: process.env.PATH ?? '' },
    });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ engine: 'pseudo', segments: 52, reused: 0, untranslated: 0 });
    const second = await runCli(['translate', '--workspace', ws.dir, '--engine', 'pseudo', '--json'], {
      env: { LANG: 'C', PATH: process.env.PATH ?? '' },
    });
    expect(JSON.parse(second.stdout)).toMatchObject({ segments: 52, sent: 0, reused: 52, requests: 0 });
    expect(
      ws
        .files()
        .filter((file) => file.startsWith('output/it/'))
        .sort(),
    ).toEqual([
      'output/it/en/queen-of-tears.md',
      'output/it/en/queen-of-tears.md.diff',
      'output/it/en/queen-of-tears.md.state.json',
      'output/it/ko/queen-of-tears.md',
      'output/it/ko/queen-of-tears.md.diff',
      'output/it/ko/queen-of-tears.md.state.json',
    ]);
  });
});
