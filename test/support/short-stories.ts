/**
 * Test helpers shared by the suites that need many small stories or the packed file list: one writer of
 * the short Queen of Tears stories (numbers, a date, a list, a link: enough items for worker threads and
 * for check's number and glossary rules) and one reader of `npm pack`'s file list.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../e2e/workspace.js';

/** Writes `count` short stories as articles/en/story-NN.md of the workspace at `dir`. */
export function writeShortStories(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const story = [
      '---',
      `title: Queen of Tears, part ${i}`,
      '---',
      '',
      `Queen of Tears rose to ${20 + i}.5% on April ${1 + (i % 28)}th. Kim Soo-hyun smiled.`,
      '',
      `- ${i} viewers wrote in`,
      `- a [clip](https://example.com/${i}) of *Queen of Tears*`,
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'articles', 'en', `story-${String(i).padStart(2, '0')}.md`), story);
  }
}

/** The paths `npm pack` would ship (package.json `files`), offline and without running the build. */
export function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const listing = JSON.parse(
    execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as Array<{ files: Array<{ path: string }> }>;
  return listing[0]!.files.map((file) => file.path);
}
