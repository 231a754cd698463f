import type { HandlerOutcome } from '../interfaces/publish-result.interface.js';

/** An event on its way between `publish` and the handlers. */
export interface OutgoingEvent {
  /** The event (class events) or the payload (named events). */
  readonly event: unknown;
  /** The name it travels under: `@Event` name of its class, or the event's name. */
  readonly name: string;
  readonly publishedAt: number;
}

/** A handler as a transport sees it. */
export interface TransportSubscription {
  /** The handler id: stable across instances and restarts. */
  readonly id: string;
}

/** What the bus offers a transport that it connects. */
export interface TransportHost {
  /** The handlers of this instance. */
  subscriptions(): readonly TransportSubscription[];
  /** How many more tasks this instance can accept right now without waiting. */
  room(): number;
  /**
   * Runs one handler on one event that came over the transport, through the runner.
   * Resolves with the final outcome (after retries); the transport acknowledges then.
   */
  deliver(handlerId: string, name: string, event: unknown, publishedAt: number): Promise<HandlerOutcome>;
  /** Turns a wire name and payload back into the event its handlers expect. */
  revive(name: string, payload: unknown): unknown;
}

/**
 * Where events travel between `publish` and the handlers. Without one the bus is in process.
 * The vocabulary (ack, dead letter) follows streams with consumer groups.
 */
export interface EventTransport {
  /** Called once handlers are discovered: start consuming for them. */
  connect(host: TransportHost): Promise<void>;
  /** Makes the events durable; resolves once they are. */
  publish(events: readonly OutgoingEvent[]): Promise<void>;
  /** Stops consuming, releases what this instance holds, closes what it opened. */
  close(timeoutMs: number): Promise<void>;
}
