/**
 * What every command receives: output streams, the UI language and a lazy workspace config.
 * Commands are thin: parse flags, call the library, print, return an exit code.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { refuseWorkspaceLinksOutside } from '../config/symlinks.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Output } from '../io/output.js';

export type { Output };

export interface CommandContext {
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** `--workspace` when given */
  workspace: string | undefined;
  debug: boolean;
  /** the workspace config, loaded on first use */
  config(): ResolvedConfig;
  /** a signal aborted on Ctrl-C (SIGINT), SIGTERM or SIGHUP (stop-signals.ts) */
  signal: AbortSignal;
  /** which of those stopped the run (null before any, and when the caller gave the signal) */
  stopSignal?: () => string | null;
}

/** A command module: registers its commander subcommand; the action returns an exit code. */
export type CommandModule = (program: Command, ctx: CommandContext, setExitCode: (code: number) => void) => void;

export function createContext(options: Omit<CommandContext, 'config'>): CommandContext {
  let cached: ResolvedConfig | undefined;
  return {
    ...options,
    config() {
      if (!cached) {
        cached = loadConfig({ workspace: options.workspace, cwd: options.cwd });
        refuseWorkspaceLinksOutside(cached);
      }
      return cached;
    },
  };
}
