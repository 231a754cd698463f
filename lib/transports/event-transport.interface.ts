import type { EventClass } from '../interfaces/event-key.interface.js';
import type { HandlerOutcome } from '../interfaces/publish-result.interface.js';

/** An event on its way between `publish` and the handlers. */
export interface OutgoingEvent {
  /** Its class (class events), or the name or symbol it was published under. */
  readonly type: EventClass | string | symbol;
  /** The event (class events) or the payload (named events). */
  readonly event: unknown;
  readonly publishedAt: number;
}

/** An event that came over a transport, rebuilt. */
export interface IncomingEvent {
  /** Its class (class events), or its name. */
  readonly type: EventClass | string;
  /** The event (class events) or the payload (named events). */
  readonly event: unknown;
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
  /** Whether a handler takes events of this class (or its parents) or name. */
  accepts(handlerId: string, type: EventClass | string): boolean;
  /**
   * Runs one handler on one event that came over the transport, through the runner. Resolves
   * with the final outcome (after retries), or `undefined` when the handler's filter passes over
   * the event; rejects when the runner refused the task
   * (shutdown), so that the transport leaves it for another delivery. `finished` is called once
   * the handler is really done with the event: after the outcome, for an attempt that ran past
   * its deadline; until then the transport must not hand the entry over again.
   */
  deliver(handlerId: string, incoming: IncomingEvent, finished: () => void): Promise<HandlerOutcome | undefined>;
  /** Where the transport logs what it does on its own (reconnects, dead letters). */
  readonly logger: { log(message: string): void; warn(message: string): void; error(message: string, stack?: string): void };
}

/**
 * Where events travel between `publish` and the handlers. Without one the bus is in process.
 * The vocabulary (ack, dead letter) follows streams with consumer groups.
 */
export interface EventTransport {
  /** Called once handlers are discovered: start consuming for them. */
  connect(host: TransportHost): Promise<void>;
  /**
   * Makes the event durable; resolves once it is.
   * @throws EventTransportError (rejection) when the event cannot travel or the transport is down.
   */
  publish(event: OutgoingEvent): Promise<void>;
  /** Stops reading new work. Entries already handed to the bus are still acknowledged. */
  stopConsuming(): Promise<void>;
  /** Waits for pending acknowledgements, then closes the connections it opened. */
  close(): Promise<void>;
}
