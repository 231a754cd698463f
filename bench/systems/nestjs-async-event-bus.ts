import { EventBus, EventBusModule, OnEvent } from 'nestjs-async-event-bus';
import { BenchEvent } from '../support/bench-event.js';
import { createNestApp, handlerClasses } from './nest-app.js';
import type { SystemFactory, SystemUnderTest } from './system.interface.js';

/**
 * This package through its public API in a Nest app: `@OnEvent(BenchEvent)` handlers and the
 * default options, except the `concurrency` or `key` a scenario asks for. Awaited form:
 * `publishAndWait`; without waiting: awaited `publish` (its backpressure), then `drain()`.
 */
export const createAsyncEventBus: SystemFactory = async ({ handlers, concurrency, key }) => {
  const providers = handlerClasses(handlers, (target, descriptor) => {
    OnEvent(BenchEvent, key ? { key } : {})(target.prototype, 'handle', descriptor);
  });
  const app = await createNestApp([EventBusModule.forRoot(concurrency === undefined ? {} : { concurrency })], providers);
  const bus = app.get(EventBus);
  let failures = 0;
  bus.failures$.subscribe(() => failures++);

  const system: SystemUnderTest = {
    ordersByKey: true,
    publishAndWait: (event) => bus.publishAndWait(event),
    publish: (event) => bus.publish(event),
    async drain() {
      await bus.drain();
      if (failures > 0) throw new Error(`${failures} handler attempt(s) failed`);
    },
    close: () => app.close(),
  };
  return system;
};
