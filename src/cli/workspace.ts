/** Commands that also work outside a workspace (segment, roundtrip) use the defaults there. */
import { defaultConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import type { CommandContext } from './context.js';

export function workspaceConfigOrDefaults(ctx: CommandContext): ResolvedConfig {
  try {
    return ctx.config();
  } catch (error) {
    if (error instanceof StorylocError && error.code === 'config.notFound' && ctx.workspace === undefined)
      return defaultConfig(ctx.cwd);
    throw error;
  }
}
