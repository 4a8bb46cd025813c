/**
 * `storyloc export --format xliff|tmx [--to it] [-o FILE] [ARTICLE…]`: segment state for CAT tools.
 * A missing --format is checked here rather than by commander, whose message would be English only.
 */
import path from 'node:path';
import { Option } from 'commander';
import { ExitCode, inputError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { exportWorkspace } from '../../interchange/workspace.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import type { CommandModule } from '../context.js';

export const exportCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('export')
    .description(t('memory:command.export.description'))
    .argument('[articles...]', t('memory:command.export.articles'))
    .addOption(new Option('--format <format>', t('memory:command.export.format')))
    .addOption(new Option('--to <langs>', t('memory:command.export.to')))
    .addOption(new Option('-o, --output <file>', t('memory:command.export.output')))
    .action(async (articles: string[], flags: { format?: string; to?: string; output?: string }) => {
      if (flags.format === undefined)
        throw inputError('interchange.missingFormat', 'memory:command.export.formatMissing', {});
      const result = exportWorkspace({
        config: ctx.config(),
        cwd: ctx.cwd,
        format: flags.format,
        articles,
        ...(flags.to !== undefined ? { targetLangs: [flags.to] } : {}),
      });
      if (flags.output === undefined) {
        ctx.stdout.write(result.text);
      } else {
        const file = path.resolve(ctx.cwd, flags.output);
        await writeFileAtomic(file, result.text);
        ctx.stderr.write(
          `${t('memory:interchange.exported', { units: result.units, articles: result.articles, file })}\n`,
        );
      }
      setExitCode(ExitCode.ok);
    });
};
