import type { RetryOptions } from './retry-options.interface.js';

/** Options of one `@OnEvent` subscription. */
export interface OnEventOptions<TEvent = unknown> {
  /**
   * Stable handler id, used in logs, stats, outcomes and (with a transport) as consumer group.
   * @default 'ClassName.methodName'
   */
  name?: string;
  /**
   * Called before the handler; the handler runs only for events it returns `true` for.
   * @default undefined (every matching event)
   */
  filter?: (event: TEvent) => boolean;
  /**
   * Most attempts of this handler running at once, within the module's `concurrency`.
   * @default undefined (no limit beyond the module's)
   */
  concurrency?: number;
  /**
   * Deadline of one attempt, in milliseconds.
   * @default the module's `handlerTimeoutMs`
   */
  timeoutMs?: number;
  /**
   * Retry policy, merged field by field over the module's `retry`.
   * @default the module's `retry`
   */
  retry?: RetryOptions;
  /**
   * Ordering key: events with the same key are handled by this handler one at a time, in publish
   * order (across retries too); different keys run concurrently. `undefined` means unordered.
   * @default undefined (no order)
   * @example
   * \@OnEvent(PriceTick, { key: (tick) => tick.symbol })
   */
  key?: (event: TEvent) => string | number | undefined;
}
