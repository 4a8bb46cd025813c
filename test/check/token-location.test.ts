/**
 * Findings point at the token (issue 12, case 6), through the CLI on a temporary copy of the example
 * workspace: a number changed by hand in the Italian output is reported in the output file at the
 * column of the new number, not at the start of its segment; a hand edit that keeps the source's numbers
 * has no number finding; and when the output is not the rendering of the state (the source changed
 * since), the text at fault is still shown in the output file, the source text in the source article.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { runCli } from '../support/run-cli.js';
import { copyExampleWorkspace, type TempWorkspace } from '../e2e/workspace.js';

const EN = 'output/it/en/queen-of-tears.md';
let ws: TempWorkspace | undefined;
afterEach(() => ws?.remove());

function edit(relative: string, find: string, replace: string): void {
  const file = path.join(ws!.dir, relative);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(find)) throw new Error(`edit not found in ${relative}: ${find}`);
  writeFileSync(file, text.split(find).join(replace));
}

/** exit code and `severity rule file:line:column[-endColumn]` of every finding, from the JSON report */
async function check(): Promise<{ code: number; findings: string[] }> {
  const result = await runCli(['check', '--workspace', ws!.dir, '--format', 'json'], {
    cwd: ws!.dir,
    env: { LANG: 'C' },
  });
  const report = JSON.parse(result.stdout) as {
    violations: Array<{
      severity: string;
      rule: string;
      file: string;
      line: number;
      column: number;
      endColumn?: number;
    }>;
  };
  return {
    code: result.code,
    findings: report.violations.map(
      (v) =>
        `${v.severity} ${v.rule} ${v.file}:${v.line}:${v.column}${v.endColumn === undefined ? '' : `-${v.endColumn}`}`,
    ),
  };
}

describe('storyloc check: findings at the token', () => {
  test('an 11 changed to 13 in a heading of the Italian output: at the 13 (9:61), not at the heading (9:3)', async () => {
    ws = copyExampleWorkspace();
    edit(
      EN,
      '# “La regina delle lacrime”: dietro le quinte degli episodi 11 e 12',
      '# “La regina delle lacrime”: dietro le quinte degli episodi 13 e 12',
    );
    expect(ws.read(EN).split('\n')[8]!.indexOf('13') + 1).toBe(61);
    expect(await check()).toEqual({
      code: 1,
      findings: [`warning not-approved ${EN}:9:3`, `error numbers ${EN}:9:61-63`],
    });
  });

  test('numbers in words: "undici e dodici" for 11 and 12 pass; "nove" for 12 is reported at the word', async () => {
    ws = copyExampleWorkspace();
    edit(EN, 'degli episodi 11 e 12 del drama', 'degli episodi undici e dodici del drama');
    expect((await check()).findings).toEqual([`warning not-approved ${EN}:11:1`]);
    edit(EN, 'degli episodi undici e dodici del drama', 'degli episodi undici e nove del drama');
    expect((await check()).findings).toEqual([`warning not-approved ${EN}:11:1`, `error numbers ${EN}:11:50-54`]);
  });

  test('an edited segment whose Italian keeps the source numbers has no number finding', async () => {
    ws = copyExampleWorkspace();
    edit(EN, 'dietro le quinte degli episodi 11 e 12', 'dietro le quinte delle puntate 11 e 12');
    expect(await check()).toEqual({
      code: 0,
      findings: [`warning not-approved ${EN}:9:3`, `warning not-approved ${EN}:11:1`],
    });
  });

  test('an output out of date (source changed elsewhere): the number in the output file, the new sentence in the source', async () => {
    ws = copyExampleWorkspace();
    // a translation whose state and output say 13 where the source says 11 …
    for (const file of [EN, `${EN}.state.json`])
      edit(file, 'Un video dietro le quinte degli episodi 11 e 12', 'Un video dietro le quinte degli episodi 13 e 12');
    // … then the source is edited elsewhere: the output is out of date and is not the rendering of the state
    edit('articles/en/queen-of-tears.md', 'her rare illness.', 'her rare disease.');
    expect(await check()).toEqual({
      code: 1,
      findings: [
        'error untranslated-segment articles/en/queen-of-tears.md:14:143',
        `error numbers ${EN}:11:41-43`,
        `error output-sync ${EN}:14:164`,
      ],
    });
  });
});
