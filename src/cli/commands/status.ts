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
import { resolveTargetLanguage, StatedArticles } from '../../review/stated-articles.js';
import { articleStatuses } from '../../review/article-statuses.js';
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
    .action(async (articles: string[], options: { to?: string; json?: boolean; format: string }) => {
      const config = ctx.config();
      reportSkippedSources(ctx, config, articles);
      const targetLang = resolveTargetLanguage(config, options.to);
      const stated = new StatedArticles(config, targetLang, ctx.cwd);
      // check's modules are loaded only for an article whose every segment is approved
      const statuses = await articleStatuses(stated, articles, async () => {
        const { translationChecker } = await import('../../check/workspace.js');
        const checkFile = translationChecker(config, ctx.cwd);
        return (article) => checkFile(article, targetLang);
      });
      if (options.format === 'markdown') {
        // the PR summary's module carries the word diff and the glossary review: loaded for this format only
        const { renderStatusMarkdown } = await import('../../review/pr-summary.js');
        ctx.stdout.write(renderStatusMarkdown(statuses, targetLang));
      } else if (options.json || options.format === 'json')
        ctx.stdout.write(`${JSON.stringify({ targetLang, articles: statuses }, null, 2)}\n`);
      else ctx.stdout.write(formatStatusTable(statuses));
      setExitCode(ExitCode.ok);
    });
};
