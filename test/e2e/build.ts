/**
 * The spawned CLI runs the compiled `dist/` (like users' `npx storyloc`): bin/storyloc.js runs the esbuild
 * bundle in dist/cli/ (scripts/bundle-cli.mjs), the tsc output in dist/src/ without one. Tests that spawn
 * it rebuild first when a source file is newer than the build, and bundle again when the bundle is older than
 * the tsc output, so they never test stale code and the binary they test is the bundled one users run.
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
/** The bundled CLI's entry (what bin/storyloc.js runs when it is current). */
const bundledMain = path.join(repoRoot, 'dist', 'cli', 'main.js');

export function ensureBuilt(): void {
  const built = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(path.join(repoRoot, 'src'))) {
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
  if (existsSync(bundledMain) && statSync(bundledMain).mtimeMs >= statSync(built).mtimeMs) return;
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'bundle-cli.mjs')], { cwd: repoRoot, stdio: 'pipe' });
}
