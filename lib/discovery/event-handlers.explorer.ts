import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ContextIdFactory, DiscoveryService, MetadataScanner, ModuleRef } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';
import { EventBus } from '../event-bus.js';
import type { HandlerDefinition } from '../handler-registry.js';
import { readsContext } from '../runner/reads-context.js';
import type { TaskContext } from '../runner/task-context.js';
import { EventBusMetadataAccessor } from './event-bus-metadata.accessor.js';

type Method = (event: unknown, context: TaskContext) => unknown;

/**
 * Finds `@OnEvent` methods in providers and controllers once the app is up, registers them on the
 * bus, then lets the bus deliver what was published meanwhile.
 */
@Injectable()
export class EventHandlersExplorer implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly accessor: EventBusMetadataAccessor,
    private readonly moduleRef: ModuleRef,
    private readonly bus: EventBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const definition of this.explore()) this.bus.registry.register(definition);
    await this.bus.start();
  }

  /** Every handler of every provider and controller, each instance once. */
  explore(): HandlerDefinition[] {
    const definitions: HandlerDefinition[] = [];
    const seen = new Set<object>();
    for (const wrapper of [...this.discovery.getProviders(), ...this.discovery.getControllers()]) {
      const instance: unknown = wrapper.instance;
      // An alias (`useExisting`) is the same instance under another token: count it once.
      if (wrapper.isAlias || !instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const prototype: Record<string, unknown> | null = Object.getPrototypeOf(instance);
      if (!prototype) continue;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const subscriptions = this.accessor.getSubscriptions(prototype[methodName]);
        if (!subscriptions) continue;
        const source = `${instance.constructor.name}.${methodName}`;
        // Decorators apply bottom-up: reversed, the one written first gets the plain id.
        [...subscriptions].reverse().forEach((subscription, index) => {
          definitions.push({
            id: subscription.options.name ?? (index === 0 ? source : `${source}#${index + 1}`),
            source,
            events: subscription.events,
            options: subscription.options,
            invoke: this.invoker(wrapper, instance, methodName),
          });
        });
      }
    }
    return definitions;
  }

  /**
   * How to call the method: on the instance, or, for request-scoped and transient providers, on a
   * fresh instance per event, resolved in a context of its own whose `REQUEST` is the event.
   */
  private invoker(wrapper: InstanceWrapper, instance: object, methodName: string): Method {
    if (wrapper.isDependencyTreeStatic() && !wrapper.isTransient) {
      const method = (instance as Record<string, Method>)[methodName];
      // The runner makes a context only for a function that can see one: say so by the arity.
      if (!readsContext(method)) {
        const eventOnly = method as (event: unknown) => unknown;
        return (event) => eventOnly.call(instance, event);
      }
      return (event, context) => method.call(instance, event, context);
    }
    return async (event, context) => {
      const contextId = ContextIdFactory.create();
      this.moduleRef.registerRequestByContextId(event, contextId);
      const fresh = await this.moduleRef.resolve<unknown, Record<string, Method>>(wrapper.token, contextId, { strict: false });
      return fresh[methodName](event, context);
    };
  }
}
