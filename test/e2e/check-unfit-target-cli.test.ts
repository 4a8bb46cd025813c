/**
 * `storyloc check` on a translation with a target whose tags do not fit its source (flagged
 * `tags.mismatch`, as Apertium's "Primo</span> 70.81% episodio <g id="1">più alto …" was): the output
 * shows the source text for it (persist.ts), while the rules read the target. A finding in that target
 * (the English number format) used to crash check with "Unexpected error: … unexpected </g>" when its
 * place, put into the source text, fell inside a tag; it is now reported at the segment in the article.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, type TempWorkspace } from './workspace.js';

const SOURCE_LINE = 'Highest **first** 70.81% episode premiere.';
const STORY = ['---', 'title: The premiere', 'lang: en', '---', '', SOURCE_LINE, ''].join('\n');
const STATE = 'output/it/en/story.md.state.json';
const OUTPUT = 'output/it/en/story.md';

let ws: TempWorkspace;
beforeEach(() => {
  ws = copyWorkspace();
  for (const lang of ['en', 'ko']) rmSync(path.join(ws.dir, 'articles', lang), { recursive: true, force: true });
  mkdirSync(path.join(ws.dir, 'articles', 'en'), { recursive: true });
  writeFileSync(path.join(ws.dir, 'articles', 'en', 'story.md'), STORY);
});
afterEach(() => ws.remove());

const cli = (args: string[]) => runCli([...args, '--workspace', ws.dir], { env: { LANG: 'C' }, cwd: ws.dir });

describe('check with a target whose tags do not fit', () => {
  test('a finding in it that cannot be marked in the output is reported at the segment, not a crash', async () => {
    expect((await cli(['translate', '--engine', 'pseudo'])).code).toBe(0);
    // what the pipeline records for an engine answer whose tags do not fit, and the output it writes
    const state = ws.state(STATE);
    const record = state.segments.find((segment) => segment.source.startsWith('Highest'))!;
    const broken = 'Primo</span> 70.81% episodio <g id="1">più alto premiere.';
    Object.assign(record, { target: broken, engine: 'apertium', flags: ['tags.mismatch'] });
    writeFileSync(path.join(ws.dir, STATE), `${JSON.stringify(state, null, 2)}\n`);
    const output = ws.read(OUTPUT).split('\n');
    const paragraph = output.findIndex((line) => line.includes('70.81%'));
    output[paragraph] = SOURCE_LINE;
    writeFileSync(path.join(ws.dir, OUTPUT), output.join('\n'));

    const run = await cli(['check', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { violations: Array<Record<string, unknown>> };
    const numbers = report.violations.filter((violation) => violation.rule === 'numbers');
    expect(numbers).toEqual([
      expect.objectContaining({
        file: 'articles/en/story.md',
        line: 6,
        column: 1,
        message: expect.stringContaining('70.81%'),
        suggestion: '70,81%',
      }),
    ]);
    expect(report.violations.filter((violation) => violation.rule === 'flagged-segment')).toHaveLength(1);
  });
});
