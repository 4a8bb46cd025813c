/**
 * The workspace boundary on disk: a path inside the workspace by its name may still lead outside it
 * through a symbolic link (a symlinked `output/it/en`, an article linked to a file elsewhere). Every
 * article read and every output, state and diff path is checked here; a link that leaves the workspace
 * is refused, naming the link, unless `paths.allowSymlinksOutside: true` says the user wants it.
 */
import { type Stats, existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { inputError } from '../errors.js';
import { folderListing, listedAbsent, listedPresenceIn } from '../io/folder-listing.js';
import type { ResolvedConfig } from './types.js';

/** Folders already found to stay inside, per config (a run checks the same few folders many times). */
const checkedFolders = new WeakMap<ResolvedConfig, FolderCache>();

interface FolderCache {
  root: string;
  inside: Set<string>;
}

/**
 * Whether `name` in `folder` is a link: from the folder's listing (one readdir for thousands of files, see
 * io/folder-listing.ts); false for a name the listing may say is missing, null when the listing does not
 * answer (a file created since it was made is looked at by itself).
 */
function isLinkByListing(folder: string, name: string): boolean | null {
  const listing = folderListing(folder);
  if (listing === null) return null;
  if (listing.names.has(name)) return listing.links.has(name);
  if (listing.notLinks.has(name)) return false;
  return listedPresenceIn(folder, name) === 'absent' ? false : null;
}

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
  const relative = relativeInside(config.workspaceDir, file);
  if (relative === null) return;
  let cache = checkedFolders.get(config);
  if (!cache) {
    cache = {
      root: existsSync(config.workspaceDir) ? realpathSync(config.workspaceDir) : path.resolve(config.workspaceDir),
      inside: new Set(),
    };
    checkedFolders.set(config, cache);
  }
  // Thousands of files share a few folders: when the file's folder is known to stay inside, only the
  // file itself is looked at, by the folder's listing (one readdir for all of them), not every folder
  // on the way.
  const lastSep = relative.lastIndexOf(path.sep);
  const folder = lastSep < 0 ? config.workspaceDir : config.workspaceDir + path.sep + relative.slice(0, lastSep);
  if (cache.inside.has(folder)) {
    const name = relative.slice(lastSep + 1);
    const isLink = isLinkByListing(folder, name);
    if (isLink === false) return;
    if (isLink === null) {
      if (!refuseLinkAt(cache, folder, [name])) rememberAbsent(folder, name);
      return;
    }
  }
  refuseLinkAt(cache, config.workspaceDir, relative.split(path.sep));
}

/**
 * A name found missing in a listed folder counts as no link while the listing answers: a run asks about
 * the same state path twice (reading the states, then segmenting) within moments, and a link made in
 * between is the same window the listing already leaves for a file replaced by a link. It says nothing
 * of whether the file is there (`listedPresence` does not read it).
 */
function rememberAbsent(folder: string, name: string): void {
  folderListing(folder)?.notLinks.add(name);
}

/**
 * Looks at each part below `from` not yet known to stay inside; throws for a link that leaves. True
 * when every part exists.
 */
function refuseLinkAt(cache: FolderCache, from: string, parts: readonly string[]): boolean {
  let current = from;
  for (let i = 0; i < parts.length; i++) {
    current = current + path.sep + parts[i]!;
    const isLast = i === parts.length - 1;
    if (!isLast && cache.inside.has(current)) continue;
    if (listedAbsent(current)) return false; // e.g. the output folder before a first run makes it
    const stat = lstatIfThere(current);
    if (stat === undefined) return false;
    if (stat.isSymbolicLink()) {
      const target = linkTarget(current);
      if (!isInside(cache.root, target)) {
        throw inputError('path.symlinkOutside', 'config:symlinkOutside', { link: current, target }, { file: current });
      }
    }
    if (!isLast) cache.inside.add(current);
  }
  return true;
}

/** The path's own status, or undefined when it is missing or a part on the way is a file (ENOTDIR). */
function lstatIfThere(file: string): Stats | undefined {
  try {
    return lstatSync(file, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** A `.` or `..` part or a doubled separator: a path `path.relative` would have to normalise. */
const NOT_PLAIN = /(?:^|[\\/])\.\.?(?:[\\/]|$)|[\\/]{2}/;

/**
 * `file` relative to the workspace folder, or null when it is not below it (or is the folder itself).
 * Plain absolute paths below the folder (the common case, thousands per run) are cut by string, not
 * through `path.relative`, which resolves both paths against the current folder every time.
 */
function relativeInside(workspaceDir: string, file: string): string | null {
  const prefix = workspaceDir + path.sep;
  const plain = path.isAbsolute(workspaceDir) && !NOT_PLAIN.test(file) && !NOT_PLAIN.test(prefix);
  if (plain && file.startsWith(prefix) && file.length > prefix.length && !file.endsWith(path.sep)) {
    return file.slice(prefix.length);
  }
  const relative = path.relative(workspaceDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative;
}

/**
 * storyloc's own files and folders at fixed places under `.storyloc/` (and the sync record beside the outputs): read
 * by some command or other, so a link among them that leaves the workspace is named before any work.
 * Files named by a hash (glossary parse cache, source snapshots) are checked where they are read.
 */
const OWN_FILES: readonly (readonly string[])[] = [
  ['.storyloc', 'lock'],
  ['.storyloc', 'cache', 'state-index.json'],
  ['.storyloc', 'cache', 'source-index.json'],
  ['.storyloc', 'cache', 'glossary-checked.json'],
  ['.storyloc', 'cache', 'glossary'],
  ['.storyloc', 'journal', 'answers.ndjson'],
  ['.storyloc', 'sources'],
];

/** Configs whose workspace folders `refuseWorkspaceLinksOutside` found inside. */
const workspaceLinksChecked = new WeakSet<ResolvedConfig>();

/**
 * The workspace's own folders (articles, glossary, output, `.storyloc` with the lock, caches, journal and
 * snapshots) checked once when a command loads the config, so a linked folder or file is named before
 * any work.
 */
export function refuseWorkspaceLinksOutside(config: ResolvedConfig): void {
  // once per config: the CLI checks at config load, `translateWorkspace` again for library callers
  if (workspaceLinksChecked.has(config)) return;
  for (const folder of [config.paths.articles, config.paths.glossary, config.paths.output])
    refuseSymlinkOutside(config, folder);
  for (const parts of OWN_FILES) refuseSymlinkOutside(config, path.join(config.workspaceDir, ...parts));
  refuseSymlinkOutside(config, path.join(config.paths.output, '.storyloc', 'deepl-glossaries.json'));
  workspaceLinksChecked.add(config);
}

/**
 * The config file itself, before it is read: a link to a file outside the workspace is refused whatever
 * it says, since `paths.allowSymlinksOutside` is written in that very file (a file from elsewhere could
 * otherwise allow itself). A link to another file inside the workspace is read like the file.
 */
export function refuseConfigLinkOutside(workspaceDir: string, file: string): void {
  if (!lstatIfThere(file)?.isSymbolicLink()) return;
  const root = existsSync(workspaceDir) ? realpathSync(workspaceDir) : path.resolve(workspaceDir);
  const target = linkTarget(file);
  if (isInside(root, target)) return;
  throw inputError('path.symlinkOutside', 'config:configSymlinkOutside', { link: file, target }, { file });
}
