import PQueue from 'p-queue';
import type { BenchEvent } from '../support/bench-event.js';
import type { SystemFactory } from './system.interface.js';

/** p-queue's concurrency in every scenario: one fixed bound, as a user would set it. */
const CONCURRENCY = 64;
/** Queued tasks before a publisher waits, with `backpressure`: the bound this package has by default. */
const MAX_QUEUED = 10_000;

/**
 * `p-queue` with concurrency 64, one task per handler call. Awaited form: `Promise.all` of the
 * event's tasks. Without waiting: `add` without awaiting, then `onIdle()`; with `backpressure`
 * (the flood), `await onSizeLessThan(...)` before adding once the queue holds `MAX_QUEUED`.
 */
export const createPQueue: SystemFactory = async ({ handlers, backpressure }) => {
  const queue = new PQueue({ concurrency: CONCURRENCY });
  const addAll = (event: BenchEvent): void => {
    for (const handler of handlers) void queue.add(() => handler(event));
  };
  return {
    ordersByKey: false,
    publishAndWait: (event) => Promise.all(handlers.map((handler) => queue.add(() => handler(event)))),
    publish(event) {
      if (backpressure && queue.size >= MAX_QUEUED) {
        return queue.onSizeLessThan(MAX_QUEUED).then(() => addAll(event));
      }
      addAll(event);
      return undefined;
    },
    drain: () => queue.onIdle(),
    close: async () => {
      queue.clear();
    },
  };
};
