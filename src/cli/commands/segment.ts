/** `storyloc segment FILE [--json]`: the segments of one article. */
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { readLooseArticle } from '../../articles/loose.js';
import { positionOf, computeLineStarts } from '../../text/positions.js';
import { workspaceConfigOrDefaults } from '../workspace.js';
import type { CommandModule } from '../context.js';

export const segmentCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('segment')
    .description(t('cli:segment.description'))
    .argument('<file>', t('cli:segment.file'))
    .option('--json', t('cli:option.json'))
    .addOption(new Option('--lang <code>', t('cli:option.sourceLang')))
    .action((file: string, options: { json?: boolean; lang?: string }) => {
      const config = workspaceConfigOrDefaults(ctx);
      const article = readLooseArticle(file, config, { cwd: ctx.cwd, lang: options.lang });
      if (options.json) {
        const rows = article.segments.map((segment) => ({
          id: segment.id,
          kind: segment.kind,
          line: segment.line,
          column: segment.column,
          text: segment.text,
          sourceHash: segment.sourceHash,
          ...(segment.parentId ? { parentId: segment.parentId } : {}),
        }));
        ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        ctx.stdout.write(`${t('cli:segment.header', { count: article.segments.length, file })}\n`);
        for (const segment of article.segments) {
          const where = `${String(segment.line).padStart(4)}  ${segment.kind.padEnd(10)}  ${segment.id.padEnd(20)}`;
          ctx.stdout.write(`${where}  ${segment.text.replace(/\n/g, '⏎')}\n`);
        }
      }
      const lineStarts = article.warnings.length > 0 ? computeLineStarts(article.source) : [];
      for (const warning of article.warnings) {
        const position = positionOf(lineStarts, warning.offset);
        const at = `${file}:${position.line}:${position.column}`;
        ctx.stderr.write(`${t('cli:segment.warning', { position: at, reason: warning.reason })}\n`);
      }
      setExitCode(0);
    });
};
