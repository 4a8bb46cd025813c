/**
 * The pull-request comment (`review --format markdown`) says, under each waiting segment that breaks the
 * glossary, what `storyloc check` says about it: the term and the form expected, with the rule and its
 * severity (check owns the wording). Through the CLI on a copy of the example workspace where a
 * translator renamed the drama in one sentence of the Italian by hand.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { initI18n } from '../../src/i18n/index.js';
import { renderReviewMarkdown, type ReviewSummary } from '../../src/review/pr-summary.js';
import { runCli } from '../support/run-cli.js';
import { copyExampleWorkspace, type TempWorkspace } from '../e2e/workspace.js';

const env = { LANG: 'C' };
const OUTPUT = 'output/it/en/queen-of-tears.md';
const KEPT = 'Secondo Good Data Corporation, *La regina delle lacrime* ha mantenuto il primo posto';
const BROKEN = 'Secondo Good Data Corporation, *La regina del pianto* ha mantenuto il primo posto';
const SOURCE =
  'According to Good Data Corporation, &lt;g id="1"&gt;Queen of Tears&lt;/g&gt; kept first place for six consecutive weeks.';
const CANDIDATE =
  'Secondo Good Data Corporation, &lt;g id="1"&gt;La regina <del>delle lacrime</del><ins>del pianto</ins>&lt;/g&gt; ' +
  'ha mantenuto il primo posto per sei settimane consecutive.';
let ws: TempWorkspace;

beforeAll(async () => {
  ws = copyExampleWorkspace();
  const output = ws.read(OUTPUT);
  expect(output).toContain(KEPT);
  writeFileSync(path.join(ws.dir, OUTPUT), output.replace(KEPT, BROKEN));
  // translate records the hand edit: the segment waits for review as edited
  expect((await runCli(['translate', '--engine', 'pseudo'], { cwd: ws.dir, env })).code).toBe(0);
});
afterAll(() => ws.remove());

const review = (...args: string[]) => runCli(['review', ...args], { cwd: ws.dir, env });

describe('the PR comment and the glossary', () => {
  test("the edited segment shows check's glossary finding: the term, the form expected, rule and severity", async () => {
    const result = await review('--format', 'markdown');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe('### storyloc review: 1 segment waiting for review (it)');
    const at = lines.findIndex((line) => line.startsWith('#### '));
    expect(lines.slice(at + 1)).toEqual([
      '',
      `- **Source:** ${SOURCE}`,
      `- **Approved:** ${CANDIDATE.replace('<del>delle lacrime</del><ins>del pianto</ins>', 'delle lacrime')}`,
      `- **Candidate:** ${CANDIDATE}`,
      '- **Glossary:** “Queen of Tears” must be translated as “La regina delle lacrime” (or an accepted variant) · `glossary-term` · error',
      '',
    ]);
    // the same words as storyloc check
    const check = await runCli(['check', '--format', 'json'], { cwd: ws.dir, env });
    const messages = (JSON.parse(check.stdout) as { violations: Array<{ rule: string; message: string }> }).violations
      .filter((violation) => violation.rule === 'glossary-term')
      .map((violation) => violation.message);
    expect(messages).toEqual([
      '“Queen of Tears” must be translated as “La regina delle lacrime” (or an accepted variant)',
    ]);
  });

  test('in Italian, and in the JSON for bots', async () => {
    const italian = await runCli(['review', '--format', 'markdown', '--ui-lang', 'it'], { cwd: ws.dir, env });
    expect(italian.stdout.split('\n').filter((line) => line.startsWith('- **Glossario:**'))).toEqual([
      '- **Glossario:** “Queen of Tears” va tradotto con “La regina delle lacrime” (o una variante accettata) · `glossary-term` · errore',
    ]);
    const json = JSON.parse((await review('--format', 'json')).stdout) as ReviewSummary;
    expect(json.articles.flatMap((article) => article.waiting.map((segment) => segment.glossary))).toEqual([
      [
        {
          rule: 'glossary-term',
          severity: 'error',
          entryId: 'queen-of-tears',
          message: '“Queen of Tears” must be translated as “La regina delle lacrime” (or an accepted variant)',
        },
      ],
    ]);
  });

  test('the glossary line counts toward the comment size cap: a segment that no longer fits is "…and 1 more"', async () => {
    const summary = JSON.parse((await review('--format', 'json')).stdout) as ReviewSummary;
    initI18n('en');
    const full = renderReviewMarkdown(summary);
    const glossaryLine = full.split('\n').find((line) => line.startsWith('- **Glossary:**'))!;
    const cut = renderReviewMarkdown(summary, { maxChars: full.length - glossaryLine.length });
    expect(cut.split('\n').filter((line) => line.startsWith('#### '))).toEqual([]);
    expect(cut.endsWith('\n…and 1 more segment waiting for review (run storyloc review to see every one).\n')).toBe(
      true,
    );
  });
});
