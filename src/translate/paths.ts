/** Workspace-relative paths as the summary and the caches record them (forward slashes). */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';

export function relativeToWorkspace(config: ResolvedConfig, file: string): string {
  // a path below the workspace by string (thousands per run) is cut, not resolved by path.relative
  const prefix = config.workspaceDir + path.sep;
  const relative =
    file.startsWith(prefix) && path.normalize(file) === file
      ? file.slice(prefix.length)
      : path.relative(config.workspaceDir, file);
  return relative.split(path.sep).join('/');
}
