import eventemitter2 from 'eventemitter2';
import { BENCH_EVENT_NAME } from '../support/bench-event.js';
import { emitterSystem } from './emitter-adapter.js';
import type { SystemFactory } from './system.interface.js';

// A CommonJS module: its class is a property of the default export, as @nestjs/event-emitter reads it.
const { EventEmitter2 } = eventemitter2;

/**
 * Raw `eventemitter2`, default options, one `on` per handler. Awaited form: `emitAsync`.
 * Without waiting: `emit`, then wait for the handler calls to be counted.
 */
export const createEventEmitter2: SystemFactory = async ({ handlers, counter }) => {
  const emitter = new EventEmitter2();
  for (const handler of handlers) emitter.on(BENCH_EVENT_NAME, handler);
  return emitterSystem(emitter, handlers.length, counter, async () => {
    emitter.removeAllListeners();
  });
};
