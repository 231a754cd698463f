/** One failed attempt of one handler, as emitted on `EventBus.failures$`. */
export interface HandlerFailure {
  /** The handler id. */
  readonly handler: string;
  /** The event's class name or name. */
  readonly eventName: string;
  /** The event (class events) or the payload (named events). */
  readonly event: unknown;
  /** What the handler threw or rejected with (not always an `Error`). */
  readonly error: unknown;
  /** Which attempt failed, 1 for the first. */
  readonly attempt: number;
  /** Whether another attempt will follow. */
  readonly willRetry: boolean;
}
