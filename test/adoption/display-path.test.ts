/** Paths in messages: relative to the current folder inside the workspace (as git prints them), absolute outside. */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { displayPath } from '../../src/display-path.js';
import { runCli } from '../support/run-cli.js';
import { copyExampleWorkspace, repoRoot, type TempWorkspace } from '../e2e/workspace.js';

describe('displayPath', () => {
  const workspaceDir = '/news/ws';
  const cases: Array<[string, string, string]> = [
    ['/news/ws', '/news/ws/glossary/terms.yaml', 'glossary/terms.yaml'],
    ['/news/ws/articles', '/news/ws/glossary/terms.yaml', '../glossary/terms.yaml'],
    ['/news/ws/articles/en', 'story.md', 'story.md'],
    ['/news/ws/articles', '/news/ws', '..'],
    ['/news/ws', '/news/ws', '.'],
    ['/news/ws/articles', '/tmp/x.md', '/tmp/x.md'],
    ['/news/ws', '../other/x.md', '/news/other/x.md'],
    // the current folder outside the workspace (--workspace from elsewhere): below it relative, else absolute
    ['/news', '/news/ws/articles/en/a.md', 'ws/articles/en/a.md'],
    ['/elsewhere', '/news/ws/glossary/terms.yaml', '/news/ws/glossary/terms.yaml'],
  ];
  test.each(cases)('from %s: %s → %s', (cwd, file, shown) => {
    expect(displayPath(file, { cwd, workspaceDir })).toBe(shown);
  });

  test('outside any workspace: relative below the current folder, absolute elsewhere', () => {
    expect(displayPath('/home/a/x/y.md', { cwd: '/home/a' })).toBe('x/y.md');
    expect(displayPath('/tmp/x.md', { cwd: '/home/a' })).toBe('/tmp/x.md');
  });
});

describe('paths in command messages', () => {
  let ws: TempWorkspace;
  let outside: string;
  beforeEach(() => {
    ws = copyExampleWorkspace();
    outside = mkdtempSync(path.join(os.tmpdir(), 'storyloc-outside-'));
  });
  afterEach(() => {
    ws.remove();
    rmSync(outside, { recursive: true, force: true });
  });

  test('a story outside the workspace is named as typed, the articles folder relative to the current folder', async () => {
    const story = path.join(outside, 'x.md');
    writeFileSync(story, '# Hi\n');
    const result = await runCli(['translate', '--engine', 'pseudo', '--dry-run', story], {
      cwd: ws.dir,
      env: { LANG: 'C' },
    });
    expect(result.stderr).toBe(`storyloc: error: ${story}: the file is outside the articles folder articles\n`);
    expect(result.code).toBe(2);
  });

  test('glossary lint from a subfolder: workspace files relative (../glossary/…), a file elsewhere absolute', async () => {
    const extra = path.join(outside, 'extra.yaml');
    writeFileSync(extra, 'entries:\n  - id: x\n');
    writeFileSync(path.join(ws.dir, 'glossary', 'zz.yaml'), 'entries:\n  - id: y\n');
    const result = await runCli(['glossary', 'lint', extra, '../glossary/zz.yaml'], {
      cwd: path.join(ws.dir, 'articles'),
      env: { LANG: 'C' },
    });
    const places = result.stdout
      .split('\n')
      .filter((line) => line.includes(': error: '))
      .map((line) => line.slice(0, line.indexOf(': error')));
    expect([...new Set(places)]).toEqual([`${extra}:2:5`, '../glossary/zz.yaml:2:5']);
  });
});

describe('error lines name the file as typed from the current folder', () => {
  test('a config error seen from articles/: ../storyloc.config.yaml with line and column', async () => {
    const ws = copyExampleWorkspace();
    try {
      writeFileSync(path.join(ws.dir, 'storyloc.config.yaml'), 'queue:\n  concurrency: many\n');
      const inside = await runCli(['status'], { cwd: path.join(ws.dir, 'articles'), env: { LANG: 'C' } });
      expect(inside.stderr).toBe(
        'storyloc: error: ../storyloc.config.yaml:2:16: queue.concurrency: expected a number from 1 to 64\n',
      );
      // from elsewhere (not above it) with --workspace: the absolute path, not ../../
      const elsewhere = await runCli(['status', '--workspace', ws.dir], { cwd: repoRoot, env: { LANG: 'C' } });
      expect(elsewhere.stderr).toBe(
        `storyloc: error: ${ws.dir}/storyloc.config.yaml:2:16: queue.concurrency: expected a number from 1 to 64\n`,
      );
      expect([inside.code, elsewhere.code]).toEqual([2, 2]);
    } finally {
      ws.remove();
    }
  });
});

test('translate names an output it cannot map back relative to the current folder', async () => {
  const ws = copyExampleWorkspace();
  try {
    rmSync(path.join(ws.dir, 'output/it/en/queen-of-tears.md.state.json'));
    const result = await runCli(['translate', '--engine', 'pseudo'], {
      cwd: path.join(ws.dir, 'articles'),
      env: { LANG: 'C' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[1]!.startsWith('  ../output/it/en/queen-of-tears.md: ')).toBe(true);
  } finally {
    ws.remove();
  }
});
