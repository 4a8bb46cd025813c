/**
 * `storyloc init [DIR] [--from en,ko] [--to it] [--ci github]`: a new workspace. Exit 0 when written,
 * 2 when a file it would write exists (nothing written) or a flag is wrong.
 */
import path from 'node:path';
import { Option } from 'commander';
import { t } from '../../i18n/index.js';
import { ExitCode, inputError } from '../../errors.js';
import { isSupportedLanguage, supportedLanguages, type Lang } from '../../languages.js';
import { displayPath } from '../../display-path.js';
import { initWorkspace, type CiKind } from '../../workspace/init.js';
import type { CommandModule } from '../context.js';

function parseLanguages(value: string, flag: string): Lang[] {
  const codes = value
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  if (codes.length === 0) throw inputError('init.noLanguage', 'setup:init.noLanguage', { flag });
  for (const code of codes) {
    if (!isSupportedLanguage(code))
      throw inputError('init.unknownLanguage', 'setup:init.unknownLanguage', {
        flag,
        code,
        expected: supportedLanguages.join(', '),
      });
  }
  return [...new Set(codes)] as Lang[];
}

export const initCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('init')
    .description(t('setup:init.description'))
    .argument('[dir]', t('setup:init.dir'), '.')
    .addOption(new Option('--from <langs>', t('setup:init.from')).default('en,ko'))
    .addOption(new Option('--to <langs>', t('setup:init.to')).default('it'))
    .addOption(new Option('--ci <kind>', t('setup:init.ci')).choices(['github']))
    .action((dir: string, options: { from: string; to: string; ci?: CiKind }) => {
      const from = parseLanguages(options.from, '--from');
      const to = parseLanguages(options.to, '--to');
      const both = to.find((lang) => from.includes(lang));
      if (both !== undefined) throw inputError('init.sameLanguage', 'setup:init.sameLanguage', { code: both });
      const workspaceDir = path.resolve(ctx.cwd, dir);
      const shown = (file: string): string => displayPath(file, { cwd: ctx.cwd, workspaceDir });
      const result = initWorkspace({ dir: workspaceDir, from, to, ci: options.ci });
      if (!result.ok) {
        ctx.stderr.write(
          `storyloc: ${t('common:error.prefix')}: ${t('setup:init.exists', { count: result.existing.length })}\n`,
        );
        for (const file of result.existing) ctx.stderr.write(`  ${shown(file)}\n`);
        setExitCode(ExitCode.input);
        return;
      }
      const out: string[] = [t('setup:init.created', { dir: shown(workspaceDir) })];
      for (const file of result.created) out.push(`  ${shown(file)}`);
      for (const folder of result.folders) out.push(`  ${shown(folder)}/`);
      if (result.gitignore !== 'unchanged')
        out.push(
          `  ${shown(path.join(workspaceDir, '.gitignore'))} (${t(`setup:init.gitignore.${result.gitignore}`)})`,
        );
      out.push(
        '',
        t('setup:init.next', {
          articles: from.map((lang) => `${shown(path.join(workspaceDir, 'articles', lang))}/`).join(', '),
        }),
      );
      const where = workspaceDir === ctx.cwd ? '' : ` --workspace ${shown(workspaceDir)}`;
      out.push(`  storyloc doctor${where}`, `  storyloc translate${where}`, `  storyloc review${where}`);
      ctx.stdout.write(`${out.join('\n')}\n`);
      setExitCode(ExitCode.ok);
    });
};
