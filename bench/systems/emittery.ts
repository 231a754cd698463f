import Emittery from 'emittery';
import { BENCH_EVENT_NAME, type BenchEvent } from '../support/bench-event.js';
import type { SystemFactory } from './system.interface.js';

/**
 * `emittery`, one `on` per handler. Awaited form: `await emit()`, which runs listeners
 * concurrently and resolves when all are done. Without waiting: `emit()` not awaited, then wait
 * for the handler calls to be counted.
 */
export const createEmittery: SystemFactory = async ({ handlers, counter }) => {
  const emitter = new Emittery<{ [BENCH_EVENT_NAME]: BenchEvent }>();
  for (const handler of handlers) emitter.on(BENCH_EVENT_NAME, handler);
  let published = 0;
  return {
    ordersByKey: false,
    publishAndWait: (event) => emitter.emit(BENCH_EVENT_NAME, event),
    publish(event) {
      published++;
      void emitter.emit(BENCH_EVENT_NAME, event);
      return undefined;
    },
    drain: () => counter.until(published * handlers.length),
    close: async () => {
      emitter.clearListeners();
    },
  };
};
