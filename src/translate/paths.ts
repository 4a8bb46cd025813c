/** Workspace-relative paths as the summary and the caches record them (forward slashes). */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';

export function relativeToWorkspace(config: ResolvedConfig, file: string): string {
  return path.relative(config.workspaceDir, file).split(path.sep).join('/');
}
