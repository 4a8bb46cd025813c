/** The translation queue: batching, rate limit, whole-queue backoff, budget, progress. */
export { backoffDelay, type BackoffSettings } from './backoff.js';
export { billedCharacterCount, formEncodedLength, REQUEST_OVERHEAD_BYTES } from './measure.js';
export { planBatches, validateBatchLimits } from './plan.js';
export { createProgressDisplay, type ProgressDisplay, type ProgressDisplayOptions } from './progress.js';
export { clientTokenBucket, TokenBucket } from './rate-limit.js';
export { runTranslationQueue, validateQueueOptions } from './run.js';
export { describeQueueStop } from './stop-message.js';
export type * from './types.js';
