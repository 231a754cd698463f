import type { EventEmitter2 } from 'eventemitter2';
import type { CallCounter } from '../support/call-counter.js';
import { BENCH_EVENT_NAME } from '../support/bench-event.js';
import type { SystemUnderTest } from './system.interface.js';

/**
 * An `EventEmitter2` (raw, or the one `@nestjs/event-emitter` provides) as a system under test.
 * Awaited form: `emitAsync`, which awaits every listener. Without waiting: `emit`, then wait for
 * the handler calls to be counted (it has no drain).
 */
export function emitterSystem(emitter: EventEmitter2, handlers: number, counter: CallCounter, close: () => Promise<void>): SystemUnderTest {
  let published = 0;
  return {
    ordersByKey: false,
    publishAndWait: (event) => emitter.emitAsync(BENCH_EVENT_NAME, event),
    publish(event) {
      published++;
      emitter.emit(BENCH_EVENT_NAME, event);
      return undefined;
    },
    drain: () => counter.until(published * handlers),
    close,
  };
}
