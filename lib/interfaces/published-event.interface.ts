import type { EventClass } from './event-key.interface.js';

/** One published event, as emitted by `EventBus.stream()`. */
export interface PublishedEvent<T = unknown> {
  /** The event's class name or name. */
  readonly eventName: string;
  /** The name or symbol it was published under; for class events, its class. */
  readonly type: EventClass | string | symbol;
  /** The event (class events) or the payload (named events). */
  readonly event: T;
  /** Epoch milliseconds. */
  readonly publishedAt: number;
}
