/** The pull-request summaries: `review --format markdown|json`, `status --format markdown`, and their size cap. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../src/config/load.js';
import { initI18n } from '../../src/i18n/index.js';
import {
  buildReviewSummary,
  escapeMarkdown,
  renderReviewMarkdown,
  type ReviewSummary,
} from '../../src/review/pr-summary.js';
import { ReviewWorkspace } from '../../src/review/workspace.js';
import { runCli } from '../support/run-cli.js';
import { copyExampleWorkspace, type TempWorkspace } from '../e2e/workspace.js';

const env = { LANG: 'C' };
let ws: TempWorkspace;
let summary: ReviewSummary;

beforeAll(async () => {
  // the example workspace, every segment approved; a new glossary term makes 8 of them stale
  ws = copyExampleWorkspace();
  expect(
    (
      await runCli(
        [
          'glossary',
          'add',
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
        ],
        { cwd: ws.dir, env },
      )
    ).code,
  ).toBe(0);
  expect((await runCli(['translate', '--engine', 'pseudo'], { cwd: ws.dir, env })).code).toBe(0);
  initI18n('en');
  summary = buildReviewSummary(new ReviewWorkspace(loadConfig({ cwd: ws.dir }), 'it', ws.dir));
});
afterAll(() => ws.remove());

describe('review summary for pull requests', () => {
  test('the data: counts per story, and each waiting segment with source, approved text, candidate and the word change', () => {
    expect(summary.waiting).toBe(8);
    expect(
      summary.articles.map((article) => [
        article.article,
        article.counts.approved,
        article.counts.stale,
        article.waiting.length,
        article.publishable,
      ]),
    ).toEqual([
      ['en/queen-of-tears.md', 24, 4, 4, false],
      ['ko/queen-of-tears.md', 20, 4, 4, false],
    ]);
    const first = summary.articles[0]!.waiting[0]!;
    expect(first.id).toBe('fm-abc719412080');
    expect(first.source).toBe('A tvN behind-the-scenes clip shows the lead couple of the weekend drama off camera.');
    expect(first.previous?.approved).toBe(true);
    // the change is exactly the approved text turned into the candidate
    const oldText = first
      .change!.filter((part) => part.change !== 'added')
      .map((part) => part.text)
      .join('');
    const newText = first
      .change!.filter((part) => part.change !== 'removed')
      .map((part) => part.text)
      .join('');
    expect([oldText, newText]).toEqual([first.previous!.text, first.candidate]);
    expect(
      first
        .change!.filter((part) => part.change === 'added')
        .map((part) => part.text)
        .join(' '),
    ).toContain('serie');
  });

  test('review --format json prints the same data', async () => {
    const result = await runCli(['review', '--format', 'json'], { cwd: ws.dir, env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(summary)));
  });

  test("review --format markdown: the table, then each story's segments, all of them when they fit", async () => {
    const result = await runCli(['review', '--format', 'markdown'], { cwd: ws.dir, env });
    expect(result.stdout).toBe(renderReviewMarkdown(summary));
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '<!-- storyloc-review -->',
      '### storyloc review: 8 segments waiting for review (it)',
      '',
      '| Story | untranslated | machine | edited | approved | rejected | stale | total | publishable |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      '| `en/queen-of-tears.md` | 0 | 0 | 0 | 24 | 0 | 4 | 28 | no |',
      '| `ko/queen-of-tears.md` | 0 | 0 | 0 | 20 | 0 | 4 | 24 | no |',
    ]);
    expect(lines.filter((line) => line.startsWith('#### ')).length).toBe(8);
    expect(lines.filter((line) => line.startsWith('### `')).map((line) => line)).toEqual([
      '### `en/queen-of-tears.md` → it: 4 segments waiting',
      '### `ko/queen-of-tears.md` → it: 4 segments waiting',
    ]);
    expect(result.stdout).not.toContain('more segments');
  });

  test('capped by segments: "…and N more"', () => {
    const text = renderReviewMarkdown(summary, { maxSegments: 3 });
    expect(text.split('\n').filter((line) => line.startsWith('#### ')).length).toBe(3);
    expect(text.endsWith('\n…and 5 more segments waiting for review (run storyloc review to see every one).\n')).toBe(
      true,
    );
  });

  test('capped by size: under the limit, whole segments only', () => {
    const full = renderReviewMarkdown(summary);
    const limit = Math.floor(full.length / 2);
    const text = renderReviewMarkdown(summary, { maxChars: limit });
    const shown = text.split('\n').filter((line) => line.startsWith('#### ')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(8);
    const body = text.slice(0, text.lastIndexOf('…and'));
    expect(body.length).toBeLessThanOrEqual(limit + 1);
    expect(full.startsWith(body)).toBe(true);
    expect(
      text.endsWith(`…and ${8 - shown} more segments waiting for review (run storyloc review to see every one).\n`),
    ).toBe(true);
  });

  test('text is escaped for Markdown and HTML, tags shown as typed, line breaks kept', () => {
    expect(escapeMarkdown('a <g id="1">*b*</g> | c_d [e](f) & `g`\n#h ~i~ \\')).toBe(
      'a &lt;g id="1"&gt;\\*b\\*&lt;/g&gt; \\| c\\_d \\[e\\](f) &amp; \\`g\\`<br>\\#h \\~i\\~ \\\\',
    );
  });

  test('status --format markdown: the table and how many stories can be published', async () => {
    const result = await runCli(['status', '--format', 'markdown'], { cwd: ws.dir, env });
    expect(result.stdout.split('\n').slice(1)).toEqual([
      '### storyloc status (it)',
      '',
      '| Story | untranslated | machine | edited | approved | rejected | stale | total | publishable |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      '| `en/queen-of-tears.md` | 0 | 0 | 0 | 24 | 0 | 4 | 28 | no |',
      '| `ko/queen-of-tears.md` | 0 | 0 | 0 | 20 | 0 | 4 | 24 | no |',
      '',
      '0 of 2 stories can be published (every segment approved).',
      '',
    ]);
    const json = await runCli(['status', '--format', 'json'], { cwd: ws.dir, env });
    expect(json.stdout).toBe((await runCli(['status', '--json'], { cwd: ws.dir, env })).stdout);
  });

  test('in Italian with --ui-lang it', async () => {
    const result = await runCli(['review', '--format', 'markdown', '--ui-lang', 'it'], { cwd: ws.dir, env });
    expect(result.stdout.split('\n')[1]).toBe('### storyloc review: 8 segmenti da rivedere (it)');
  });
});
