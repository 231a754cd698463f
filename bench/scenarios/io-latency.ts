import { CallCounter } from '../support/call-counter.js';
import { sleepingHandlers } from './handler-bodies.js';
import { publishEachAndWait } from './publish-loops.js';
import type { Scenario } from './scenario.interface.js';

/** Handlers that wait on I/O: one event at a time, so the latency is what a caller sees. */
export const ioLatency: Scenario = {
  name: 'io-latency',
  metrics: ['ms_per_event'],
  events: { full: 50, quick: 10 },
  handlers: 10,
  prepare(events, warmup) {
    const counter = new CallCounter();
    const calls = events * this.handlers;
    return {
      counter,
      setup: { handlers: sleepingHandlers(this.handlers, 10, counter), counter },
      async drive(system) {
        const elapsed = await publishEachAndWait(system, events, counter, calls, warmup);
        return { ms_per_event: elapsed / events };
      },
    };
  },
};
