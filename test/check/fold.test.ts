/**
 * `check` output at scale (issue 13): a warning on most segments of a file is one line per file in
 * `text` and `github`, with a count; errors are never folded; `json` keeps every location.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { foldRepeatedWarnings } from '../../src/check/reporters/fold.js';
import type { Violation } from '../../src/check/types.js';
import { initI18n } from '../../src/i18n/index.js';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, type TempWorkspace } from '../e2e/workspace.js';

const violation = (
  line: number,
  severity: 'error' | 'warning',
  rule = 'not-approved',
  file = 'output/it/en/a.md',
): Violation => ({
  rule,
  severity,
  file,
  line,
  column: 1,
  segmentId: `s${line}`,
  message: 'machine translation not reviewed yet',
});

describe('foldRepeatedWarnings', () => {
  beforeEach(() => {
    initI18n('en');
  });

  test('five warnings of one rule and message in one file become the first, with a count', () => {
    const folded = foldRepeatedWarnings([1, 2, 3, 4, 5].map((line) => violation(line, 'warning')));
    expect(folded).toEqual([
      {
        ...violation(1, 'warning'),
        message:
          'machine translation not reviewed yet (and 4 more like it in this file; every location in --format json, junit or sarif)',
      },
    ]);
  });

  test('four are listed one by one; errors and other files are never folded together', () => {
    const four = [1, 2, 3, 4].map((line) => violation(line, 'warning'));
    expect(foldRepeatedWarnings(four)).toEqual(four);
    const errors = [1, 2, 3, 4, 5, 6].map((line) => violation(line, 'error'));
    expect(foldRepeatedWarnings(errors)).toEqual(errors);
    const spread = [1, 2, 3].flatMap((line) => [
      violation(line, 'warning', 'not-approved', 'a.md'),
      violation(line, 'warning', 'not-approved', 'b.md'),
    ]);
    expect(foldRepeatedWarnings(spread)).toEqual(spread);
  });
});

describe('storyloc check on a freshly translated workspace', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = copyWorkspace();
    writeFileSync(
      path.join(ws.dir, 'articles', 'en', 'long.md'),
      `${Array.from({ length: 30 }, (_, i) => `Paragraph number ${i + 1} of the story.`).join('\n\n')}\n`,
    );
    expect(
      (await runCli(['translate', '--workspace', ws.dir, '--engine', 'pseudo'], { env: { LANG: 'C' } })).code,
    ).toBe(0);
  });
  afterEach(() => ws.remove());

  test('text: one not-approved line per file with its count; the summary counts every warning', async () => {
    const result = await runCli(['check', '--workspace', ws.dir, '--fail-on', 'error'], { env: { LANG: 'C' } });
    const lines = result.stdout.split('\n');
    const notApproved = lines.filter((line) => line.includes('not-approved'));
    expect(notApproved).toHaveLength(4);
    expect(notApproved.find((line) => line.includes('output/it/en/long.md'))).toMatch(
      /^ {2}output\/it\/en\/long\.md:1:1 +warning +not-approved +machine translation not reviewed yet \(and 29 more like it in this file; every location in --format json, junit or sarif\)$/,
    );
    const json = JSON.parse(
      (await runCli(['check', '--workspace', ws.dir, '--format', 'json'], { env: { LANG: 'C' } })).stdout,
    ) as { violations: Array<{ rule: string; file: string }> };
    const longWarnings = json.violations.filter((v) => v.rule === 'not-approved' && v.file === 'output/it/en/long.md');
    expect(longWarnings).toHaveLength(30);
    const total = json.violations.filter((v) => v.rule === 'not-approved').length;
    expect(lines.at(-2)).toContain(`${total} warnings`);
  });

  test('github: one ::warning per file for the repeated warning', async () => {
    const result = await runCli(['check', '--workspace', ws.dir, '--format', 'github'], { env: { LANG: 'C' } });
    const annotations = result.stdout.split('\n').filter((line) => line.includes('title=not-approved'));
    expect(annotations.map((line) => /file=([^,]+)/.exec(line)![1])).toEqual([
      'output/it/en/finale.md',
      'output/it/en/long.md',
      'output/it/en/set.md',
      'output/it/ko/interview.md',
    ]);
    expect(annotations[1]).toContain('::machine translation not reviewed yet (and 29 more like it in this file');
  });
});
