/**
 * The warnings for what a listing of articles leaves out (folders that are not source languages, hidden
 * stories, linked folders): each said once, on stderr, by every command that lists the workspace's
 * stories, so nothing is skipped silently (the rule itself lives in articles/read.ts).
 */
import { skippedSources } from '../articles/list.js';
import type { ResolvedConfig } from '../config/types.js';
import { displayPathsIn } from '../display-path.js';
import { t } from '../i18n/index.js';
import type { CommandContext } from './context.js';

/** What the listing left out (unknown folders, hidden files, linked folders): each said once, never silent. */
export function reportSkippedSources(ctx: CommandContext, config: ResolvedConfig, given: readonly string[]): void {
  // folders and files shown as from the current folder, like every other path in messages (display-path.ts)
  const base = { cwd: ctx.cwd, workspaceDir: config.workspaceDir };
  const shown = (params: Record<string, unknown>) => displayPathsIn(params, base);
  for (const item of skippedSources(config, given, ctx.cwd)) {
    let line: string;
    if (item.kind === 'unknownFolder') {
      const { folder, languages, stories } = item;
      line = t('translate:warning.skippedUnknownFolder', shown({ folder, languages, stories }));
    } else {
      const key = item.kind === 'hidden' ? 'translate:warning.skippedHidden' : 'translate:warning.skippedLinkedFolder';
      line = t(key, shown({ file: item.file }));
    }
    ctx.stderr.write(`storyloc: ${line}\n`);
  }
}
