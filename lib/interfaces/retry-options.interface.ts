/** How a failed attempt is tried again: exponential backoff with full jitter. */
export interface RetryOptions {
  /**
   * Most attempts in all, the first included. `1` means no retry.
   * @default 1
   */
  attempts?: number;
  /**
   * Delay before the second attempt, in milliseconds; later delays grow by `factor`.
   * @default 100
   */
  backoffMs?: number;
  /**
   * Upper bound of one delay, in milliseconds.
   * @default 30000
   */
  maxBackoffMs?: number;
  /**
   * Growth of the delay from one retry to the next.
   * @default 2
   */
  factor?: number;
  /**
   * Full jitter: each delay is drawn uniformly from `[0, delay]`, so that retries of many tasks
   * that failed together do not come back together.
   * @default true
   */
  jitter?: boolean;
}
