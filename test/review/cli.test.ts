import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli.js';
import { main } from '../../src/cli/main.js';
import { acquireWorkspaceLock } from '../../src/memory/lock.js';
import type { ArticleState } from '../../src/memory/types.js';
import { writeArticleState } from '../../src/memory/state-store.js';
import { fileHash } from '../../src/memory/records.js';
import { reassembleArticle } from '../../src/reassembly/reassemble.js';
import { ARTICLE_TEXT, readJson, writeReviewWorkspace, type ReviewFixture } from './fixture.js';

let dir: string;
let fx: ReviewFixture;
const env = { LANG: 'en_US.UTF-8' };
const cli = (...args: string[]) => runCli(['--workspace', dir, ...args], { cwd: dir, env });

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-review-cli-'));
  fx = await writeReviewWorkspace(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function recordOf(id: string) {
  return readJson<ArticleState>(fx.statePath).segments.find((r) => r.id === id)!;
}

describe('storyloc status', () => {
  test('counts per state and publishable, as a table', async () => {
    mkdirSync(path.join(dir, 'articles', 'ko'), { recursive: true });
    writeFileSync(path.join(dir, 'articles', 'ko', 'new.md'), '# 새 기사\n');
    const result = await cli('status');
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'article      untranslated  machine  edited  approved  rejected  stale  total  publishable\n' +
        'en/queen.md             0        4       1         2         0      1      8  no\n' +
        'ko/new.md               -        -       -         -         -      -      -  not translated\n',
    });
  });

  test('--json', async () => {
    const result = await cli('status', '--json', 'articles/en/queen.md');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      targetLang: 'it',
      articles: [
        {
          article: 'en/queen.md',
          targetLang: 'it',
          translated: true,
          counts: { untranslated: 0, machine: 4, edited: 1, approved: 2, rejected: 0, stale: 1 },
          total: 8,
          publishable: false,
        },
      ],
    });
  });

  test('an unconfigured target language is an input error', async () => {
    const result = await cli('status', '--to', 'de');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: The target language de is not in the config (targetLanguages: it).\n',
    });
  });
});

describe('storyloc review (terminal)', () => {
  test('shows each segment waiting for review with its changes and glossary terms', async () => {
    const result = await cli('review');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`en/queen.md → it: 6 to review

  [machine] line 2  ${fx.ids.title}
    source:           Queen of Tears <script>alert(1)</script> breaks records
    approved:         (none)
    candidate:        La regina delle lacrime <script>alert(1)</script> batte i record
    glossary:         ✓ Queen of Tears → La regina delle lacrime

  [machine] line 6  ${fx.ids.heading}
    source:           Queen of Tears finale
    approved:         (none)
    candidate:        Il finale di Regina di lacrime
    glossary:         ✗ Queen of Tears → La regina delle lacrime (found the forbidden “Regina di lacrime”)

  [stale] line 8  ${fx.ids.lead}
    source (changed): Kim Soo-hyun [-stars as -]{+plays +}<g id="1">Baek Hyun-woo</g> in <g id="2">Queen of Tears</g>.
    approved:         Kim Soo-hyun è <g id="1">Baek Hyun-woo</g> in <g id="2">La regina delle lacrime</g>.
    candidate:        Kim Soo-hyun [-è-]{+interpreta+} <g id="1">Baek Hyun-woo</g> in <g id="2">La regina delle lacrime</g>.
    glossary:         ✓ Kim Soo-hyun → Kim Soo-hyun
                      ✓ Queen of Tears → La regina delle lacrime

  [machine] line 10  ${fx.ids.aired}
    source:           The finale aired on tvN.
    approved:         (none)
    candidate:        Il finale è andato in onda su tvN.
    glossary:         ✓ tvN → tvN

  [edited] line 10  ${fx.ids.fans}
    source:           Fans cheered.
    approved:         (none)
    candidate:        I fan hanno esultato.

  [machine] line 14  ${fx.ids.hostile}
    source:           Readers wrote \\<img src=x onerror=alert(2)> in the comments.
    approved:         (none)
    candidate:        I lettori hanno scritto \\<img src=x onerror=alert(2)> nei commenti.

Segments to review: 6. Approve with \`storyloc approve ARTICLE --segment ID\` or \`--all\`.
`);
  });

  test('in Italian, with nothing left to review', async () => {
    await cli('approve', 'en/queen.md', '--all', '--force', '--by', 'Ana');
    const result = await runCli(['--workspace', dir, 'review', 'en/queen.md'], {
      cwd: dir,
      env: { LANG: 'it_IT.UTF-8' },
    });
    expect(result).toEqual({ code: 0, stdout: 'Niente da rivedere.\n', stderr: '' });
  });

  test('a port that is not a number is a localised input error (exit 2), like every other input error', async () => {
    expect(await cli('review', '--serve', '--port', 'abc')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: abc is not a port number (0 to 65535).\n',
    });
    const italian = await runCli(['--workspace', dir, '--ui-lang', 'it', 'review', '--serve', '--port', '70000'], {
      cwd: dir,
      env,
    });
    expect(italian).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: errore: 70000 non è un numero di porta (da 0 a 65535).\n',
    });
  });

  test('an unknown article is an input error', async () => {
    const result = await cli('review', 'en/missing.md');
    // the folder as from the current folder (the workspace), as every path storyloc prints (issue 17, item 6)
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: No article en/missing.md under articles.\n',
    });
  });
});

describe('storyloc approve / reject', () => {
  test('approves one segment with the approver and time; the output stays, the diff shrinks', async () => {
    const outputBefore = readFileSync(fx.outputPath, 'utf8');
    const started = Date.now();
    const result = await cli('approve', 'articles/en/queen.md', '--segment', fx.ids.aired, '--by', 'Giulia Rossi');
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: `approved ${fx.ids.aired}\nen/queen.md (it): 1 changed by Giulia Rossi, 0 refused\n`,
    });
    const record = recordOf(fx.ids.aired);
    expect(record).toEqual({
      ...fx.state.segments.find((r) => r.id === fx.ids.aired),
      state: 'approved',
      approvedTarget: 'Il finale è andato in onda su tvN.',
      approvedSource: 'The finale aired on tvN.',
      changedBy: 'Giulia Rossi',
      changedAt: record.changedAt,
    });
    expect(Date.parse(record.changedAt!)).toBeGreaterThanOrEqual(started - 1000);
    expect(record.changedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // every other record is untouched
    const others = readJson<ArticleState>(fx.statePath).segments.filter((r) => r.id !== fx.ids.aired);
    expect(others).toEqual(fx.state.segments.filter((r) => r.id !== fx.ids.aired));
    expect(readFileSync(fx.outputPath, 'utf8')).toBe(outputBefore);
    // the paragraph "The finale aired on tvN. Fans cheered." is half approved now
    expect(readFileSync(fx.diffPath, 'utf8')).toContain(
      '-Il finale è andato in onda su tvN. Fans cheered.\n+Il finale è andato in onda su tvN. I fan hanno esultato.\n',
    );
  });

  test('an unknown segment id: exit 2, a clear message, nothing changed', async () => {
    const stateBefore = readFileSync(fx.statePath, 'utf8');
    const result = await cli(
      'approve',
      'en/queen.md',
      '--segment',
      fx.ids.aired,
      '--segment',
      'p-doesnotexist',
      '--by',
      'G',
    );
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'storyloc: error: No segment p-doesnotexist in en/queen.md. Run `storyloc review en/queen.md` to see the segment ids.\n',
    });
    expect(readFileSync(fx.statePath, 'utf8')).toBe(stateBefore);
    expect(existsSync(fx.diffPath)).toBe(false);
  });

  test('an article with no state: exit 2, nothing written', async () => {
    writeFileSync(path.join(dir, 'articles', 'en', 'other.md'), ARTICLE_TEXT);
    const result = await cli('approve', 'en/other.md', '--all', '--by', 'G');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `storyloc: error: No translation state for en/other.md in it (${path.join('output', 'it', 'en', 'other.md.state.json')}). Run \`storyloc translate\` first.\n`,
    });
    expect(existsSync(path.join(dir, 'output', 'it', 'en', 'other.md.state.json'))).toBe(false);
  });

  test('neither --segment nor --all, or both: exit 2', async () => {
    expect(await cli('approve', 'en/queen.md')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'storyloc: error: Name the segments with --segment ID, or use --all.\n',
    });
    expect((await cli('reject', 'en/queen.md', '--all', '--segment', fx.ids.aired)).stderr).toBe(
      'storyloc: error: --segment and --all cannot be used together.\n',
    );
  });

  test('a failing glossary check refuses (exit 1) unless --force, which is recorded', async () => {
    const refused = await cli('approve', 'en/queen.md', '--segment', fx.ids.heading, '--by', 'G');
    expect(refused).toEqual({
      code: 1,
      stderr: '',
      stdout:
        `refused ${fx.ids.heading}: “Regina di lacrime” is forbidden for “Queen of Tears” (use “La regina delle lacrime”). Fix the translation, or approve with --force.\n` +
        'en/queen.md (it): 0 changed by G, 1 refused\n',
    });
    expect(recordOf(fx.ids.heading).state).toBe('machine');
    const forced = await cli('approve', 'en/queen.md', '--segment', fx.ids.heading, '--by', 'G', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(
      `approved ${fx.ids.heading} despite failing checks (forced, recorded)\nen/queen.md (it): 1 changed by G, 0 refused\n`,
    );
    expect(recordOf(fx.ids.heading)).toMatchObject({
      state: 'approved',
      forced: true,
      changedBy: 'G',
      approvedTarget: 'Il finale di Regina di lacrime',
    });
  });

  test('approval refuses exactly the segments `storyloc check` reports a glossary rule error for', async () => {
    // three kinds of glossary failure: a forbidden form (heading, from the fixture), the English title left
    // in a sentence whose source does not name it (fans), a do-not-translate name with other capitals (aired)
    const state = readJson<ArticleState>(fx.statePath);
    const targets: Record<string, string> = {
      [fx.ids.fans]: 'Queen of Tears: i fan hanno esultato.',
      [fx.ids.aired]: 'Il finale è andato in onda su TVN.',
    };
    const changed = {
      ...state,
      segments: state.segments.map((r) => (targets[r.id] ? { ...r, target: targets[r.id]! } : r)),
    };
    const output = reassembleArticle(
      fx.article,
      new Map(changed.segments.filter((r) => r.target !== null).map((r) => [r.id, r.target!])),
      'it',
    );
    writeFileSync(fx.outputPath, output);
    await writeArticleState(fx.statePath, { ...changed, outputHash: fileHash(output) });

    const check = await cli('check', '--format', 'json');
    const report = JSON.parse(check.stdout) as {
      violations: Array<{ rule: string; segmentId: string | null; severity: string }>;
    };
    const glossaryRules = ['glossary-term', 'forbidden-term', 'untranslated-term', 'do-not-translate'];
    const failingInCheck = report.violations
      .filter((v) => glossaryRules.includes(v.rule) && v.severity === 'error')
      .map((v) => `${v.segmentId} ${v.rule}`);
    expect(failingInCheck.sort()).toEqual(
      [
        `${fx.ids.aired} do-not-translate`,
        `${fx.ids.fans} untranslated-term`,
        `${fx.ids.heading} forbidden-term`,
      ].sort(),
    );

    const approve = await cli('approve', 'en/queen.md', '--all', '--by', 'G');
    expect(approve.code).toBe(1);
    expect(approve.stdout.split('\n').filter((line) => line.startsWith('refused'))).toEqual([
      `refused ${fx.ids.heading}: “Regina di lacrime” is forbidden for “Queen of Tears” (use “La regina delle lacrime”). Fix the translation, or approve with --force.`,
      `refused ${fx.ids.aired}: “TVN” is forbidden for “tvN” (use “tvN”). Fix the translation, or approve with --force.`,
      `refused ${fx.ids.fans}: “Queen of Tears” is left untranslated (use “La regina delle lacrime”). Fix the translation, or approve with --force.`,
    ]);
    const after = readJson<ArticleState>(fx.statePath).segments;
    expect(
      after
        .filter((r) => r.state !== 'approved')
        .map((r) => r.id)
        .sort(),
    ).toEqual([fx.ids.aired, fx.ids.fans, fx.ids.heading].sort());
  });

  test('--all approves what passes, lists what is refused, exit 1', async () => {
    const result = await cli('approve', 'en/queen.md', '--all', '--by', 'G');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `approved ${fx.ids.title}`,
      `refused ${fx.ids.heading}: “Regina di lacrime” is forbidden for “Queen of Tears” (use “La regina delle lacrime”). Fix the translation, or approve with --force.`,
      `approved ${fx.ids.lead}`,
      `approved ${fx.ids.aired}`,
      `approved ${fx.ids.fans}`,
      `approved ${fx.ids.hostile}`,
      'en/queen.md (it): 5 changed by G, 1 refused',
      '',
    ]);
    expect(readJson<ArticleState>(fx.statePath).segments.map((r) => r.state)).toEqual([
      'approved',
      'approved',
      'machine',
      'approved',
      'approved',
      'approved',
      'approved',
      'approved',
    ]);
    // only the heading still differs from the approved version
    expect(readFileSync(fx.diffPath, 'utf8')).toBe(`--- a/output/it/en/queen.md\tapproved
+++ b/output/it/en/queen.md\tcandidate
@@ -4,7 +4,7 @@
 lang: it
 ---
 
-# Queen of Tears finale
+# Il finale di Regina di lacrime
 
 Kim Soo-hyun interpreta **Baek Hyun-woo** in *La regina delle lacrime*.
 
`);
  });

  test('reject records the reviewer; the target stays', async () => {
    const result = await cli('reject', 'en/queen.md', '--segment', fx.ids.fans, '--by', 'Marco');
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: `rejected ${fx.ids.fans}\nen/queen.md (it): 1 changed by Marco, 0 refused\n`,
    });
    expect(recordOf(fx.ids.fans)).toMatchObject({
      state: 'rejected',
      target: 'I fan hanno esultato.',
      changedBy: 'Marco',
    });
  });

  test('while a translate run holds the workspace lock: exit 2, nothing changed', async () => {
    const stateBefore = readFileSync(fx.statePath, 'utf8');
    const lock = acquireWorkspaceLock(dir);
    try {
      const result = await cli('approve', 'en/queen.md', '--all', '--by', 'G');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Another storyloc run (process ${process.pid})`);
    } finally {
      lock.release();
    }
    expect(readFileSync(fx.statePath, 'utf8')).toBe(stateBefore);
  });
});

describe('storyloc review --serve (process level)', () => {
  test('a port in use: exit 2 with a clear message', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await cli('review', '--serve', '--port', String(port));
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: `storyloc: error: Port ${port} on 127.0.0.1 is in use. Choose another with --port N, or omit --port to use any free port.\n`,
      });
    } finally {
      blocker.close();
    }
  });

  test('prints the URL with its token, serves it, and stops on Ctrl-C (abort) with exit 0', async () => {
    const controller = new AbortController();
    let stdout = '';
    let announce: (url: string) => void = () => undefined;
    const announced = new Promise<string>((resolve) => (announce = resolve));
    const running = main(['--workspace', dir, 'review', '--serve', '--by', 'Tester'], {
      stdout: {
        write: (text) => {
          stdout += text;
          const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(text)?.[0];
          if (url) announce(url);
        },
        isTTY: false,
      },
      stderr: { write: () => undefined, isTTY: false },
      cwd: dir,
      env,
      signal: controller.signal,
    });
    const url = await announced;
    expect(new URL(url).searchParams.get('token')).toMatch(/^[\w-]{32}$/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('>en/queen.md</a>');
    controller.abort();
    expect(await running).toBe(0);
    expect(stdout).toBe(
      `Review page: ${url}\nOnly this computer can open it; the link carries a secret token. Press Ctrl-C to stop.\nReview page stopped.\n`,
    );
  });
});
