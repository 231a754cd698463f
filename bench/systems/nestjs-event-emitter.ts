import { EventEmitter2, EventEmitterModule, OnEvent, type OnEventOptions } from '@nestjs/event-emitter';
import { BENCH_EVENT_NAME } from '../support/bench-event.js';
import { emitterSystem } from './emitter-adapter.js';
import { createNestApp, handlerClasses } from './nest-app.js';
import type { SystemFactory, SystemSetup, SystemUnderTest } from './system.interface.js';

/**
 * `@nestjs/event-emitter` as its docs show: `EventEmitterModule.forRoot()` and `@OnEvent` handlers.
 * Awaited form: `emitAsync`, which awaits every listener. Without waiting: `emit`, then wait
 * for the handler calls to be counted (it has no drain).
 */
async function create({ handlers, counter }: SystemSetup, options: OnEventOptions | undefined): Promise<SystemUnderTest> {
  const providers = handlerClasses(handlers, (target, descriptor) => {
    OnEvent(BENCH_EVENT_NAME, options)(target.prototype, 'handle', descriptor);
  });
  const app = await createNestApp([EventEmitterModule.forRoot()], providers);
  return emitterSystem(app.get(EventEmitter2), handlers.length, counter, () => app.close());
}

/** Default `@OnEvent` options: listeners called synchronously by `emit`. */
export const createNestEventEmitter: SystemFactory = (setup) => create(setup, undefined);

/** `@OnEvent(name, { async: true, promisify: true })`: listeners called on a later tick. */
export const createNestEventEmitterAsync: SystemFactory = (setup) => create(setup, { async: true, promisify: true });
