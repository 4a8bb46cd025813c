/**
 * `storyloc glossary lint|match|sync|list|show`: the termbase commands. Thin: each subcommand calls the
 * glossary library, prints, and sets the exit code (lint: 1 on errors; unreadable input: 2).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { ExitCode, StorylocError, inputError } from '../../errors.js';
import { readLooseArticle } from '../../articles/loose.js';
import { listArticles } from '../../articles/list.js';
import { readArticles } from '../../articles/read.js';
import { createIdentityLocator } from '../../check/locate.js';
import { reassembleArticle } from '../../reassembly/reassemble.js';
import type { Article } from '../../segments/types.js';
import { createDeepLClient, toEngineError } from '../../engines/deepl.js';
import { deeplAuthKey } from '../../engines/select.js';
import type { Lang } from '../../languages.js';
import type { ResolvedConfig } from '../../config/types.js';
import { hasErrors } from '../../glossary/lint.js';
import { createTermMatcher, type TermMatcher } from '../../glossary/matcher.js';
import {
  configuredPairs,
  glossaryNameFor,
  syncDeepLGlossaries,
  syncStatePath,
  type SyncAction,
} from '../../glossary/deepl-sync.js';
import { formatProblem, lintWorkspaceTermbase } from '../../glossary/workspace.js';
import type { GlossaryEntry, GlossaryProblem, TermMatch } from '../../glossary/types.js';
import { workspaceConfigOrDefaults } from '../workspace.js';
import { registerGlossaryAdd } from './glossary-add.js';
import { displayPath } from '../../display-path.js';
import type { CommandContext, CommandModule } from '../context.js';

function relative(config: ResolvedConfig, file: string): string {
  return path.relative(config.workspaceDir, file) || file;
}

function problemJson(problem: GlossaryProblem, config: ResolvedConfig): Record<string, unknown> {
  const params = { ...problem.params };
  delete params.entryIndex;
  return {
    code: problem.code,
    severity: problem.severity,
    file: relative(config, problem.file),
    line: problem.line,
    column: problem.column,
    message: t(problem.messageKey, problem.params),
    params,
  };
}

function actionText(action: SyncAction): string {
  switch (action.kind) {
    case 'createGlossary':
      return t('glossary:sync.createGlossary', {
        name: action.name,
        pairs: action.pairs.join(', '),
        count: action.entryCount,
      });
    case 'replaceDictionary':
      return t('glossary:sync.replaceDictionary', { pair: action.pair, count: action.entryCount });
    case 'keepDictionary':
      return t('glossary:sync.keepDictionary', { pair: action.pair, count: action.entryCount });
    case 'deleteDictionary':
      return t('glossary:sync.deleteDictionary', { pair: action.pair });
    case 'deleteGlossary':
      return t(
        action.reason === 'orphan' ? 'glossary:sync.deleteGlossaryOrphan' : 'glossary:sync.deleteGlossaryUnused',
        { name: action.name, id: action.glossaryId },
      );
  }
}

function entryJson(entry: GlossaryEntry, config: ResolvedConfig): Record<string, unknown> {
  return {
    id: entry.id,
    type: entry.type,
    forms: entry.forms,
    variants: entry.variants,
    forbidden: entry.forbidden,
    doNotTranslate: entry.doNotTranslate,
    caseSensitive: entry.caseSensitiveIn ? { ...entry.caseSensitiveIn } : entry.caseSensitive,
    ...(entry.note !== undefined ? { note: entry.note } : {}),
    file: relative(config, entry.file),
    line: entry.line,
    hash: entry.hash,
  };
}

function lint(ctx: CommandContext, files: string[], json: boolean): number {
  const config = workspaceConfigOrDefaults(ctx);
  // text output is read in a terminal: every position relative to where the command runs, so both places open
  const checked = lintWorkspaceTermbase(
    config,
    files.map((file) => path.resolve(ctx.cwd, file)),
    json ? {} : { relativeTo: ctx.cwd },
  );
  const errors = checked.problems.filter((p) => p.severity === 'error').length;
  const warnings = checked.problems.length - errors;
  const counts = { errors, warnings, entries: checked.termbase.entries.length, files: checked.termbase.files.length };
  if (json) {
    ctx.stdout.write(
      `${JSON.stringify({ ...counts, problems: checked.problems.map((p) => problemJson(p, config)) }, null, 2)}\n`,
    );
  } else {
    for (const problem of checked.problems)
      ctx.stdout.write(
        `${formatProblem(problem, ctx.cwd, config.configFile === null ? undefined : config.workspaceDir)}\n`,
      );
    const units = {
      errors: t('glossary:lint.error', { count: counts.errors }),
      warnings: t('glossary:lint.warning', { count: counts.warnings }),
      entries: t('glossary:lint.entry', { count: counts.entries }),
      files: t('glossary:lint.file', { count: counts.files }),
    };
    ctx.stdout.write(
      `${checked.problems.length === 0 ? t('glossary:lint.clean', units) : t('glossary:lint.summary', units)}\n`,
    );
  }
  return errors > 0 ? ExitCode.findings : ExitCode.ok;
}

interface LocatedHit {
  segmentId: string;
  match: TermMatch;
  /** where the term itself is in the article file (a paragraph may wrap over several lines) */
  line: number;
  column: number;
}

/**
 * Every hit of `matcher` in an article, placed where the term is in the file: the identity reassembly
 * gives the file back byte for byte, so a marker put at the match lands on the term's line and column.
 */
function locateHits(
  article: Article,
  matcher: TermMatcher,
  keep: (match: TermMatch) => boolean = () => true,
): LocatedHit[] {
  const located: LocatedHit[] = [];
  let locator: ReturnType<typeof createIdentityLocator> | undefined;
  for (const segment of article.segments) {
    for (const hit of matcher.match(segment.text)) {
      if (!keep(hit)) continue;
      locator ??= createIdentityLocator(article, reassembleArticle);
      const place = locator.place(segment.id, { start: hit.start, end: hit.end });
      located.push({ segmentId: segment.id, match: hit, line: place.line, column: place.column });
    }
  }
  return located;
}

function match(ctx: CommandContext, files: string[], json: boolean): number {
  const config = workspaceConfigOrDefaults(ctx);
  const { termbase } = lintWorkspaceTermbase(config);
  const matchers = new Map<Lang, TermMatcher>();
  const rows: Array<Record<string, unknown>> = [];
  for (const file of files) {
    const article = readLooseArticle(file, config, { cwd: ctx.cwd });
    let matcher = matchers.get(article.lang);
    if (!matcher) matchers.set(article.lang, (matcher = createTermMatcher(termbase, article.lang)));
    const hits = locateHits(article, matcher).map(({ segmentId, match: hit, line, column }) => ({
      file,
      line,
      column,
      segmentId,
      entryId: hit.entryId,
      surface: hit.surface,
      matchedAs: hit.matchedAs,
      start: hit.start,
      end: hit.end,
    }));
    if (!json) {
      const header =
        hits.length === 0
          ? t('glossary:cli.match.none', { file })
          : t('glossary:cli.match.header', { file, count: hits.length });
      ctx.stdout.write(`${header}\n`);
      for (const hit of hits)
        ctx.stdout.write(`  ${file}:${hit.line}:${hit.column}  ${hit.segmentId}  ${hit.entryId}  “${hit.surface}”\n`);
    }
    rows.push(...hits);
  }
  if (json) ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  return ExitCode.ok;
}

async function sync(ctx: CommandContext, dryRun: boolean): Promise<number> {
  const config = ctx.config();
  // a dry run changes nothing, here either (not even the glossary's parse cache)
  const checked = lintWorkspaceTermbase(config, undefined, { writeCache: !dryRun });
  if (hasErrors(checked.problems)) {
    for (const problem of checked.problems)
      if (problem.severity === 'error')
        ctx.stderr.write(
          `${formatProblem(problem, ctx.cwd, config.configFile === null ? undefined : config.workspaceDir)}\n`,
        );
    ctx.stderr.write(`${t('glossary:sync.lintErrors')}\n`);
    return ExitCode.findings;
  }
  const authKeyEnv = config.engine.deepl.authKeyEnv;
  const key = deeplAuthKey(config, ctx.env);
  if (key === null && !dryRun) throw inputError('glossary.sync.noKey', 'glossary:sync.noKey', { env: authKeyEnv });
  const statePath = syncStatePath(config);
  const client =
    key === null
      ? null
      : createDeepLClient({
          authKey: key,
          serverUrl: config.engine.deepl.serverUrl,
          timeoutMs: config.engine.deepl.timeoutMs,
          authKeyEnv,
        });
  let result: Awaited<ReturnType<typeof syncDeepLGlossaries>>;
  try {
    result = await syncDeepLGlossaries({
      termbase: checked.termbase,
      pairs: configuredPairs(config),
      client,
      statePath,
      name: glossaryNameFor(config),
      dryRun,
    });
  } catch (error) {
    if (error instanceof StorylocError) throw error;
    const engineError = toEngineError(error, key === null ? [] : [key], authKeyEnv);
    throw new StorylocError(
      'glossary.sync.failed',
      'glossary:sync.failed',
      { detail: engineError.message },
      { cause: engineError },
    );
  }
  if (!result.remoteChecked)
    ctx.stdout.write(`${t('glossary:sync.offline', { env: authKeyEnv, file: relative(config, statePath) })}\n`);
  if (dryRun) ctx.stdout.write(`${t('glossary:sync.dryRunHeader')}\n`);
  if (result.actions.length === 0) ctx.stdout.write(`${t('glossary:sync.nothing')}\n`);
  for (const action of result.actions) ctx.stdout.write(`  ${actionText(action)}\n`);
  if (result.v2Glossaries.length > 0) {
    ctx.stdout.write(`${t('glossary:sync.v2Header', { count: result.v2Glossaries.length })}\n`);
    for (const info of result.v2Glossaries) {
      const line = t('glossary:sync.v2Glossary', {
        name: info.name,
        id: info.glossaryId,
        pair: info.pair,
        count: info.entryCount,
      });
      ctx.stdout.write(`  ${line}\n`);
    }
  }
  if (!dryRun) {
    const changes = result.actions.filter((action) => action.kind !== 'keepDictionary').length;
    ctx.stdout.write(`${t('glossary:sync.done', { changes, file: relative(config, statePath) })}\n`);
  }
  return ExitCode.ok;
}

function list(ctx: CommandContext, json: boolean): number {
  const config = workspaceConfigOrDefaults(ctx);
  const { termbase } = lintWorkspaceTermbase(config);
  if (json) {
    ctx.stdout.write(
      `${JSON.stringify(
        termbase.entries.map((entry) => entryJson(entry, config)),
        null,
        2,
      )}\n`,
    );
    return ExitCode.ok;
  }
  if (termbase.entries.length === 0) {
    ctx.stdout.write(`${t('glossary:list.empty')}\n`);
    return ExitCode.ok;
  }
  const langs = [...config.sourceLanguages, ...config.targetLanguages];
  const idWidth = Math.max(...termbase.entries.map((entry) => entry.id.length));
  for (const entry of termbase.entries) {
    const forms = langs.map((lang) => `${lang}: ${entry.forms[lang] ?? (entry.doNotTranslate ? '=' : '—')}`).join('  ');
    ctx.stdout.write(`${entry.id.padEnd(idWidth)}  ${entry.type.padEnd(12)}  ${forms}\n`);
  }
  ctx.stdout.write(`${t('glossary:list.count', { count: termbase.entries.length })}\n`);
  return ExitCode.ok;
}

function show(ctx: CommandContext, id: string, json: boolean): number {
  const config = workspaceConfigOrDefaults(ctx);
  const { termbase } = lintWorkspaceTermbase(config);
  const entry = termbase.byId.get(id);
  if (!entry) throw inputError('glossary.unknownEntry', 'glossary:error.unknownEntry', { id });
  // the whole termbase, as `match` and translation see it: "tvN" inside "tvN Drama" is tvn-drama, not tvn
  const matchers = new Map<Lang, TermMatcher>();
  const usage: Array<{ article: string; count: number; lines: number[] }> = [];
  const articles = listArticles(config, [], ctx.cwd).length > 0 ? readArticles(config, [], ctx.cwd) : [];
  for (const article of articles) {
    let matcher = matchers.get(article.lang);
    if (!matcher) matchers.set(article.lang, (matcher = createTermMatcher(termbase, article.lang)));
    const hits = locateHits(article, matcher, (hit) => hit.entryId === entry.id);
    if (hits.length === 0) continue;
    const lines = [...new Set(hits.map((hit) => hit.line))].sort((a, b) => a - b);
    usage.push({ article: article.relativePath, count: hits.length, lines });
  }
  if (json) {
    ctx.stdout.write(`${JSON.stringify({ entry: entryJson(entry, config), usage }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const yesNo = (flag: boolean): string => t(flag ? 'glossary:show.yes' : 'glossary:show.no');
  const perLang = (record: Partial<Record<string, string | string[]>>): string =>
    Object.entries(record)
      .map(([lang, value]) => `${lang}: ${Array.isArray(value) ? value.join(' | ') : String(value)}`)
      .join('; ');
  const out: string[] = [entry.id];
  out.push(`  ${t('glossary:show.type')}: ${entry.type}`);
  out.push(`  ${t('glossary:show.forms')}: ${perLang(entry.forms)}`);
  if (Object.keys(entry.variants).length > 0) out.push(`  ${t('glossary:show.variants')}: ${perLang(entry.variants)}`);
  if (Object.keys(entry.forbidden).length > 0)
    out.push(`  ${t('glossary:show.forbidden')}: ${perLang(entry.forbidden)}`);
  out.push(`  ${t('glossary:show.doNotTranslate')}: ${yesNo(entry.doNotTranslate)}`);
  out.push(
    `  ${t('glossary:show.caseSensitive')}: ${
      entry.caseSensitiveIn
        ? Object.entries(entry.caseSensitiveIn)
            .map(([lang, flag]) => `${lang}: ${yesNo(flag)}`)
            .join(', ')
        : yesNo(entry.caseSensitive)
    }`,
  );
  if (entry.note !== undefined) out.push(`  ${t('glossary:show.note')}: ${entry.note}`);
  const definedIn = displayPath(entry.file, { cwd: ctx.cwd, workspaceDir: config.workspaceDir });
  out.push(`  ${t('glossary:show.defined')}: ${definedIn}:${entry.line}`);
  out.push(`  ${t('glossary:show.hash')}: ${entry.hash}`);
  out.push(usage.length === 0 ? t('glossary:show.notUsed') : t('glossary:show.usedIn', { count: usage.length }));
  for (const use of usage)
    out.push(t('glossary:show.usage', { file: use.article, count: use.count, lines: use.lines.join(', ') }));
  ctx.stdout.write(`${out.join('\n')}\n`);
  return ExitCode.ok;
}

export const glossaryCommand: CommandModule = (program: Command, ctx, setExitCode) => {
  const group = program.command('glossary').description(t('glossary:cli.description'));
  group
    .command('lint')
    .description(t('glossary:cli.lint.description'))
    .argument('[files...]', t('glossary:cli.lint.files'))
    .option('--json', t('glossary:cli.json'))
    .action((files: string[], options: { json?: boolean }) => setExitCode(lint(ctx, files, options.json ?? false)));
  group
    .command('match')
    .description(t('glossary:cli.match.description'))
    .argument('<files...>', t('glossary:cli.match.files'))
    .option('--json', t('glossary:cli.json'))
    .action((files: string[], options: { json?: boolean }) => setExitCode(match(ctx, files, options.json ?? false)));
  group
    .command('sync')
    .description(t('glossary:cli.sync.description'))
    .option('--dry-run', t('glossary:cli.sync.dryRun'))
    .action(async (options: { dryRun?: boolean }) => setExitCode(await sync(ctx, options.dryRun ?? false)));
  group
    .command('list')
    .description(t('glossary:cli.list.description'))
    .option('--json', t('glossary:cli.json'))
    .action((options: { json?: boolean }) => setExitCode(list(ctx, options.json ?? false)));
  group
    .command('show')
    .description(t('glossary:cli.show.description'))
    .argument('<id>', t('glossary:cli.show.id'))
    .option('--json', t('glossary:cli.json'))
    .action((id: string, options: { json?: boolean }) => setExitCode(show(ctx, id, options.json ?? false)));
  registerGlossaryAdd(group, ctx, setExitCode);
};
