/** Workspace-relative paths as the summary and the caches record them (forward slashes). */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';

/** A `.` or `..` part or a doubled separator: a path only `path.relative` can cut right. */
const NOT_PLAIN = /(?:^|[\\/])\.\.?(?:[\\/]|$)|[\\/]{2}/;

export function relativeToWorkspace(config: ResolvedConfig, file: string): string {
  // a plain path below the workspace (thousands per run) is cut by string, not resolved by path.relative
  const prefix = config.workspaceDir + path.sep;
  const relative =
    file.startsWith(prefix) && !NOT_PLAIN.test(file)
      ? file.slice(prefix.length)
      : path.relative(config.workspaceDir, file);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
