import type { RetryOptions } from '../interfaces/retry-options.interface.js';

/** A retry policy with every field set. */
export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetry = Object.freeze({
  attempts: 1,
  backoffMs: 100,
  maxBackoffMs: 30_000,
  factor: 2,
  jitter: true,
});

/**
 * Delay before the attempt that follows `failedAttempt`: exponential, capped, and with full
 * jitter drawn uniformly from `[0, delay]` when `jitter` is on.
 */
export function backoffDelay(retry: ResolvedRetry, failedAttempt: number): number {
  const delay = Math.min(retry.maxBackoffMs, retry.backoffMs * Math.pow(retry.factor, failedAttempt - 1));
  return retry.jitter ? Math.random() * delay : delay;
}
