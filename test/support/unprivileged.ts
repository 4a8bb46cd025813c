/**
 * Running the built CLI as the unprivileged user `nobody` (tests of read-only folders: root ignores
 * folder permissions, so as root they drop privileges with setpriv).
 *
 * `nobody` cannot read a clone that lives in a private folder (`mktemp -d` is 0700), so the child runs
 * from a world-readable copy in the system temp folder: the build (`dist/`, `bin/`, `package.json`) and
 * the production dependencies, copied (never linked: permissions are set on the copy, not on the clone).
 */
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from '../e2e/build.js';
import { repoRoot } from '../e2e/workspace.js';

export const NOBODY = 65534;

export interface UnprivilegedRuntime {
  /** the copy's root (world-readable) */
  root: string;
  /** bin/storyloc.js of the copy */
  cliEntry: string;
  /** the arguments that run `args` as `nobody` through setpriv */
  setprivArgs(args: readonly string[]): string[];
  remove(): void;
}

/** Names of the packages `names` need at run time, transitively (top-level node_modules, as npm installs them). */
function productionPackages(names: readonly string[]): Set<string> {
  const needed = new Set<string>();
  const pending = [...names];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (needed.has(name)) continue;
    const manifest = path.join(repoRoot, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue; // an optional dependency not installed on this platform
    needed.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    pending.push(...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}));
  }
  return needed;
}

/** Every folder readable and traversable, every file readable, by anyone (on the copy only). */
function openUp(target: string): void {
  const stats = statSync(target);
  chmodSync(target, stats.isDirectory() ? 0o755 : (stats.mode & 0o111) !== 0 ? 0o755 : 0o644);
  if (stats.isDirectory()) for (const name of readdirSync(target)) openUp(path.join(target, name));
}

export function unprivilegedRuntime(): UnprivilegedRuntime {
  ensureBuilt();
  const root = mkdtempSync(path.join(os.tmpdir(), 'storyloc-nobody-'));
  for (const name of ['dist', 'bin', 'package.json'])
    cpSync(path.join(repoRoot, name), path.join(root, name), { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of productionPackages(Object.keys(pkg.dependencies))) {
    cpSync(path.join(repoRoot, 'node_modules', name), path.join(root, 'node_modules', name), { recursive: true });
  }
  openUp(root);
  const cliEntry = path.join(root, 'bin', 'storyloc.js');
  return {
    root,
    cliEntry,
    setprivArgs: (args) => [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, ...args],
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
