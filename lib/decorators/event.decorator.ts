import { EVENT_NAME_METADATA } from '../event-bus.constants.js';
import type { EventClass } from '../interfaces/event-key.interface.js';

/** Wire names of the classes decorated with `@Event`, process-wide. A `Map`: no key reaches a prototype. */
const classesByName = new Map<string, EventClass>();

/**
 * Gives an event class a stable wire name, so that a transport can carry it to other instances and
 * rebuild it there as an instance of the same class. Only classes registered this way are ever
 * constructed from the wire.
 *
 * @throws TypeError when the name is empty or already taken by another class.
 * @example
 * \@Event('order.created')
 * export class OrderCreated { constructor(readonly orderId: string, readonly at: Date) {} }
 */
export function Event(name: string): ClassDecorator {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError(`@Event() needs a non-empty wire name, got ${String(name)}`);
  }
  return (target) => {
    const taken = classesByName.get(name);
    if (taken && taken !== target) {
      throw new TypeError(`@Event('${name}') on ${target.name}: the name is already taken by ${taken.name}`);
    }
    classesByName.set(name, target as unknown as EventClass);
    Reflect.defineMetadata(EVENT_NAME_METADATA, name, target);
  };
}

/** The wire name of an event class, or `undefined` when it has no `@Event`. */
export function wireNameOf(type: EventClass): string | undefined {
  // Own metadata only: a subclass without @Event must not travel under its parent's name.
  return Reflect.getOwnMetadata(EVENT_NAME_METADATA, type) as string | undefined;
}

/** The class registered under a wire name, or `undefined`. */
export function eventClassOf(name: string): EventClass | undefined {
  return classesByName.get(name);
}
