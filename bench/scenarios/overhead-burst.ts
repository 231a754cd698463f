import { CallCounter } from '../support/call-counter.js';
import { trivialHandlers } from './handler-bodies.js';
import { callsPerSecond, publishAllThenDrain } from './publish-loops.js';
import type { Scenario } from './scenario.interface.js';

/**
 * The same events as `overhead-awaited`, published without waiting for handlers, then drained:
 * throughput, and the memory a system holds for work it accepted.
 */
export const overheadBurst: Scenario = {
  name: 'overhead-burst',
  metrics: ['handler_calls_per_s', 'peak_rss_mb'],
  events: { full: 200_000, quick: 20_000 },
  handlers: 4,
  prepare(events, warmup) {
    const counter = new CallCounter();
    const calls = events * this.handlers;
    return {
      counter,
      setup: { handlers: trivialHandlers(this.handlers, counter), counter },
      async drive(system) {
        const elapsed = await publishAllThenDrain(system, events, counter, calls, warmup);
        return { handler_calls_per_s: callsPerSecond(calls, elapsed) };
      },
    };
  },
};
