import type { BenchEvent, Handler } from '../support/bench-event.js';
import type { CallCounter } from '../support/call-counter.js';

/** What a scenario asks of the system it sets up. */
export interface SystemSetup {
  /** The handler bodies; each is subscribed once to `BenchEvent`. */
  readonly handlers: readonly Handler[];
  /** Counts finished handler calls; peers without a way to wait for handlers are waited for here. */
  readonly counter: CallCounter;
  /** This package only: its module `concurrency`. Unset: the default. */
  readonly concurrency?: number;
  /** This package only: the `key` of every handler. Unset: unordered handlers. */
  readonly key?: (event: BenchEvent) => number;
  /** p-queue only: wait for room before adding (`onSizeLessThan`), as its docs show for a flood. */
  readonly backpressure?: boolean;
}

/** One system under test, driven the same way by every scenario. */
export interface SystemUnderTest {
  /** Whether the system itself keeps per-key order while events are published without waiting. */
  readonly ordersByKey: boolean;
  /**
   * Publishes one event and resolves once every handler of it has finished. The value is the
   * system's own (adapters hand back the library's promise as is, so they add no await).
   */
  publishAndWait(event: BenchEvent): Promise<unknown>;
  /**
   * Publishes one event without waiting for its handlers. A promise means "wait for it before
   * the next publish" (the system's own backpressure); `undefined` means publish on at once.
   */
  publish(event: BenchEvent): Promise<void> | undefined;
  /**
   * Resolves once every handler call of every event published so far has finished.
   * @throws when the system reported a failed handler call.
   */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Builds a system for one run. */
export type SystemFactory = (setup: SystemSetup) => Promise<SystemUnderTest>;
