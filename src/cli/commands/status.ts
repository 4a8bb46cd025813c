/**
 * `storyloc status [ARTICLE…] [--to it] [--json | --format text|json|markdown]`: segments per state per article,
 * and what is publishable.
 */
/** `storyloc status [ARTICLE…] [--to it] [--json]`: segments per state per article, and what is publishable. */
import { reportSkippedSources } from '../skipped-sources.js';
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { ExitCode } from '../../errors.js';
import { formatStatusTable } from '../../review/outcome-text.js';
import { ReviewWorkspace, resolveTargetLanguage } from '../../review/workspace.js';
import { renderStatusMarkdown } from '../../review/pr-summary.js';
import type { CommandModule } from '../context.js';

export const statusCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('status')
    .description(t('review:cli.status.description'))
    .argument('[articles...]', t('review:cli.status.articles'))
    .addOption(new Option('--to <lang>', t('review:cli.review.to')))
    .option('--json', t('review:cli.status.json'))
    .addOption(
      new Option('--format <format>', t('summary:cli.statusFormat'))
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .action((articles: string[], options: { to?: string; json?: boolean; format: string }) => {
      const config = ctx.config();
      reportSkippedSources(ctx, config, articles);
      const targetLang = resolveTargetLanguage(config, options.to);
      const statuses = new ReviewWorkspace(config, targetLang, ctx.cwd).statuses(articles);
      if (options.format === 'markdown') ctx.stdout.write(renderStatusMarkdown(statuses, targetLang));
      else if (options.json || options.format === 'json')
        ctx.stdout.write(`${JSON.stringify({ targetLang, articles: statuses }, null, 2)}\n`);
      else ctx.stdout.write(formatStatusTable(statuses));
      setExitCode(ExitCode.ok);
    });
};
