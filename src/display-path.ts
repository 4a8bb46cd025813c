/**
 * Paths in messages, as people expect them (and as git prints them): a file inside the workspace is
 * shown relative to the current folder (`../glossary/terms.yaml` from `articles/`), a file outside it
 * as its absolute path (`/tmp/x.md`, never `../../tmp/x.md`). Every command's messages use this.
 */
import path from 'node:path';

export interface DisplayPathBase {
  /** the folder the command runs in */
  cwd: string;
  /** the workspace folder; when unknown, the current folder stands for it */
  workspaceDir?: string | undefined;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** `file` (absolute, or relative to `base.cwd`) as it should appear in a message. */
export function displayPath(file: string, base: DisplayPathBase): string {
  const absolute = path.resolve(base.cwd, file);
  const root = base.workspaceDir ?? base.cwd;
  if (!isInside(root, absolute) && !isInside(base.cwd, absolute)) return absolute;
  return path.relative(base.cwd, absolute) || '.';
}
