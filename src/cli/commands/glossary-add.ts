/**
 * `storyloc glossary add --id ID --type TYPE --form en=… --form it=… [--variant en=…] [--note …]
 * [--do-not-translate] [--file glossary/x.yaml]`: a new entry, validated and linted, written into the
 * glossary file with everything else in it kept; then how many translated segments it makes stale.
 * Exit 0 when added, 2 when refused (nothing written).
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { t } from '../../i18n/index.js';
import { ExitCode, inputError } from '../../errors.js';
import { displayPath } from '../../display-path.js';
import { planGlossaryAdd, type NewGlossaryEntry } from '../../glossary/add.js';
import { formatProblem } from '../../glossary/workspace.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { schemaReference } from '../../workspace/init.js';
import { segmentsMadeStale } from '../../workspace/glossary-impact.js';
import type { CommandContext } from '../context.js';

const TYPE_FILES: Record<string, string> = {
  person: 'people.yaml',
  title: 'titles.yaml',
  organization: 'organizations.yaml',
  place: 'places.yaml',
  term: 'terms.yaml',
};

interface AddFlags {
  id: string;
  type: string;
  form?: string[];
  variant?: string[];
  note?: string;
  doNotTranslate?: boolean;
  file?: string;
}

/** `en=Kim Soo-hyun` → ['en', 'Kim Soo-hyun']; repeated languages collect (variants) or are refused (forms). */
function parsePairs(values: readonly string[], flag: string): Array<[string, string]> {
  return values.map((value) => {
    const match = /^([a-z]{2})=(.*)$/s.exec(value);
    if (!match) throw inputError('glossary.add.badPair', 'glossaryAdd:badPair', { flag, value });
    return [match[1]!, match[2]!];
  });
}

function entryFromFlags(flags: AddFlags): NewGlossaryEntry {
  const forms: Record<string, string> = {};
  for (const [lang, text] of parsePairs(flags.form ?? [], '--form')) {
    if (forms[lang] !== undefined) throw inputError('glossary.add.twoForms', 'glossaryAdd:twoForms', { lang });
    forms[lang] = text;
  }
  const variants: Record<string, string[]> = {};
  for (const [lang, text] of parsePairs(flags.variant ?? [], '--variant')) (variants[lang] ??= []).push(text);
  return {
    id: flags.id,
    type: flags.type,
    forms,
    variants,
    ...(flags.doNotTranslate ? { doNotTranslate: true } : {}),
    ...(flags.note !== undefined ? { note: flags.note } : {}),
  };
}

async function addEntry(ctx: CommandContext, flags: AddFlags): Promise<number> {
  const config = ctx.config();
  const shown = (file: string): string => displayPath(file, { cwd: ctx.cwd, workspaceDir: config.workspaceDir });
  const file =
    flags.file !== undefined
      ? path.resolve(ctx.cwd, flags.file)
      : path.join(config.paths.glossary, TYPE_FILES[flags.type] ?? 'terms.yaml');
  const inGlossary = path.relative(config.paths.glossary, file);
  if (
    inGlossary.startsWith('..') ||
    path.isAbsolute(inGlossary) ||
    inGlossary.includes(path.sep) ||
    !/\.ya?ml$/i.test(file)
  ) {
    throw inputError('glossary.add.fileOutside', 'glossaryAdd:fileOutside', {
      file: flags.file ?? file,
      dir: shown(config.paths.glossary),
    });
  }
  const plan = planGlossaryAdd(
    config,
    file,
    entryFromFlags(flags),
    schemaReference(config.paths.glossary, config.workspaceDir),
  );
  await writeFileAtomic(file, plan.text);
  const place = `${shown(file)}:${plan.line}`;
  ctx.stdout.write(`${t(plan.existed ? 'glossaryAdd:added' : 'glossaryAdd:addedNewFile', { id: flags.id, place })}\n`);
  for (const warning of plan.warnings) ctx.stdout.write(`${formatProblem(warning, ctx.cwd, config.workspaceDir)}\n`);
  const stale = segmentsMadeStale(config, plan.before, plan.after);
  const total = stale.reduce((sum, story) => sum + story.count, 0);
  if (total === 0) ctx.stdout.write(`${t('glossaryAdd:noneStale')}\n`);
  else {
    const segments = t('glossaryAdd:translatedSegments', { count: total });
    const stories = t('glossaryAdd:stories', { count: stale.length });
    ctx.stdout.write(`${t('glossaryAdd:stale', { segments, stories })}\n`);
    for (const story of stale)
      ctx.stdout.write(
        `  ${story.article} → ${story.targetLang}: ${t('glossaryAdd:segments', { count: story.count })}\n`,
      );
    ctx.stdout.write(`${t('glossaryAdd:translateNext')}\n`);
  }
  return ExitCode.ok;
}

/** Registers `add` under the `glossary` command group. */
export function registerGlossaryAdd(group: Command, ctx: CommandContext, setExitCode: (code: number) => void): void {
  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  group
    .command('add')
    .description(t('glossaryAdd:description'))
    .requiredOption('--id <id>', t('glossaryAdd:optionId'))
    .addOption(
      new Option('--type <type>', t('glossaryAdd:optionType')).choices(Object.keys(TYPE_FILES)).makeOptionMandatory(),
    )
    .option('--form <lang=text>', t('glossaryAdd:optionForm'), collect)
    .option('--variant <lang=text>', t('glossaryAdd:optionVariant'), collect)
    .option('--note <text>', t('glossaryAdd:optionNote'))
    .option('--do-not-translate', t('glossaryAdd:optionDoNotTranslate'))
    .option('--file <file>', t('glossaryAdd:optionFile'))
    .action(async (flags: AddFlags) => setExitCode(await addEntry(ctx, flags)));
}
