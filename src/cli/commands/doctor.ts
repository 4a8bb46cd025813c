/**
 * `storyloc doctor`: what works here and what is missing. Exit 0 when the default engine can run for at least
 * one configured pair (a pair it leaves out is a warning), 1 otherwise.
 */
import { t } from '../../i18n/index.js';
import { ExitCode } from '../../errors.js';
import { runDoctor } from '../../doctor/index.js';
import { formatDoctorReport } from '../../doctor/format.js';
import { storylocVersion } from '../../package-info.js';
import type { CommandModule } from '../context.js';

export const doctorCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('doctor')
    .description(t('setup:doctor.description'))
    .action(async () => {
      const report = await runDoctor({ cwd: ctx.cwd, workspace: ctx.workspace, env: ctx.env });
      ctx.stdout.write(formatDoctorReport(report, storylocVersion()));
      setExitCode(report.defaultEngine.canRun ? ExitCode.ok : ExitCode.findings);
    });
};
