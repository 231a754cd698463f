import type { Abstract, Type } from '@nestjs/common';

/** An event class (matched by constructor, subclasses included). */
export type EventClass<T = unknown> = Type<T> | Abstract<T>;

/** What `@OnEvent` subscribes to: an event class, a name or wildcard pattern, or a symbol. */
export type EventKey = EventClass | string | symbol;

/** One `@OnEvent` as stored on its method. */
export interface OnEventMetadata {
  readonly events: readonly EventKey[];
  readonly options: import('./on-event-options.interface.js').OnEventOptions<never>;
}
