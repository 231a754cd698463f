import { CqrsModule, EventBus, EventsHandler } from '@nestjs/cqrs';
import { BenchEvent } from '../support/bench-event.js';
import { createNestApp, handlerClasses } from './nest-app.js';
import type { SystemFactory } from './system.interface.js';

/**
 * `@nestjs/cqrs` as its docs show: `CqrsModule.forRoot()`, `@EventsHandler(BenchEvent)` classes
 * and `EventBus.publish`. It has no awaitable form (`publish` returns before handlers finish
 * and never reports their end), so "published and awaited" is `publish`, then waiting until the
 * event's handler calls are counted: the nearest a caller can get.
 */
export const createNestCqrs: SystemFactory = async ({ handlers, counter }) => {
  const providers = handlerClasses(handlers, (target) => {
    EventsHandler(BenchEvent)(target);
  });
  const app = await createNestApp([CqrsModule.forRoot()], providers);
  const bus = app.get(EventBus);
  let published = 0;
  return {
    ordersByKey: false,
    publishAndWait(event) {
      published++;
      bus.publish(event);
      return counter.until(published * handlers.length);
    },
    publish(event) {
      published++;
      bus.publish(event);
      return undefined;
    },
    drain: () => counter.until(published * handlers.length),
    close: () => app.close(),
  };
};
