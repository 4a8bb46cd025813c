/**
 * `storyloc review [ARTICLE…] [--to it]`: the segments waiting for review, with their changes.
 * `storyloc review --serve [--port N] [--by NAME]`: the local review web page until Ctrl-C.
 * `storyloc review --format markdown|json`: the same segments as a pull-request comment or for bots.
 */
import { Option, type Command } from 'commander';
import { t, detectUiLanguage } from '../../i18n/index.js';
import { ExitCode, inputError } from '../../errors.js';
import { resolveIdentity } from '../../identity.js';
import { reviewableStatuses } from '../../review/approval.js';
import { startReviewServer } from '../../review/server.js';
import { renderTerminalReview, type ReviewItem } from '../../review/terminal-review.js';
import { ReviewWorkspace } from '../../review/workspace.js';
import { resolveTargetLanguage } from '../../review/stated-articles.js';
import { buildReviewSummary, renderReviewMarkdown } from '../../review/pr-summary.js';
import type { CommandModule } from '../context.js';

/**
 * Checked in the action, not as a commander argParser, so the error is a localised `storyloc: error:` line with
 * exit 2.
 */
function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw inputError('review.badPort', 'review:error.badPort', { value });
  return port;
}

export const reviewCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('review')
    .description(t('review:cli.review.description'))
    .argument('[articles...]', t('review:cli.review.articles'))
    .addOption(new Option('--to <lang>', t('review:cli.review.to')))
    .option('--serve', t('review:cli.review.serve'))
    .addOption(new Option('--port <n>', t('review:cli.review.port')))
    .option('--by <name>', t('review:cli.review.by'))
    .addOption(
      new Option('--format <format>', t('summary:cli.reviewFormat'))
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .action(
      async (
        articles: string[],
        options: { to?: string; serve?: boolean; port?: string; by?: string; format: string },
        command: Command,
      ) => {
        const port = options.port === undefined ? 0 : parsePort(options.port);
        const config = ctx.config();
        const workspace = new ReviewWorkspace(config, resolveTargetLanguage(config, options.to), ctx.cwd);
        if (options.serve) {
          const approver = resolveIdentity({ by: options.by, cwd: config.workspaceDir, env: ctx.env }).name;
          const uiFlag = (command.parent?.opts() as { uiLang?: string } | undefined)?.uiLang;
          const server = await startReviewServer({
            workspace,
            approver,
            port,
            defaultUi: detectUiLanguage(uiFlag, ctx.env),
          });
          ctx.stdout.write(`${t('review:serve.started', { url: server.url })}\n`);
          await new Promise<void>((resolve) => {
            if (ctx.signal.aborted) resolve();
            else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
          });
          await server.close();
          ctx.stdout.write(`${t('review:serve.stopped')}\n`);
          setExitCode(ExitCode.ok);
          return;
        }
        if (options.format !== 'text') {
          const summary = buildReviewSummary(workspace, articles);
          ctx.stdout.write(
            options.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : renderReviewMarkdown(summary),
          );
          setExitCode(ExitCode.ok);
          return;
        }
        const items: ReviewItem[] = workspace.articlesToReview(articles).map((article) => {
          const state = workspace.readState(article);
          const records = state.segments.filter((record) => reviewableStatuses.includes(record.state));
          const check = workspace.termChecker(state.sourceLang);
          return {
            article,
            targetLang: state.targetLang,
            records,
            findings: new Map(records.map((record) => [record.id, check(record)])),
          };
        });
        const color = ctx.stdout.isTTY && ctx.env.NO_COLOR === undefined;
        ctx.stdout.write(renderTerminalReview(items, { color }));
        setExitCode(ExitCode.ok);
      },
    );
};
