/** `storyloc export --format xliff|tmx [--to it] [--output FILE] [ARTICLE…]`: segment state for CAT tools. */
import path from 'node:path';
import { Option } from 'commander';
import { ExitCode } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { exportWorkspace } from '../../interchange/workspace.js';
import { writeFileAtomic } from '../../memory/atomic-file.js';
import type { CommandModule } from '../context.js';

export const exportCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('export')
    .description(t('memory:command.export.description'))
    .argument('[articles...]', t('memory:command.export.articles'))
    .addOption(new Option('--format <format>', t('memory:command.export.format')).makeOptionMandatory())
    .addOption(new Option('--to <langs>', t('memory:command.export.to')))
    .addOption(new Option('--output <file>', t('memory:command.export.output')))
    .action(async (articles: string[], flags: { format: string; to?: string; output?: string }) => {
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
        ctx.stderr.write(`${t('memory:interchange.exported', { units: result.units, articles: result.articles, file })}\n`);
      }
      setExitCode(ExitCode.ok);
    });
};
