/**
 * `storyloc approve ARTICLE [--segment ID…] [--all] [--by NAME] [--force] [--to it]`.
 * Unknown ids or an article without state: exit 2, nothing changed. Refused segments (failing
 * glossary check, no translation): the others are approved, exit 1.
 */
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { ExitCode } from '../../errors.js';
import { approveSegments } from '../../review/approval.js';
import { resolveApprover } from '../../review/approver.js';
import { formatOutcomes } from '../../review/outcome-text.js';
import { segmentSelection, summarizeOutcomes } from '../../review/selection.js';
import { ReviewWorkspace, resolveTargetLanguage } from '../../review/workspace.js';
import type { CommandModule } from '../context.js';

export const approveCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('approve')
    .description(t('review:cli.approve.description'))
    .argument('<article>', t('review:cli.approve.article'))
    .option('--segment <id...>', t('review:cli.approve.segment'))
    .option('--all', t('review:cli.approve.all'))
    .option('--by <name>', t('review:cli.approve.by'))
    .option('--force', t('review:cli.approve.force'))
    .addOption(new Option('--to <lang>', t('review:cli.review.to')))
    .action(async (given: string, options: { segment?: string[]; all?: boolean; by?: string; force?: boolean; to?: string }) => {
      const selection = segmentSelection(options);
      const config = ctx.config();
      const workspace = new ReviewWorkspace(config, resolveTargetLanguage(config, options.to), ctx.cwd);
      const article = workspace.resolveArticle(given);
      const actor = { name: resolveApprover({ by: options.by, cwd: config.workspaceDir, env: ctx.env }).name, at: new Date().toISOString() };
      const outcome = await workspace.updateArticle(article, (state) => {
        const result = approveSegments(state, selection, { actor, force: options.force === true, checkTerms: workspace.termChecker(state.sourceLang) });
        return { result, value: result.outcomes };
      });
      for (const line of formatOutcomes(outcome.value, outcome.state)) ctx.stdout.write(`${line}\n`);
      const summary = summarizeOutcomes(article, workspace.targetLang, actor.name, outcome.value);
      ctx.stdout.write(`${summary.line}\n`);
      setExitCode(summary.refused ? ExitCode.findings : ExitCode.ok);
    });
};
