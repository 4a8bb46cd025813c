import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { approvedBaseline, reviewDiffPathFor, writeReviewDiff } from '../../src/review/diff-file.js';
import { approveSegments } from '../../src/review/approval.js';
import { noTerms } from '../../src/review/term-findings.js';
import { writeReviewWorkspace, type ReviewFixture } from './fixture.js';

const EXPECTED_DIFF = `--- a/output/it/en/queen.md\tapproved
+++ b/output/it/en/queen.md\tcandidate
@@ -1,15 +1,15 @@
 ---
-title: "Queen of Tears <script>alert(1)</script> breaks records"
+title: "La regina delle lacrime <script>alert(1)</script> batte i record"
 summary: Una clip di tvN
 lang: it
 ---
 
-# Queen of Tears finale
+# Il finale di Regina di lacrime
 
-Kim Soo-hyun è **Baek Hyun-woo** in *La regina delle lacrime*.
+Kim Soo-hyun interpreta **Baek Hyun-woo** in *La regina delle lacrime*.
 
-The finale aired on tvN. Fans cheered.
+Il finale è andato in onda su tvN. I fan hanno esultato.
 
 Guarda la clip [su YouTube](https://youtube.com/watch?v=x) oggi.
 
-Readers wrote \\<img src=x onerror=alert(2)> in the comments.
+I lettori hanno scritto \\<img src=x onerror=alert(2)> nei commenti.
`;

let dir: string;
let fx: ReviewFixture;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-diff-'));
  fx = await writeReviewWorkspace(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('review diff file', () => {
  test('lives beside the output as <article path>.diff', () => {
    expect(reviewDiffPathFor(fx.config, 'en/queen.md', 'it')).toBe(
      path.join(dir, 'output', 'it', 'en', 'queen.md.diff'),
    );
  });

  test('diffs the approved baseline (approved targets, source elsewhere) against the candidate', async () => {
    const candidate = readFileSync(fx.outputPath, 'utf8');
    const result = await writeReviewDiff({ config: fx.config, article: fx.article, state: fx.state, candidate });
    expect(result).toEqual({ file: fx.diffPath, written: true, removed: false, diff: EXPECTED_DIFF });
    expect(readFileSync(fx.diffPath, 'utf8')).toBe(EXPECTED_DIFF);
  });

  test('a diff file that is a link leaving the workspace is refused naming it; one staying inside is read', async () => {
    const candidate = readFileSync(fx.outputPath, 'utf8');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'storyloc-diff-outside-'));
    try {
      writeFileSync(path.join(outside, 'other.diff'), 'not ours\n');
      symlinkSync(path.join(outside, 'other.diff'), fx.diffPath);
      await expect(
        writeReviewDiff({ config: fx.config, article: fx.article, state: fx.state, candidate }),
      ).rejects.toMatchObject({ code: 'path.symlinkOutside', params: expect.objectContaining({ link: fx.diffPath }) });
      expect(readFileSync(path.join(outside, 'other.diff'), 'utf8')).toBe('not ours\n');
      rmSync(fx.diffPath);
      writeFileSync(path.join(dir, 'kept.diff'), EXPECTED_DIFF);
      symlinkSync(path.join(dir, 'kept.diff'), fx.diffPath);
      const result = await writeReviewDiff({ config: fx.config, article: fx.article, state: fx.state, candidate });
      expect(result).toEqual({ file: fx.diffPath, written: false, removed: false, diff: EXPECTED_DIFF });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a rerun with the same inputs does not rewrite the file', async () => {
    const candidate = readFileSync(fx.outputPath, 'utf8');
    await writeReviewDiff({ config: fx.config, article: fx.article, state: fx.state, candidate });
    const before = statSync(fx.diffPath).mtimeMs;
    const again = await writeReviewDiff({ config: fx.config, article: fx.article, state: fx.state, candidate });
    expect(again.written).toBe(false);
    expect(again.diff).toBe(EXPECTED_DIFF);
    expect(statSync(fx.diffPath).mtimeMs).toBe(before);
  });

  test('when everything is approved there is no diff, and an old one is removed', async () => {
    const candidate = readFileSync(fx.outputPath, 'utf8');
    await writeReviewDiff({ config: fx.config, article: fx.article, state: fx.state, candidate });
    const approved = approveSegments(fx.state, 'all', {
      actor: { name: 'A', at: '2024-01-01T00:00:00.000Z' },
      force: true,
      checkTerms: noTerms,
    }).state;
    expect(approvedBaseline(fx.article, approved)).toBe(candidate);
    const result = await writeReviewDiff({ config: fx.config, article: fx.article, state: approved, candidate });
    expect(result).toEqual({ file: fx.diffPath, written: false, removed: true, diff: null });
    expect(existsSync(fx.diffPath)).toBe(false);
    const none = await writeReviewDiff({ config: fx.config, article: fx.article, state: approved, candidate });
    expect(none).toEqual({ file: fx.diffPath, written: false, removed: false, diff: null });
  });

  test('an approved target whose tags no longer fit its segment falls back to the source', () => {
    const state = structuredClone(fx.state);
    const clip = state.segments.find((r) => r.id === fx.ids.clip)!;
    clip.target = 'Guarda la clip oggi.';
    clip.approvedTarget = 'Guarda la clip oggi.';
    expect(approvedBaseline(fx.article, state)).toContain(
      '\nWatch the clip [on YouTube](https://youtube.com/watch?v=x) today.\n',
    );
  });
});
