/**
 * Paths in messages, as people expect them (and as git prints them): a file inside the workspace is
 * shown relative to the current folder (`../glossary/terms.yaml` from `articles/`), a file outside it
 * as its absolute path (`/tmp/x.md`, never `../../tmp/x.md`). Commands' messages and the CLI's error
 * lines use this.
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

/**
 * `file` (absolute, or relative to `base.cwd`) as it should appear in a message: relative when both it
 * and the current folder are in the workspace, or when it is below the current folder; else absolute
 * (a workspace given with --workspace from elsewhere is not climbed to with `../../`).
 */
export function displayPath(file: string, base: DisplayPathBase): string {
  const absolute = path.resolve(base.cwd, file);
  const root = base.workspaceDir ?? base.cwd;
  const relative = path.relative(base.cwd, absolute) || '.';
  if (isInside(root, absolute) && isInside(root, base.cwd)) return relative;
  return isInside(base.cwd, absolute) ? relative : absolute;
}

/** A position (`file:line:column`) with its file shown as `displayPath` shows it. */
export function displayPosition(
  position: { file: string; line?: number; column?: number },
  base: DisplayPathBase,
): string {
  let text = displayPath(position.file, base);
  if (position.line !== undefined) text += `:${position.line}`;
  if (position.line !== undefined && position.column !== undefined) text += `:${position.column}`;
  return text;
}

/**
 * A message's parameters with every absolute path shown as `displayPath` shows it, so a line never spells
 * one file two ways (`hostile.xlf:2:1: The file /tmp/ws/hostile.xlf …`). Paths outside stay absolute.
 */
export function displayPathsIn(params: Record<string, unknown>, base: DisplayPathBase): Record<string, unknown> {
  const shown = (value: unknown): unknown =>
    typeof value === 'string' && path.isAbsolute(value) && !value.includes('\n') ? displayPath(value, base) : value;
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, shown(value)]));
}
