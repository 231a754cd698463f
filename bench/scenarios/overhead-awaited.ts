import { CallCounter } from '../support/call-counter.js';
import { trivialHandlers } from './handler-bodies.js';
import { callsPerSecond, publishEachAndWait } from './publish-loops.js';
import type { Scenario } from './scenario.interface.js';

/** The cost of the bus itself: trivial handlers, every event published and awaited. */
export const overheadAwaited: Scenario = {
  name: 'overhead-awaited',
  metrics: ['handler_calls_per_s'],
  events: { full: 200_000, quick: 20_000 },
  handlers: 4,
  prepare(events, warmup) {
    const counter = new CallCounter();
    const calls = events * this.handlers;
    return {
      counter,
      setup: { handlers: trivialHandlers(this.handlers, counter), counter },
      async drive(system) {
        const elapsed = await publishEachAndWait(system, events, counter, calls, warmup);
        return { handler_calls_per_s: callsPerSecond(calls, elapsed) };
      },
    };
  },
};
