/**
 * The spawned CLI runs the compiled `dist/` (like users' `npx storyloc`). Tests that spawn it rebuild
 * first when a source file is newer than the build, so they never test stale code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './workspace.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export const cliEntry = path.join(repoRoot, 'bin', 'storyloc.js');

export function ensureBuilt(): void {
  const built = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(path.join(repoRoot, 'src'))) return;
  try {
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: repoRoot, stdio: 'pipe' },
    );
  } catch {
    // tsc exits non-zero on type errors but still emits JavaScript; a missing entry point is the real failure.
    if (!existsSync(built)) throw new Error('the build did not produce dist/src/cli/main.js');
  }
}
