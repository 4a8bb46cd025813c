/** `storyloc reject ARTICLE [--segment ID…] [--all] [--by NAME] [--to it]`: same rules as approve. */
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { rejectSegments } from '../../review/approval.js';
import { runDecisionCommand, type DecisionFlags } from '../decision.js';
import type { CommandModule } from '../context.js';

export const rejectCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('reject')
    .description(t('review:cli.reject.description'))
    .argument('<article>', t('review:cli.approve.article'))
    .option('--segment <id...>', t('review:cli.reject.segment'))
    .option('--all', t('review:cli.reject.all'))
    .option('--by <name>', t('review:cli.reject.by'))
    .addOption(new Option('--to <lang>', t('review:cli.review.to')))
    .action(async (given: string, options: DecisionFlags) => {
      setExitCode(
        await runDecisionCommand(ctx, given, options, (state, { selection, actor }) =>
          rejectSegments(state, selection, actor),
        ),
      );
    });
};
