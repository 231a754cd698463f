import type { BenchEvent } from '../support/bench-event.js';
import type { SystemFactory } from './system.interface.js';

/**
 * The design this package replaces: a loop that awaits each handler in turn. Awaited form: the
 * loop, awaited. Without waiting: the loop started and not awaited (one loop per event, so
 * events overlap while each event's handlers still run one after another), then wait for the
 * handler calls to be counted.
 */
export const createSequentialAwait: SystemFactory = async ({ handlers, counter }) => {
  const dispatch = async (event: BenchEvent): Promise<void> => {
    for (const handler of handlers) await handler(event);
  };
  let published = 0;
  return {
    ordersByKey: false,
    publishAndWait: dispatch,
    publish(event) {
      published++;
      void dispatch(event);
      return undefined;
    },
    drain: () => counter.until(published * handlers.length),
    close: async () => {},
  };
};
