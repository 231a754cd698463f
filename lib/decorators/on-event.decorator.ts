import { extendArrayMetadata } from '@nestjs/common/utils/extend-metadata.util.js';
import { ON_EVENT_METADATA } from '../event-bus.constants.js';
import { noEvent, notAMethod } from '../event-bus.messages.js';
import type { EventContext } from '../interfaces/event-context.interface.js';
import type { EventClass, EventKey, OnEventMetadata } from '../interfaces/event-key.interface.js';
import type { OnEventOptions } from '../interfaces/on-event-options.interface.js';

/** A method decorator whose method must accept the events it subscribes to. */
export type OnEventDecorator<T> = <M extends (event: T, context: EventContext) => unknown>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void;

type InstanceOf<K> = K extends EventClass<infer T> ? T : unknown;

/**
 * Subscribes a provider or controller method to events. Each matching event calls it as
 * `method(event, context)`, as a task of its own, concurrently with the event's other handlers.
 * Stack several on one method, or pass an array; inherited methods keep their subscriptions.
 *
 * @param event an event class (its subclasses match too), a name, a wildcard pattern (`.` between
 *   segments, `*` one segment, `**` any number), a symbol, or an array of them.
 * @throws TypeError at class definition when put on something that is not a method, or given no event.
 *
 * @example
 * \@OnEvent(OrderCreated, { retry: { attempts: 3 } })
 * async sendConfirmation(event: OrderCreated, { signal }: EventContext) { ... }
 *
 * \@OnEvent<{ id: string }>('order.*')
 * audit(payload: { id: string }, { eventName }: EventContext) { ... }
 */
export function OnEvent<T>(event: EventClass<T>, options?: OnEventOptions<T>): OnEventDecorator<T>;
export function OnEvent<const K extends readonly EventKey[]>(
  events: K,
  options?: OnEventOptions<InstanceOf<K[number]>>,
): OnEventDecorator<InstanceOf<K[number]>>;
export function OnEvent<T = unknown>(name: string | symbol, options?: OnEventOptions<T>): OnEventDecorator<T>;
export function OnEvent(event: EventKey | readonly EventKey[], options: OnEventOptions<never> = {}): OnEventDecorator<never> {
  return (target, key, descriptor) => {
    const className = (typeof target === 'function' ? target : target.constructor).name;
    if (!descriptor || typeof descriptor.value !== 'function') {
      throw new TypeError(notAMethod(className, key));
    }
    const events = Array.isArray(event) ? [...event] : [event];
    if (events.length === 0 || !events.every(isEventKey)) {
      throw new TypeError(noEvent(className, key, event));
    }
    const metadata: OnEventMetadata = { events, options: options ?? {} };
    extendArrayMetadata(ON_EVENT_METADATA, [metadata], descriptor.value);
  };
}

function isEventKey(value: unknown): value is EventKey {
  return typeof value === 'function' || typeof value === 'symbol' || (typeof value === 'string' && value.length > 0);
}
