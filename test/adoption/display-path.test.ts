/** Paths in messages: relative to the current folder inside the workspace (as git prints them), absolute outside. */
import { describe, expect, test } from '@jest/globals';
import { displayPath } from '../../src/display-path.js';

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
  ];
  test.each(cases)('from %s: %s → %s', (cwd, file, shown) => {
    expect(displayPath(file, { cwd, workspaceDir })).toBe(shown);
  });

  test('outside any workspace: relative below the current folder, absolute elsewhere', () => {
    expect(displayPath('/home/a/x/y.md', { cwd: '/home/a' })).toBe('x/y.md');
    expect(displayPath('/tmp/x.md', { cwd: '/home/a' })).toBe('/tmp/x.md');
  });
});
