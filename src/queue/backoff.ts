/**
 * Exponential backoff with "equal jitter": the pause doubles per consecutive failure up to a maximum, and
 * a random part in [half, full] keeps clients that failed together from retrying together.
 */
export interface BackoffSettings {
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/**
 * Pause before the next attempt after the `level`-th consecutive failure (level >= 1).
 * `random` returns a number in [0, 1).
 */
export function backoffDelay(level: number, settings: BackoffSettings, random: () => number): number {
  const exponent = Math.max(0, level - 1);
  const ceiling = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
