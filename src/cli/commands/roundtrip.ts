/**
 * `storyloc roundtrip FILE…`: parse, segment and reassemble with the identity translation; exit 0 when
 * every file comes back byte for byte, else 1 naming each file that differs and its first differing
 * line/column. The default output is the differences and one summary line (2,000 "ok" lines help nobody);
 * `--verbose` adds a line per identical file. Many files are checked on the idle cores too (roundtrip-parallel.ts);
 * the output is the same, in file order, however many threads checked them.
 */
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { ExitCode, inputError } from '../../errors.js';
import { workspaceConfigOrDefaults } from '../workspace.js';
import type { CommandModule } from '../context.js';
import { defaultJobs, roundtripFiles } from './roundtrip-parallel.js';

interface RoundtripFlags {
  lang?: string;
  verbose?: boolean;
  jobs?: string;
}

function jobsOf(value: string | undefined, fileCount: number): number {
  if (value === undefined) return defaultJobs(fileCount);
  const jobs = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(jobs) || jobs < 1)
    throw inputError('translate.badNumber', 'translate:error.badNumber', { option: '--jobs', value });
  return jobs;
}

export const roundtripCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('roundtrip')
    .description(t('cli:roundtrip.description'))
    .argument('<files...>', t('cli:roundtrip.files'))
    .addOption(new Option('--lang <code>', t('cli:option.sourceLang')))
    .addOption(new Option('--verbose', t('cli:roundtrip.verbose')))
    .addOption(new Option('--jobs <n>', t('cli:roundtrip.jobs')))
    .action(async (files: string[], flags: RoundtripFlags) => {
      const jobs = jobsOf(flags.jobs, files.length);
      const { paths, frontMatterKeys, limits } = workspaceConfigOrDefaults(ctx);
      const config = { paths: { articles: paths.articles }, frontMatterKeys, limits };
      const results = await roundtripFiles({ files, config, options: { cwd: ctx.cwd, lang: flags.lang } }, jobs);
      let identical = 0;
      for (const [index, result] of results.entries()) {
        // an unreadable file ends the command as it always has, after the lines of the files before it
        if (!result.ok) throw result.error;
        const file = files[index]!;
        const outcome = result.outcome;
        if (outcome.kind === 'identical') {
          identical++;
          if (flags.verbose) ctx.stdout.write(`${t('cli:roundtrip.ok', { file, segments: outcome.segments })}\n`);
          continue;
        }
        const { line, column } = outcome;
        const expected = JSON.stringify(outcome.expected);
        const actual = JSON.stringify(outcome.actual);
        ctx.stderr.write(`${t('cli:roundtrip.differs', { file, line, column, expected, actual })}\n`);
      }
      ctx.stdout.write(`${t('cli:roundtrip.summary', { ok: identical, total: files.length })}\n`);
      setExitCode(identical === files.length ? ExitCode.ok : ExitCode.findings);
    });
};
