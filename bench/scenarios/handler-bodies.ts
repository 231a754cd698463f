import { setTimeout as sleep } from 'node:timers/promises';
import type { Handler } from '../support/bench-event.js';
import type { CallCounter } from '../support/call-counter.js';

/** `count` trivial async handlers: each counts its call, nothing else. */
export function trivialHandlers(count: number, counter: CallCounter): Handler[] {
  return Array.from({ length: count }, () => async () => counter.hit());
}

/** `count` handlers that each wait `ms` milliseconds on a timer, as an I/O call would. */
export function sleepingHandlers(count: number, ms: number, counter: CallCounter): Handler[] {
  return Array.from({ length: count }, () => async () => {
    await sleep(ms);
    counter.hit();
  });
}
