/**
 * The action `approve` and `reject` share: resolve the article, decide under the workspace lock, print
 * one line per segment and the summary. Exit 1 when a segment was refused; unknown ids or an article
 * without state throw (exit 2) before anything changes.
 */
import { ExitCode } from '../errors.js';
import type { ReviewActor, DecisionResult } from '../review/approval.js';
import type { ArticleState } from '../memory/types.js';
import { resolveIdentity } from '../identity.js';
import { formatOutcomes } from '../review/outcome-text.js';
import { segmentSelection, summarizeOutcomes } from '../review/selection.js';
import { ReviewWorkspace } from '../review/workspace.js';
import { resolveTargetLanguage } from '../review/stated-articles.js';
import type { CommandContext } from './context.js';

export interface DecisionFlags {
  segment?: string[];
  all?: boolean;
  by?: string;
  to?: string;
}

/** What a command decides on one article's state, read fresh under the lock. */
export type Decide = (
  state: ArticleState,
  decision: { selection: string[] | 'all'; actor: ReviewActor; workspace: ReviewWorkspace },
) => DecisionResult;

export async function runDecisionCommand(
  ctx: CommandContext,
  given: string,
  flags: DecisionFlags,
  decide: Decide,
): Promise<number> {
  const selection = segmentSelection(flags);
  const config = ctx.config();
  const workspace = new ReviewWorkspace(config, resolveTargetLanguage(config, flags.to), ctx.cwd);
  const article = workspace.resolveArticle(given);
  const actor = {
    name: resolveIdentity({ by: flags.by, cwd: config.workspaceDir, env: ctx.env }).name,
    at: new Date().toISOString(),
  };
  const outcome = await workspace.updateArticle(article, (state) => {
    const result = decide(state, { selection, actor, workspace });
    return { result, value: result.outcomes };
  });
  for (const line of formatOutcomes(outcome.value, outcome.state)) ctx.stdout.write(`${line}\n`);
  const summary = summarizeOutcomes(article, workspace.targetLang, actor.name, outcome.value);
  ctx.stdout.write(`${summary.line}\n`);
  return summary.refused ? ExitCode.findings : ExitCode.ok;
}
