/**
 * `storyloc roundtrip FILE…`: parse, segment and reassemble with the identity translation; exit 0 when
 * every file comes back byte for byte, else 1 naming each file that differs and its first differing
 * line/column. The default output is the differences and one summary line (2,000 "ok" lines help nobody);
 * `--verbose` adds a line per identical file. Many files are checked on the idle cores too
 * (reassembly/roundtrip-files.ts); the output is the same, in file order, however many threads checked them.
 */
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { ExitCode } from '../../errors.js';
import { roundtripFiles } from '../../reassembly/roundtrip-files.js';
import { workspaceConfigOrDefaults } from '../workspace.js';
import type { CommandModule } from '../context.js';
import { parseJobs } from '../jobs.js';
import { compileForShortRun } from '../quick-compile.js';

interface RoundtripFlags {
  lang?: string;
  verbose?: boolean;
  jobs?: string;
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
      const jobs = parseJobs(flags.jobs);
      compileForShortRun();
      const { paths, frontMatterKeys, limits } = workspaceConfigOrDefaults(ctx);
      const config = { paths: { articles: paths.articles }, frontMatterKeys, limits };
      const outcomes = await roundtripFiles({ files, config, options: { cwd: ctx.cwd, lang: flags.lang } }, jobs);
      let identical = 0;
      let index = 0;
      // an unreadable file ends the command (its error thrown at its turn), after the lines of the files before it
      for (const outcome of outcomes) {
        const file = files[index++]!;
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
