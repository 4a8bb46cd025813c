/**
 * What a folder holds, from one listing (`readdir`) that answers for its entries for a second, kept up to
 * date with the files this process writes atomically (a file removed since only makes a caller look at
 * the disk). A run asks about thousands of files in a few folders (the state, output, review diff and
 * source snapshot of every article); on a first run nearly all of them are missing, and each failed lookup
 * was a system call that builds an error and waits on the folder's lock while the writer thread creates
 * files in the same folder.
 *
 * A name missing from a listing is trusted to be missing only while this process holds the workspace lock
 * (`memory/lock.ts` turns that on and off): then no other storyloc process writes in the workspace, and the
 * window left (a file made by hand in the second since the folder was listed) is the one the link check
 * (`config/symlinks.ts`) already accepts for a file replaced by a link. Without the lock every caller looks
 * at the disk as before. Listings are dropped when the lock is taken or given back, so a second run in the
 * same process (the review page, tests) never starts from the first one's.
 */
import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * How long a folder's listing answers for its entries. Long enough for a run's burst of files, short
 * enough that a link made while a long-lived process (the review page) runs is seen at once.
 */
const LISTING_MS = 1000;

export interface FolderListing {
  /** Date.now() when listed */
  at: number;
  names: Set<string>;
  links: Set<string>;
  /** the names case-folded and NFC-composed (see `listedPresence`), made when a name is first not found */
  foldedNames: Set<string> | null;
  /** names the link check found missing since the listing: no link, for it alone (not "present") */
  notLinks: Set<string>;
}

/**
 * A name as a case-insensitive or normalisation-insensitive file system (macOS, Windows, a casefolded
 * ext4 folder) may match it: `Story.md` can open `story.md`, and a Korean name written composed can
 * open the same name stored decomposed.
 */
function folded(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

const listings = new Map<string, FolderListing>();
/** locks held by this process (a count: tests and nested commands take the lock more than once) */
let lockHolds = 0;

/**
 * The folder's listing (listed again when older than a second); a folder that does not exist lists as
 * empty (a first run asks about many files in output folders it has not made yet); null when the folder
 * cannot be listed for another reason.
 */
export function folderListing(folder: string): FolderListing | null {
  const now = Date.now();
  const listing = listings.get(folder);
  if (listing && now - listing.at <= LISTING_MS && now >= listing.at) return listing;
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      listings.delete(folder);
      return null;
    }
    entries = [];
  }
  const fresh: FolderListing = {
    at: now,
    names: new Set(),
    links: new Set(),
    foldedNames: null,
    notLinks: new Set(),
  };
  for (const entry of entries) {
    fresh.names.add(entry.name);
    if (entry.isSymbolicLink()) fresh.links.add(entry.name);
  }
  listings.set(folder, fresh);
  return fresh;
}

/**
 * Whether `file` is there by its folder's listing (made now or within the second), while this process
 * holds the workspace lock; `unknown` without the lock or a listing, or when the listing holds a name
 * that differs only in case or Unicode normalisation (a file system that ignores those would open it:
 * a state written as `Story.md.state.json` must still be found for `story.md`): look at the disk.
 */
export function listedPresence(file: string): 'present' | 'absent' | 'unknown' {
  return listedPresenceIn(path.dirname(file), path.basename(file));
}

/** `listedPresence` of `name` in `folder` (for a caller that has the two apart already). */
export function listedPresenceIn(folder: string, name: string): 'present' | 'absent' | 'unknown' {
  if (lockHolds === 0) return 'unknown';
  const listing = folderListing(folder);
  if (listing === null) return 'unknown';
  if (listing.names.has(name)) return 'present';
  listing.foldedNames ??= new Set([...listing.names].map(folded));
  return listing.foldedNames.has(folded(name)) ? 'unknown' : 'absent';
}

/** True when `file` is surely missing (see `listedPresence`); false means "look at the disk". */
export function listedAbsent(file: string): boolean {
  return listedPresence(file) === 'absent';
}

/** A file this process renamed into place: a plain file (not a link) from now on. */
export function noteFileWritten(file: string): void {
  const listing = listings.get(path.dirname(file));
  if (!listing) return;
  const name = path.basename(file);
  listing.names.add(name);
  listing.foldedNames?.add(folded(name));
  listing.links.delete(name);
}

/** Called by the workspace lock when it is taken (`held`) and given back. */
export function noteWorkspaceLock(held: boolean): void {
  lockHolds = Math.max(0, lockHolds + (held ? 1 : -1));
  listings.clear();
}
