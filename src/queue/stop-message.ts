/** The message that tells the user why a queue run stopped early and how to continue. */
import { t } from '../i18n/index.js';
import type { QueueOutcome } from './types.js';

/** A translated explanation of `outcome.stopped`, or null when the run translated everything planned. */
export function describeQueueStop(outcome: QueueOutcome, options: { maxChars?: number | null } = {}): string | null {
  if (outcome.stopped === null) return null;
  return t(`queue:stopped.${outcome.stopped}`, {
    // every text answered was sent once (a run's keys are distinct): the same as `translations.size`
    done: outcome.summary.sentTexts,
    remaining: outcome.untranslatedKeys.length,
    budget: options.maxChars ?? 0,
    retries: outcome.summary.retries,
    message: outcome.failure?.message ?? '',
  });
}
