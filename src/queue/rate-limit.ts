/**
 * Requests-per-second limit as a token bucket: `capacity` tokens, refilled continuously at `rate` per
 * second; each request takes one. It lets a queue that was paused catch up with a short burst (a fixed
 * window or p-queue's interval would waste the time a pause spent), while never exceeding the rate on
 * average. Reservations are first come, first served: a caller learns how long to wait for its token.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  /**
   * @param rate tokens per second (> 0; `Infinity` = no limit)
   * @param capacity the largest burst (>= 1)
   */
  constructor(
    private readonly rate: number,
    private readonly capacity: number,
    now: number = Date.now(),
  ) {
    if (!(rate > 0)) throw new TypeError(`Expected \`rate\` to be a number > 0, got \`${rate}\``);
    if (!(capacity >= 1)) throw new TypeError(`Expected \`capacity\` to be a number >= 1, got \`${capacity}\``);
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes a token and returns the ms to wait before using it (0 when one is available now). */
  reserve(now: number = Date.now()): number {
    if (!Number.isFinite(this.rate)) return 0;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) * this.rate) / 1000);
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.rate);
  }
}

/**
 * The client's bucket for a `requestsPerSecond` limit: one second's worth of requests less a tenth (at
 * least one). A server applying the same limit then always has tokens to spare, so jitter between
 * sending and arrival (new connections, a busy event loop: up to 1/10 s) cannot turn into a 429.
 */
export function clientTokenBucket(requestsPerSecond: number, now: number = Date.now()): TokenBucket {
  if (!Number.isFinite(requestsPerSecond)) return new TokenBucket(requestsPerSecond, 1, now);
  const slack = Math.max(1, Math.ceil(requestsPerSecond / 10));
  return new TokenBucket(requestsPerSecond, Math.max(1, Math.ceil(requestsPerSecond) - slack), now);
}
