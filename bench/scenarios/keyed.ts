import type { BenchEvent, Handler } from '../support/bench-event.js';
import { CallCounter } from '../support/call-counter.js';
import { KeyOrderCheck } from './key-order-check.js';
import { callsPerSecond, KEYS, publishAllThenDrain, publishEachAndWait } from './publish-loops.js';
import type { Scenario } from './scenario.interface.js';

/**
 * Per-key order: events over 100 keys, 4 handlers that must see each key's events one at a
 * time, in order; the run fails if any did not. This package orders by the handlers' `key` and
 * is published to without waiting, then drained. The peers have no per-key order of their own:
 * they keep it the only way they can, by awaiting each event before publishing the next.
 *
 * The handlers are as trivial as the burst's, plus the check: they finish before they yield, so
 * two events of a key cannot overlap here whatever the system does, and the check is of order.
 * Overlap is the test suite's to catch (per-key order property test of `TaskRunner`).
 */
export const keyed: Scenario = {
  name: 'keyed',
  metrics: ['handler_calls_per_s'],
  events: { full: 200_000, quick: 20_000 },
  handlers: 4,
  prepare(events, warmup) {
    const counter = new CallCounter();
    const check = new KeyOrderCheck(this.handlers, KEYS);
    const calls = events * this.handlers;
    const handlers = Array.from(
      { length: this.handlers },
      (_, index): Handler =>
        async (event) => {
          check.see(index, event);
          counter.hit();
        },
    );
    return {
      counter,
      setup: { handlers, counter, key: (event: BenchEvent) => event.key },
      async drive(system) {
        const elapsed = system.ordersByKey
          ? await publishAllThenDrain(system, events, counter, calls, warmup)
          : await publishEachAndWait(system, events, counter, calls, warmup);
        check.assert();
        return { handler_calls_per_s: callsPerSecond(calls, elapsed) };
      },
    };
  },
};
