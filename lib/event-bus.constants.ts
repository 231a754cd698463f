/** Metadata key under which `@OnEvent` stores its subscriptions on a method. */
export const ON_EVENT_METADATA = 'nestjs-async-event-bus:on-event';

/** Metadata key under which `@Event` stores a class's wire name. */
export const EVENT_NAME_METADATA = 'nestjs-async-event-bus:event-name';

/** Injection token of the validated options, with every default filled in. */
export const EVENT_BUS_CONFIG = Symbol('EVENT_BUS_CONFIG');
