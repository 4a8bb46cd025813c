/**
 * `storyloc translate [ARTICLE…] [--to it] [--engine NAME] [--dry-run] [--max-chars N] [--concurrency N] [--json]`
 * Thin: parse flags, run the pipeline, print the summary (or the plan), set the exit code.
 */
import { Option } from 'commander';
import { ExitCode, formatPosition, inputError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { BrokenEditsError, summaryToJson, translateWorkspace, type TranslateSummary } from '../../pipeline.js';
import { createProgressDisplay, type ProgressDisplay } from '../../queue/progress.js';
import { describeQueueStop } from '../../queue/stop-message.js';
import type { CommandContext, CommandModule } from '../context.js';

interface TranslateFlags {
  to?: string;
  engine?: string;
  dryRun?: boolean;
  maxChars?: string;
  concurrency?: string;
  json?: boolean;
}

function wholeNumber(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) throw inputError('translate.badNumber', 'translate:error.badNumber', { option, value });
  return number;
}

/** Exit code of a finished run: Ctrl-C 130; quota, auth and engine failures 2; a budget stop 1. */
export function exitCodeFor(summary: TranslateSummary): number {
  switch (summary.stopped) {
    case null:
      return ExitCode.ok;
    case 'interrupted':
      return ExitCode.interrupted;
    case 'budget':
      return ExitCode.findings;
    default:
      return ExitCode.input;
  }
}

function printSummary(ctx: CommandContext, summary: TranslateSummary): void {
  const out = (line: string): void => ctx.stdout.write(`${line}\n`);
  out(t('translate:summary.engine', { engine: summary.engine, reason: t(summary.engineReason.key, summary.engineReason.params) }));
  if (summary.dryRun) {
    out(t('translate:summary.dryRun'));
    out(t('translate:summary.plan', { requests: summary.requests, sent: summary.sent, billed: summary.billedCharacters }));
    summary.plan?.batches.forEach((batch) =>
      out(
        t('translate:summary.batch', {
          index: batch.index + 1,
          pair: `${batch.sourceLang}→${batch.targetLang}`,
          texts: batch.texts.length,
          segments: batch.jobCount,
          billed: batch.billedCharacters,
          bytes: batch.bytes,
        }),
      ),
    );
  }
  out(
    t('translate:summary.counts', {
      articles: summary.articles,
      segments: summary.segments,
      reused: summary.reused,
      fromMemory: summary.fromMemory,
      sent: summary.sent,
      duplicates: summary.duplicates,
      untranslated: summary.untranslated,
    }),
  );
  if (summary.humanEdits > 0 || summary.stale > 0) out(t('translate:summary.edits', { humanEdits: summary.humanEdits, stale: summary.stale }));
  if (!summary.dryRun) {
    out(t('translate:summary.cost', { billed: summary.billedCharacters, requests: summary.requests, retries: summary.retries, seconds: summary.seconds.toFixed(1) }));
    out(t('translate:summary.written', { count: summary.written.length }));
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
    .action(async (articles: string[], flags: TranslateFlags) => {
      const config = ctx.config();
      let display: ProgressDisplay | undefined;
      const maxChars = wholeNumber('--max-chars', flags.maxChars);
      const concurrency = wholeNumber('--concurrency', flags.concurrency);
      let summary: TranslateSummary;
      try {
        summary = await translateWorkspace({
          config,
          cwd: ctx.cwd,
          env: ctx.env,
          articles,
          ...(flags.to !== undefined ? { targetLangs: [flags.to] } : {}),
          engine: flags.engine,
          dryRun: flags.dryRun ?? false,
          maxChars: maxChars ?? null,
          ...(concurrency !== undefined ? { concurrency } : {}),
          signal: ctx.signal,
          onPlan: (plan) => {
            if (!flags.json) display = createProgressDisplay(ctx.stderr, { requests: plan.requests });
          },
          onProgress: (event) => display?.update(event),
        });
      } catch (error) {
        display?.stop();
        if (error instanceof BrokenEditsError) {
          ctx.stderr.write(`storyloc: ${t('common:error.prefix')}: ${t('translate:error.brokenList')}\n`);
          for (const item of error.broken) {
            const message = t(`memory:edit.${item.reason}`, { id: item.segmentId ?? '', state: item.stateFile });
            ctx.stderr.write(`${t('translate:error.brokenItem', { position: formatPosition(item.position), message })}\n`);
          }
          setExitCode(ExitCode.input);
          return;
        }
        throw error;
      }
      display?.stop();
      if (summary.outcome) {
        const stop = describeQueueStop(summary.outcome, { maxChars: maxChars ?? null });
        if (stop) ctx.stderr.write(`storyloc: ${stop}\n`);
      }
      if (flags.json) ctx.stdout.write(`${JSON.stringify(summaryToJson(summary))}\n`);
      else printSummary(ctx, summary);
      setExitCode(exitCodeFor(summary));
    });
};
