import { CallCounter } from '../support/call-counter.js';
import { sleepingHandlers } from './handler-bodies.js';
import { publishAllThenDrain } from './publish-loops.js';
import type { Scenario } from './scenario.interface.js';

/**
 * Far more events than handlers can keep up with: how long the system takes and how much memory
 * it holds meanwhile. This package runs with `concurrency: 1024` and its default queue; p-queue
 * waits for room with `onSizeLessThan`; the others have no bound and take everything at once.
 */
export const flood: Scenario = {
  name: 'flood',
  metrics: ['total_s', 'peak_rss_mb'],
  events: { full: 300_000, quick: 30_000 },
  handlers: 2,
  prepare(events, warmup) {
    const counter = new CallCounter();
    const calls = events * this.handlers;
    return {
      counter,
      setup: { handlers: sleepingHandlers(this.handlers, 1, counter), counter, concurrency: 1024, backpressure: true },
      async drive(system) {
        const elapsed = await publishAllThenDrain(system, events, counter, calls, warmup);
        return { total_s: elapsed / 1000 };
      },
    };
  },
};
