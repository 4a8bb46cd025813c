/**
 * `storyloc approve ARTICLE [--segment ID…] [--all] [--by NAME] [--force] [--to it]`.
 * Unknown ids or an article without state: exit 2, nothing changed. Refused segments (failing
 * glossary check, no translation): the others are approved, exit 1.
 */
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { approveSegments } from '../../review/approval.js';
import { runDecisionCommand, type DecisionFlags } from '../decision.js';
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
    .action(async (given: string, options: DecisionFlags & { force?: boolean }) => {
      setExitCode(
        await runDecisionCommand(ctx, given, options, (state, { selection, actor, workspace }) =>
          approveSegments(state, selection, {
            actor,
            force: options.force === true,
            checkTerms: workspace.termChecker(state.sourceLang),
            checkErrors: workspace.approvalBlockers(state),
          }),
        ),
      );
    });
};
