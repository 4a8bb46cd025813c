/**
 * `storyloc roundtrip FILE…`: parse, segment and reassemble with the identity translation; exit 0 when
 * every file comes back byte for byte, else 1 naming the file and the first differing line/column.
 */
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { readLooseArticle } from '../../articles/loose.js';
import { roundtripDifference } from '../../reassembly/reassemble.js';
import { ExitCode } from '../../errors.js';
import { workspaceConfigOrDefaults } from '../workspace.js';
import type { CommandModule } from '../context.js';

export const roundtripCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('roundtrip')
    .description(t('cli:roundtrip.description'))
    .argument('<files...>', t('cli:roundtrip.files'))
    .addOption(new Option('--lang <code>', t('cli:option.sourceLang')))
    .action((files: string[], options: { lang?: string }) => {
      const config = workspaceConfigOrDefaults(ctx);
      let identical = 0;
      for (const file of files) {
        const article = readLooseArticle(file, config, { cwd: ctx.cwd, lang: options.lang });
        const difference = roundtripDifference(article);
        if (difference === null) {
          identical++;
          ctx.stdout.write(`${t('cli:roundtrip.ok', { file, segments: article.segments.length })}\n`);
        } else {
          const message = t('cli:roundtrip.differs', {
            file,
            line: difference.line,
            column: difference.column,
            expected: JSON.stringify(difference.expected),
            actual: JSON.stringify(difference.actual),
          });
          ctx.stderr.write(`${message}\n`);
        }
      }
      ctx.stdout.write(`${t('cli:roundtrip.summary', { ok: identical, total: files.length })}\n`);
      setExitCode(identical === files.length ? ExitCode.ok : ExitCode.findings);
    });
};
