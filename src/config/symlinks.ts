/**
 * The workspace boundary on disk: a path inside the workspace by its name may still lead outside it
 * through a symbolic link (a symlinked `output/it/en`, an article linked to a file elsewhere). Every
 * article read and every output, state and diff path is checked here; a link that leaves the workspace
 * is refused, naming the link, unless `paths.allowSymlinksOutside: true` says the user wants it.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { inputError } from '../errors.js';
import type { ResolvedConfig } from './types.js';

/** Folders already found to stay inside, per config (a run checks the same few folders many times). */
const checkedFolders = new WeakMap<ResolvedConfig, { root: string; inside: Set<string> }>();

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Where a link leads: its real path, or for a dangling link the path its target names. */
function linkTarget(link: string): string {
  try {
    return realpathSync(link);
  } catch {
    return path.resolve(path.dirname(link), readlinkSync(link));
  }
}

/**
 * Throws `path.symlinkOutside` (naming the link) when a symbolic link on the way from the workspace
 * folder to `file` leads outside the workspace. Paths not under the workspace by name, and parts that do
 * not exist yet (they will be created inside), pass: other checks own those.
 */
export function refuseSymlinkOutside(config: ResolvedConfig, file: string): void {
  if (config.paths.allowSymlinksOutside || !config.workspaceDir) return;
  const relative = path.relative(config.workspaceDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return;
  let cache = checkedFolders.get(config);
  if (!cache) {
    cache = {
      root: existsSync(config.workspaceDir) ? realpathSync(config.workspaceDir) : path.resolve(config.workspaceDir),
      inside: new Set(),
    };
    checkedFolders.set(config, cache);
  }
  // The folder is usually known to stay inside already: then only the file itself is looked at.
  const folder = path.dirname(file);
  if (cache.inside.has(folder)) {
    refuseLinkAt(cache.root, path.join(folder, path.basename(file)));
    return;
  }
  let current = config.workspaceDir;
  const parts = relative.split(path.sep);
  for (let i = 0; i < parts.length; i++) {
    current = path.join(current, parts[i]!);
    const isLast = i === parts.length - 1;
    if (!isLast && cache.inside.has(current)) continue;
    // a part that does not exist yet will be created inside: nothing further to check
    if (!refuseLinkAt(cache.root, current)) return;
    if (!isLast) cache.inside.add(current);
  }
}

/** Throws when `current` is a link leading outside `root`; false when it does not exist. */
function refuseLinkAt(root: string, current: string): boolean {
  // no exception for a missing path: most files a run checks are about to be created
  let stats: Stats | undefined;
  try {
    stats = lstatSync(current, { throwIfNoEntry: false });
  } catch {
    return false;
  }
  if (!stats) return false;
  if (stats.isSymbolicLink()) {
    const target = linkTarget(current);
    if (!isInside(root, target)) {
      throw inputError('path.symlinkOutside', 'config:symlinkOutside', { link: current, target }, { file: current });
    }
  }
  return true;
}

/**
 * The workspace's own folders (articles, glossary, output, `.storyloc` with the lock, caches and
 * snapshots) checked once when a command loads the config, so a linked folder is named before any work.
 */
export function refuseWorkspaceLinksOutside(config: ResolvedConfig): void {
  for (const folder of [config.paths.articles, config.paths.glossary, config.paths.output])
    refuseSymlinkOutside(config, folder);
  refuseSymlinkOutside(config, path.join(config.workspaceDir, '.storyloc', 'lock'));
}
