/**
 * Progress of a queue run for people: a cli-progress bar on a terminal (segments, characters, ETA), and
 * plain lines elsewhere (CI logs, pipes): one line each time another `stepPercent` of the segments is
 * done, plus one per whole-queue pause. All text comes from the `queue` catalog.
 */
import type cliProgressModule from 'cli-progress';
import { createRequire } from 'node:module';
import type { Output } from '../io/output.js';
import { t } from '../i18n/index.js';
import type { QueueProgress } from './types.js';

export interface ProgressDisplay {
  /** pass as the queue's `onProgress` */
  update(event: QueueProgress): void;
  /** stops the bar's redraw timer and ends its line; safe to call twice */
  stop(): void;
}

export interface ProgressDisplayOptions {
  /** plain mode: a line every this many percent; @default 10 */
  stepPercent?: number;
  /** terminal width for the bar; @default 80 */
  columns?: number;
  /** number of planned requests, shown in the first plain line */
  requests?: number;
}

/** Seconds left at the rate seen so far. */
function etaSeconds(elapsedMs: number, done: number, total: number): number {
  return Math.max(0, Math.round((elapsedMs / 1000) * ((total - done) / done)));
}

/** `45s`, `3m05s`, `1h02m`, as cli-progress wrote them. */
function formatEta(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function backoffLine(event: QueueProgress): string {
  return t('queue:progress.backoff', {
    reason: t(`queue:reason.${event.backoffKind ?? 'fatal'}`),
    seconds: formatSeconds(event.backoffMs ?? 0),
  });
}

export function createProgressDisplay(output: Output, options: ProgressDisplayOptions = {}): ProgressDisplay {
  return output.isTTY ? barDisplay(output, options) : plainDisplay(output, options);
}

function plainDisplay(output: Output, options: ProgressDisplayOptions): ProgressDisplay {
  const step = options.stepPercent ?? 10;
  let nextPercent = step;
  return {
    update(event) {
      if (event.segmentsTotal === 0) return;
      if (event.type === 'start') {
        const line = t('queue:progress.start', {
          segments: event.segmentsTotal,
          requests: options.requests ?? event.requests,
          characters: event.charactersTotal,
        });
        output.write(`${line}\n`);
        return;
      }
      if (event.type === 'backoff') {
        output.write(`${backoffLine(event)}\n`);
        return;
      }
      if (event.type !== 'batch') return;
      const percent = Math.floor((event.segmentsDone * 100) / event.segmentsTotal);
      if (percent < nextPercent && event.segmentsDone < event.segmentsTotal) return;
      // Several steps crossed at once print one line, at the percentage actually reached.
      nextPercent = (Math.floor(percent / step) + 1) * step;
      output.write(
        `${t('queue:progress.line', {
          done: event.segmentsDone,
          total: event.segmentsTotal,
          percent,
          characters: event.charactersDone,
          retries: event.retries,
        })}\n`,
      );
    },
    stop() {},
  };
}

/** cli-progress, loaded when a bar is shown: a run on a pipe or with nothing to send never needs it. */
function loadCliProgress(): typeof cliProgressModule {
  return createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
}

function barDisplay(output: Output, options: ProgressDisplayOptions): ProgressDisplay {
  const cliProgress = loadCliProgress();
  // cli-progress writes to a stream; readline's cursor helpers only need `write`.
  const stream = {
    isTTY: true,
    columns: options.columns ?? 80,
    write(text: string): boolean {
      output.write(text);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  const bar = new cliProgress.SingleBar(
    {
      format: t('queue:progress.bar'),
      stream,
      hideCursor: false,
      clearOnComplete: false,
      stopOnComplete: false,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  let startedAt: number | null = null;
  return {
    update(event) {
      if (stopped || event.segmentsTotal === 0) return;
      // no ETA until a batch has finished: before that any figure would be invented
      startedAt ??= Date.now();
      const eta =
        event.segmentsDone > 0 && event.type !== 'start'
          ? etaSeconds(Date.now() - startedAt, event.segmentsDone, event.segmentsTotal)
          : null;
      const payload = {
        characters: event.charactersDone,
        etaText: eta === null ? '' : t('queue:progress.eta', { eta: formatEta(eta) }),
      };
      if (!started) {
        bar.start(event.segmentsTotal, event.segmentsDone, payload);
        started = true;
      }
      if (event.type === 'backoff') {
        // A pause notice goes above the bar, which redraws on the next update.
        output.write(`\r\x1b[2K${backoffLine(event)}\n`);
      }
      bar.update(event.segmentsDone, payload);
      if (event.type === 'end') this.stop();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (started) bar.stop();
    },
  };
}
