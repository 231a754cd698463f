import type { EventTransport } from '../transports/event-transport.interface.js';
import type { RetryOptions } from './retry-options.interface.js';

/** What the bus does when its queue is full. */
export type OverflowPolicy = 'wait' | 'reject';

/** Options of `EventBusModule.forRoot` and of the factory of `forRootAsync`. */
export interface EventBusModuleOptions {
  /**
   * Most handler attempts running at once on this bus.
   * @default 64
   */
  concurrency?: number;
  /**
   * Most handler tasks accepted and not yet started. `Infinity` removes the bound.
   * @default 10000
   */
  maxQueueSize?: number;
  /**
   * When the queue is full: `'wait'` makes `publish` wait for room (backpressure), `'reject'` makes
   * it reject with `EventBusOverloadedError`. Nothing is dropped silently.
   * @default 'wait'
   */
  overflow?: OverflowPolicy;
  /**
   * Deadline of one attempt of any handler, in milliseconds; `OnEventOptions.timeoutMs` overrides it.
   * @default undefined (no deadline)
   */
  handlerTimeoutMs?: number;
  /**
   * Retry policy of every handler; `OnEventOptions.retry` overrides it field by field.
   * @default { attempts: 1 }
   */
  retry?: RetryOptions;
  /**
   * How long `app.close()` waits for accepted tasks to finish before it aborts the rest.
   * @default 10000
   */
  shutdownTimeoutMs?: number;
  /**
   * Where events travel between publish and handlers. Unset: in process.
   * @default undefined (in process)
   * @example
   * EventBusModule.forRoot({ transport: new RedisStreamsTransport({ group: 'orders-app' }) })
   */
  transport?: EventTransport;
}
