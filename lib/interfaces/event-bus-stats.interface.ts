/** Counters of one handler, in `EventBusStats.handlers`. */
export interface HandlerStats {
  /** Attempts running now. */
  running: number;
  /** Tasks accepted and not started (waiting for a slot or for their key). */
  queued: number;
  /** Tasks whose outcome was fulfilled. */
  completed: number;
  /** Tasks whose outcome was rejected, after every retry. */
  failed: number;
}

/** A snapshot of the bus, from `EventBus.stats()`. */
export interface EventBusStats {
  /** Events published and accepted. */
  published: number;
  /** Attempts running now (overdue ones included). */
  running: number;
  /** Tasks accepted and not yet started. */
  queued: number;
  /** Tasks waiting for the delay before a retry (they hold no slot). */
  delayed: number;
  /** Tasks whose outcome was fulfilled. */
  completed: number;
  /** Tasks whose outcome was rejected, after every retry. */
  failed: number;
  /** Retries started. */
  retried: number;
  /** Attempts that passed their deadline. */
  timedOut: number;
  /** Attempts still running past their deadline now. */
  overdue: number;
  /** Publishes refused with `EventBusOverloadedError`. */
  rejected: number;
  /** Per-handler figures by handler id. */
  handlers: Record<string, HandlerStats>;
}
