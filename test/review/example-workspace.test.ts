/**
 * The review stage on a copy of the example workspace, translated by the real pipeline (pseudo
 * engine, offline): review, an edit through the page, a rerun of translate that must keep the edit
 * (not take it for a translator's edit in the output), approval of everything, and the diff file.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli.js';
import { loadConfig } from '../../src/config/load.js';
import { startReviewServer } from '../../src/review/server.js';
import { ReviewWorkspace } from '../../src/review/workspace.js';
import { segmentRevision } from '../../src/review/approval.js';
import { toEditableText } from '../../src/review/tagged-text.js';
import type { ArticleState } from '../../src/memory/types.js';
import { readJson } from './fixture.js';

const EXAMPLE = path.resolve('.');
const ARTICLE = 'en/queen-of-tears.md';
let dir: string;
const env = { LANG: 'en_US.UTF-8' };
const cli = (...args: string[]) => runCli(['--workspace', dir, ...args], { cwd: dir, env });
const statePath = () => path.join(dir, 'output', 'it', 'en', 'queen-of-tears.md.state.json');
const outputPath = () => path.join(dir, 'output', 'it', 'en', 'queen-of-tears.md');
const diffPath = () => `${outputPath()}.diff`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-review-example-'));
  for (const item of ['articles', 'glossary', 'storyloc.config.yaml'])
    cpSync(path.join(EXAMPLE, item), path.join(dir, item), { recursive: true });
  const translated = await cli('translate', '--engine', 'pseudo');
  expect(translated.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('review on the example workspace', () => {
  test('after translate: every segment is machine, a diff file exists, review lists them all', async () => {
    const state = readJson<ArticleState>(statePath());
    expect(state.segments.every((r) => r.state === 'machine')).toBe(true);
    expect(readFileSync(diffPath(), 'utf8')).toMatch(
      /^--- a\/output\/it\/en\/queen-of-tears\.md\tapproved\n\+\+\+ b\/output\/it\/en\/queen-of-tears\.md\tcandidate\n@@ /,
    );
    const review = await cli('review', ARTICLE);
    expect(review.code).toBe(0);
    expect(review.stdout.split('\n')[0]).toBe(`${ARTICLE} → it: ${state.segments.length} to review`);
    for (const record of state.segments)
      expect(review.stdout).toContain(`  [machine] line ${record.line}  ${record.id}\n`);
  });

  test('an edit made on the page survives the next translate run, which sees no human edit in the output', async () => {
    const before = readJson<ArticleState>(statePath());
    const record = before.segments.find(
      (r) => r.kind === 'paragraph' && r.target !== null && r.source.includes('<g id="1">'),
    )!;
    const edited = toEditableText(record.target!).replace(/⟦|~+⟧/g, '');
    const server = await startReviewServer({
      workspace: new ReviewWorkspace(loadConfig({ workspace: dir }), 'it', dir),
      approver: 'Editor',
      port: 0,
      defaultUi: 'en',
    });
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/action?token=${server.token}`, {
        method: 'POST',
        body: new URLSearchParams({
          a: ARTICLE,
          op: 'edit',
          seg: record.id,
          base: segmentRevision(record),
          text: edited,
        }),
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
    } finally {
      await server.close();
    }
    const output = readFileSync(outputPath(), 'utf8');
    const rerun = await cli('translate', '--engine', 'pseudo', '--json');
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ human_edits: 0 });
    const after = readJson<ArticleState>(statePath()).segments.find((r) => r.id === record.id)!;
    expect(after).toMatchObject({ state: 'edited', engine: 'human', changedBy: 'Editor' });
    expect(readFileSync(outputPath(), 'utf8')).toBe(output);
  });

  test('approve --all --force: all approved, the diff file is gone, but pseudo output is never publishable', async () => {
    const approved = await cli('approve', ARTICLE, '--all', '--force', '--by', 'Caporedattrice');
    expect(approved.code).toBe(0);
    const status = JSON.parse((await cli('status', '--json')).stdout) as {
      articles: Array<{ article: string; total: number; publishable: boolean; counts: Record<string, number> }>;
    };
    const en = status.articles.find((a) => a.article === ARTICLE)!;
    // every target came from the pseudo engine: a test engine's output is never publishable (issue 12, case 5)
    expect(en.publishable).toBe(false);
    expect(en.counts.approved).toBe(en.total);
    const ko = status.articles.find((a) => a.article === 'ko/queen-of-tears.md')!;
    expect(ko.publishable).toBe(false);
    expect(ko.counts.machine).toBe(ko.total);
    expect(existsSync(diffPath())).toBe(false);
    expect(
      readJson<ArticleState>(statePath()).segments.every(
        (r) => r.state === 'approved' && r.changedBy === 'Caporedattrice',
      ),
    ).toBe(true);
  });
});
