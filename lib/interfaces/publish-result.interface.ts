/** How one handler dealt with one event: settled in the manner of `Promise.allSettled`. */
export type HandlerOutcome<T = unknown> =
  | {
      readonly handler: string;
      readonly status: 'fulfilled';
      /** What the handler returned (resolved). */
      readonly value: T;
      /** Attempts made, the successful one included. */
      readonly attempts: number;
      /** From the start of the first attempt to the outcome, in milliseconds. */
      readonly durationMs: number;
    }
  | {
      readonly handler: string;
      readonly status: 'rejected';
      /** The error of the last attempt (a `HandlerTimeoutError` at a deadline). */
      readonly error: unknown;
      readonly attempts: number;
      readonly durationMs: number;
    };

/** What `EventBus.publishAndWait` resolves with. */
export interface PublishResult {
  /** The event's class name or name. */
  readonly eventName: string;
  /** One outcome per handler invoked, in no particular order. */
  readonly outcomes: HandlerOutcome[];
}
