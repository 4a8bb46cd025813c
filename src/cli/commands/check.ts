/**
 * `storyloc check [PATH…] [--to it] [--format text|json|junit|github|sarif] [--fail-on error|warning]`
 * and `storyloc check --target-only --lang it FILE…`. Exit 0 when clean, 1 when a violation at or above
 * --fail-on is found, 2 on usage, config or input errors.
 */
import { reportSkippedSources } from '../skipped-sources.js';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { ExitCode, inputError } from '../../errors.js';
import { isSupportedLanguage, supportedLanguages, type Lang } from '../../languages.js';
import type { checkWorkspace } from '../../check/workspace.js';
import { checkWorkspaceOnThreads } from '../../check/parallel.js';
import { checkTargetOnly } from '../../check/target-only.js';
import { failsAt, reportFormats, reportPieces, type ReportFormat } from '../../check/reporters/index.js';
import type { FailOn } from '../../check/types.js';
import { workspaceConfigOrDefaults } from '../workspace.js';
import type { CommandModule } from '../context.js';
import { parseJobs } from '../jobs.js';
import { compileForShortRun } from '../quick-compile.js';

interface CheckFlags {
  to?: string;
  format: ReportFormat;
  failOn: FailOn;
  targetOnly?: boolean;
  lang?: string;
  output?: string;
  jobs?: string;
}

function parseLanguages(value: string): Lang[] {
  return value.split(',').map((code) => {
    const trimmed = code.trim();
    if (!isSupportedLanguage(trimmed))
      throw inputError('check.unknownLanguage', 'check:error.unknownLanguage', {
        lang: trimmed,
        expected: supportedLanguages.join(', '),
      });
    return trimmed;
  });
}

/** The report file of --output; a folder that does not exist or cannot be written is an input error. */
function writeReport(file: string, given: string, pieces: Iterable<string>): void {
  const cannotWrite = (error: unknown): Error =>
    inputError(
      'check.cannotWrite',
      'check:error.cannotWrite',
      { file: given, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
      { file: given },
    );
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (error) {
    throw cannotWrite(error);
  }
  try {
    // written piece by piece: a json or sarif report of every location is never one string in memory
    for (const piece of pieces) {
      try {
        writeSync(fd, piece);
      } catch (error) {
        throw cannotWrite(error);
      }
    }
  } finally {
    closeSync(fd);
  }
}

export const checkCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('check')
    .description(t('check:cli.description'))
    .argument('[paths...]', t('check:cli.paths'))
    .addOption(new Option('--to <langs>', t('check:cli.to')))
    .addOption(new Option('--format <format>', t('check:cli.format')).choices(reportFormats).default('text'))
    .addOption(new Option('--fail-on <severity>', t('check:cli.failOn')).choices(['error', 'warning']).default('error'))
    .addOption(new Option('--target-only', t('check:cli.targetOnly')))
    .addOption(new Option('--lang <code>', t('check:cli.lang')))
    .addOption(new Option('-o, --output <file>', t('check:cli.output')))
    .addOption(new Option('--jobs <n>', t('check:cli.jobs')))
    .action(async (paths: string[], flags: CheckFlags) => {
      const threads = parseJobs(flags.jobs);
      compileForShortRun();
      let report: ReturnType<typeof checkWorkspace>;
      let workspaceDir: string;
      if (flags.targetOnly) {
        if (flags.lang === undefined)
          throw inputError('check.targetOnlyNeedsLang', 'check:error.targetOnlyNeedsLang', {});
        const [lang] = parseLanguages(flags.lang);
        const config = workspaceConfigOrDefaults(ctx);
        workspaceDir = config.workspaceDir;
        report = checkTargetOnly({ config, cwd: ctx.cwd, files: paths, lang: lang! });
      } else {
        // a whole-workspace check says what it leaves out (paths may name outputs, which are not listed)
        workspaceDir = ctx.config().workspaceDir;
        if (paths.length === 0) reportSkippedSources(ctx, ctx.config(), []);
        const options: Parameters<typeof checkWorkspace>[0] = { config: ctx.config(), cwd: ctx.cwd, paths };
        if (flags.to !== undefined) options.targetLangs = parseLanguages(flags.to);
        report = await checkWorkspaceOnThreads(options, threads);
      }
      const pieces = reportPieces(report, flags.format, { cwd: ctx.cwd, workspaceDir });
      if (flags.output !== undefined) writeReport(path.resolve(ctx.cwd, flags.output), flags.output, pieces);
      else for (const piece of pieces) ctx.stdout.write(piece);
      const failing = report.violations.some((violation) => failsAt(violation.severity, flags.failOn));
      setExitCode(failing ? ExitCode.findings : ExitCode.ok);
    });
};
