/**
 * `storyloc translate [ARTICLE…] [--to it] [--engine NAME] [--dry-run] [--max-chars N] [--concurrency N] [--json]`
 * Thin: parse flags, run the pipeline, print the summary (or the plan), set the exit code.
 */
import { Option } from 'commander';
import { ExitCode, inputError } from '../../errors.js';
import { displayPathsIn, displayPosition } from '../../display-path.js';
import { t, type NamespaceKey } from '../../i18n/index.js';
import { BrokenEditsError, summaryToJson, translateWorkspace, type TranslateSummary } from '../../translate/index.js';
import { createProgressDisplay, type ProgressDisplay } from '../../queue/progress.js';
import { describeQueueStop } from '../../queue/stop-message.js';
import type { CommandContext, CommandModule } from '../context.js';
import { reportSkippedSources } from '../skipped-sources.js';
import { DEFAULT_ARTICLE_LIMITS } from '../../config/load.js';

interface TranslateFlags {
  to?: string;
  engine?: string;
  dryRun?: boolean;
  maxChars?: string;
  concurrency?: string;
  json?: boolean;
  by?: string;
}

function wholeNumber(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number))
    throw inputError('translate.badNumber', 'translate:error.badNumber', { option, value });
  return number;
}

/**
 * Exit code of a finished run: Ctrl-C 130; quota, auth and engine failures 2; a budget stop 1; done with
 * some articles left for a translator (unreadable, or a pair the engine cannot translate) 1.
 */
export function exitCodeFor(summary: TranslateSummary): number {
  switch (summary.stopped) {
    case null:
      return summary.skipped.length > 0 ? ExitCode.findings : ExitCode.ok;
    case 'interrupted':
      return ExitCode.interrupted;
    case 'budget':
      return ExitCode.findings;
    default:
      return ExitCode.input;
  }
}

/** A counted noun in the UI language ("1 article", "2 articles"). */
/** the counted things of the translate catalog's `unit` section: `segment`, `text`, … */
type Unit = NamespaceKey<'translate'> extends infer K ? (K extends `unit.${infer U}` ? U : never) : never;
const unit = (key: Unit, count: number): string => t(`translate:unit.${key}`, { count });

function printSummary(ctx: CommandContext, summary: TranslateSummary): void {
  const out = (line: string): void => ctx.stdout.write(`${line}\n`);
  out(
    t('translate:summary.engine', {
      engine: summary.engine,
      reason: t(summary.engineReason.key, summary.engineReason.params),
    }),
  );
  if (summary.dryRun) {
    out(t('translate:summary.dryRun'));
    if (summary.engine === 'deepl') out(t('translate:summary.dryRunOffline'));
    const plannedTexts = summary.plan?.batches.reduce((sum, batch) => sum + batch.texts.length, 0) ?? 0;
    const amounts = {
      requests: unit('request', summary.requests),
      sent: unit('text', plannedTexts),
      billed: unit('billed', summary.billedCharacters),
    };
    out(t('translate:summary.planCharacters', { ...amounts, characters: unit('character', summary.sentCharacters) }));
    const overBudget = summary.plan?.overBudget.length ?? 0;
    if (overBudget > 0) out(t('translate:summary.overBudget', { count: overBudget }));
    for (const batch of summary.plan?.batches ?? [])
      out(
        t('translate:summary.batch', {
          index: batch.index + 1,
          pair: `${batch.sourceLang}→${batch.targetLang}`,
          texts: unit('text', batch.texts.length),
          segments: unit('segment', batch.jobCount),
          billed:
            summary.engine === 'deepl'
              ? unit('billed', batch.billedCharacters)
              : unit('character', batch.billedCharacters),
          bytes: batch.bytes,
        }),
      );
  }
  out(
    t(summary.dryRun ? 'translate:summary.countsDryRun' : 'translate:summary.counts', {
      articles: unit('article', summary.articles),
      segments: unit('segment', summary.segments),
      reused: summary.reused,
      fromMemory: summary.fromMemory,
      sent: unit('text', summary.sent),
      duplicates: unit('duplicate', summary.duplicates),
      untranslated: summary.untranslated,
    }),
  );
  if (summary.humanEdits > 0 || summary.stale > 0)
    out(
      t('translate:summary.edits', {
        humanEdits: unit('humanEdit', summary.humanEdits),
        stale: unit('stale', summary.stale),
      }),
    );
  if (!summary.dryRun) {
    out(
      t('translate:summary.cost', {
        billed: unit('billed', summary.billedCharacters),
        requests: unit('request', summary.requests),
        retries: unit('retry', summary.retries),
        seconds: summary.seconds.toFixed(1),
      }),
    );
    // only files with every segment translated count as translated files
    const partly = summary.writtenUntranslated.length;
    out(t('translate:summary.written', { files: unit('file', summary.written.length - partly) }));
    if (partly > 0) out(t('translate:summary.writtenUntranslated', { count: partly }));
  }
  if (summary.skipped.length > 0) out(t('translate:summary.skipped', { count: summary.skipped.length }));
}

/** One line per article (or article × language) left for a translator, with the reason. */
function printSkipped(ctx: CommandContext, summary: TranslateSummary, workspaceDir: string): void {
  for (const item of summary.skipped) {
    const message = t(item.messageKey, displayPathsIn(item.params, { cwd: ctx.cwd, workspaceDir }));
    const key = item.pair === null ? 'translate:skipped.article' : 'translate:skipped.pair';
    const position = displayPosition(item.position, { cwd: ctx.cwd, workspaceDir });
    ctx.stderr.write(`storyloc: ${t(key, { position, pair: item.pair ?? '', message })}\n`);
  }
}

/** The `--json` object: the pipeline's summary plus why the engine ran, in the user's language. */
function jsonSummary(summary: TranslateSummary): Record<string, unknown> {
  const json = summaryToJson(summary);
  const withReason: Record<string, unknown> = {
    engine: json.engine,
    engine_reason: t(summary.engineReason.key, summary.engineReason.params),
    ...json,
  };
  // What the plan keeps back, so a CI job can tell a budget stop from a text too large to send.
  if (summary.plan) {
    withReason.over_budget = summary.plan.overBudget.length;
    withReason.too_large = summary.plan.tooLarge.length;
  }
  return withReason;
}

/** The human edits that could not be read back, one line each, after the error line. */
function printBrokenEdits(ctx: CommandContext, error: BrokenEditsError, workspaceDir: string): void {
  ctx.stderr.write(`storyloc: ${t('common:error.prefix')}: ${t('translate:error.brokenList')}\n`);
  for (const item of error.broken) {
    const message = t(`memory:edit.${item.reason}`, { id: item.segmentId ?? '', state: item.stateFile });
    const position = displayPosition(item.position, { cwd: ctx.cwd, workspaceDir });
    ctx.stderr.write(`${t('translate:error.brokenItem', { position, message })}\n`);
  }
}

/** A warning per block the engine was not given (left in the source language). */
function printUntranslatableBlocks(ctx: CommandContext, summary: TranslateSummary, workspaceDir: string): void {
  for (const block of summary.untranslatableBlocks) {
    const position = displayPosition(block, { cwd: ctx.cwd, workspaceDir });
    ctx.stderr.write(`storyloc: ${t('translate:warning.untranslatableBlock', { position, reason: block.reason })}\n`);
  }
}

export const translateCommand: CommandModule = (program, ctx, setExitCode) => {
  program
    .command('translate')
    .description(t('translate:command.description'))
    .argument('[articles...]', t('translate:command.articles'))
    .addOption(new Option('--to <langs>', t('translate:command.to')))
    .addOption(new Option('--engine <name>', t('translate:command.engine')))
    .option('--dry-run', t('translate:command.dryRun'))
    .addOption(new Option('--max-chars <n>', t('translate:command.maxChars')))
    .addOption(new Option('--concurrency <n>', t('translate:command.concurrency')))
    .option('--json', t('translate:command.json'))
    .addOption(new Option('--by <name>', t('translate:command.by')))
    .addHelpText('after', t('cli:helpLimits', { ...DEFAULT_ARTICLE_LIMITS }))
    .action(async (articles: string[], flags: TranslateFlags) => {
      const config = ctx.config();
      reportSkippedSources(ctx, config, articles);
      let display: ProgressDisplay | undefined;
      const maxChars = wholeNumber('--max-chars', flags.maxChars);
      const concurrency = wholeNumber('--concurrency', flags.concurrency);
      let summary: TranslateSummary;
      const onInterrupt = (): void => {
        display?.stop();
        const received = ctx.stopSignal?.() ?? null;
        const message =
          received === null || received === 'SIGINT'
            ? t('translate:interrupt.draining')
            : t('translate:interrupt.drainingSignal', { signal: received });
        ctx.stderr.write(`storyloc: ${message}\n`);
      };
      try {
        summary = await translateWorkspace({
          config,
          cwd: ctx.cwd,
          env: ctx.env,
          articles,
          ...(flags.to !== undefined ? { targetLangs: [flags.to] } : {}),
          engine: flags.engine,
          ...(flags.by?.trim() ? { editor: flags.by.trim() } : {}),
          dryRun: flags.dryRun ?? false,
          maxChars: maxChars ?? null,
          ...(concurrency !== undefined ? { concurrency } : {}),
          signal: ctx.signal,
          onPlan: (plan) => {
            if (!flags.json) display = createProgressDisplay(ctx.stderr, { requests: plan.requests });
            // The first Ctrl-C stops taking work and lets the requests in flight finish (they are paid
            // for); the process-level handler is gone by then, so a second Ctrl-C quits at once.
            ctx.signal.addEventListener('abort', onInterrupt, { once: true });
          },
          onProgress: (event) => display?.update(event),
        });
      } catch (error) {
        ctx.signal.removeEventListener('abort', onInterrupt);
        display?.stop();
        if (error instanceof BrokenEditsError) {
          printBrokenEdits(ctx, error, config.workspaceDir);
          setExitCode(ExitCode.input);
          return;
        }
        throw error;
      }
      ctx.signal.removeEventListener('abort', onInterrupt);
      display?.stop();
      printUntranslatableBlocks(ctx, summary, config.workspaceDir);
      printSkipped(ctx, summary, config.workspaceDir);
      const tooLarge = summary.plan?.tooLarge.length ?? 0;
      if (tooLarge > 0) ctx.stderr.write(`storyloc: ${t('queue:plan.tooLarge', { count: tooLarge })}\n`);
      if (summary.outcome) {
        const stop = describeQueueStop(summary.outcome, { maxChars: maxChars ?? null });
        if (stop) ctx.stderr.write(`storyloc: ${stop}\n`);
      }
      if (flags.json) ctx.stdout.write(`${JSON.stringify(jsonSummary(summary))}\n`);
      else printSummary(ctx, summary);
      setExitCode(exitCodeFor(summary));
    });
};
