/**
 * Exponential backoff with "equal jitter": the pause doubles per consecutive failure up to a maximum, and
 * a random part in [half, full] keeps clients that failed together from retrying together.
 *
 * Rate limiting (429) gets a floor on top: DeepL's own client (deepl-node) waits at least 1 s before a
 * retry and grows the wait ×1.6 per attempt, and DeepL's client tests expect a retried 429 to take over a
 * second. An isolated 429 (first or second in a row) keeps the short pause, so one random 429 costs
 * little (the bench's `api_wall_ratio_429`); from the third 429 in a row the pause is at least
 * 1 s × 1.6^(level − 3): 1 s, 1.6 s, 2.56 s, … up to deepl-node's 120 s ceiling. The floor wins over
 * `backoffMaxMs`, which bounds the generic part only: a server that keeps refusing must not be hammered.
 */
export interface BackoffSettings {
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/** deepl-node's retry schedule: first wait, growth per attempt, ceiling. */
export const RATE_LIMIT_FLOOR = { firstLevel: 3, initialMs: 1000, growth: 1.6, maxMs: 120_000 } as const;

/** The least pause after the `level`-th consecutive 429 (0 while the 429s may still be isolated). */
export function rateLimitFloor(level: number): number {
  if (level < RATE_LIMIT_FLOOR.firstLevel) return 0;
  const floor = RATE_LIMIT_FLOOR.initialMs * RATE_LIMIT_FLOOR.growth ** (level - RATE_LIMIT_FLOOR.firstLevel);
  return Math.round(Math.min(RATE_LIMIT_FLOOR.maxMs, floor));
}

/**
 * Pause before the next attempt after the `level`-th consecutive failure (level >= 1).
 * `random` returns a number in [0, 1). `rateLimited`: the failure was a 429 (the floor applies).
 */
export function backoffDelay(
  level: number,
  settings: BackoffSettings,
  random: () => number,
  rateLimited = false,
): number {
  const exponent = Math.max(0, level - 1);
  const ceiling = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** exponent);
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return rateLimited ? Math.max(jittered, rateLimitFloor(level)) : jittered;
}
