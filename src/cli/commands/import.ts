/**
 * `storyloc import FILE [--by NAME]`: a translated XLIFF 1.2 (targets and states into the state files and
 * outputs) or a TMX 1.4 (into the project memory). Units that cannot be applied are listed with their
 * line; the exit code is then 1.
 */
import path from 'node:path';
import { Option } from 'commander';
import { ExitCode } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { importWorkspace } from '../../interchange/workspace.js';
import { resolveIdentity } from '../../identity.js';
import type { CommandModule } from '../context.js';

export const importCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('import')
    .description(t('memory:command.import.description'))
    .argument('<file>', t('memory:command.import.file'))
    .addOption(new Option('--by <name>', t('memory:command.import.by')))
    .action(async (file: string, flags: { by?: string }) => {
      const config = ctx.config();
      const by = resolveIdentity({ by: flags.by, env: ctx.env, cwd: config.workspaceDir }).name;
      const result = await importWorkspace({ config, cwd: ctx.cwd, file, by });
      const shown = path.resolve(ctx.cwd, file);
      if (result.format === 'tmx') {
        ctx.stdout.write(
          `${t('memory:interchange.tmxImported', { applied: result.applied, skipped: result.skipped, file: shown })}\n`,
        );
        setExitCode(ExitCode.ok);
        return;
      }
      for (const refused of result.refused) {
        const reason = t(`memory:interchange.reason.${refused.reason}`, { id: refused.id, article: refused.article });
        ctx.stderr.write(`${t('memory:interchange.notApplied', { file: shown, line: refused.line, reason })}\n`);
      }
      const counts = { applied: result.applied, unchanged: result.unchanged, rejected: result.refused.length };
      ctx.stdout.write(`${t('memory:interchange.imported', { ...counts, file: shown })}\n`);
      setExitCode(result.refused.length > 0 ? ExitCode.findings : ExitCode.ok);
    });
};
