let reading = 0;
/** Settled already: its `then` queues `forget` after the reactions queued so far, at less cost than `queueMicrotask`. */
const SETTLED = Promise.resolve();

function forget(): void {
  reading = 0;
}

/**
 * `Date.now()`, read once for a run of promise reactions that were already queued together, such
 * as the handlers of one event settling one after another. A reaction queued before the reading
 * belongs to a promise that settled before it, so the shared reading is never earlier than the
 * settlement it stands for. On some machines `Date.now()` costs more than the rest of a task.
 */
export function settleClock(): number {
  if (reading === 0) {
    reading = Date.now();
    void SETTLED.then(forget);
  }
  return reading;
}
