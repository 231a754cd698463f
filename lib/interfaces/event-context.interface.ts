/**
 * The second argument of every handler call: what this call is and how to give it up.
 */
export interface EventContext {
  /** The event's class name (class events) or its name (named events, `String(symbol)` for symbols). */
  readonly eventName: string;
  /** The handler id: `OnEventOptions.name`, or `'ClassName.methodName'`. */
  readonly handler: string;
  /** 1 on the first try, 2 on the first retry, and so on. */
  readonly attempt: number;
  /** When the event was published, in epoch milliseconds. */
  readonly publishedAt: number;
  /**
   * Aborted when this attempt passes its `timeoutMs` deadline or when shutdown gives up on it.
   * Pass it on to `fetch`, database drivers, timers: a handler that honours it frees its slot.
   */
  readonly signal: AbortSignal;
}
