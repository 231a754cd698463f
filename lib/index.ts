export { EventBusModule } from './event-bus.module.js';
export type { EventBusOptionsFactory } from './event-bus.module-definition.js';
export { EventBus } from './event-bus.js';
export { OnEvent, type OnEventDecorator } from './decorators/on-event.decorator.js';

export { TaskRunner, type CloseReport } from './runner/task-runner.js';
export type { TaskGroup } from './runner/task-group.js';
export type { TaskContext } from './runner/task-context.js';
export type { TaskRunnerOptions, TaskGroupOptions, SubmitOptions } from './runner/task-runner-options.interface.js';

export type { EventBusModuleOptions, OverflowPolicy } from './interfaces/event-bus-options.interface.js';
export type { OnEventOptions } from './interfaces/on-event-options.interface.js';
export type { RetryOptions } from './interfaces/retry-options.interface.js';
export type { EventContext } from './interfaces/event-context.interface.js';
export type { HandlerOutcome, PublishResult } from './interfaces/publish-result.interface.js';
export type { HandlerFailure } from './interfaces/handler-failure.interface.js';
export type { EventBusStats, HandlerStats } from './interfaces/event-bus-stats.interface.js';
export type { PublishedEvent } from './interfaces/published-event.interface.js';
export type { EventClass, EventKey } from './interfaces/event-key.interface.js';
export type {
  EventTransport,
  IncomingEvent,
  OutgoingEvent,
  TransportHost,
  TransportSubscription,
} from './transports/event-transport.interface.js';
export { RedisStreamsTransport } from './transports/redis-streams/redis-streams.transport.js';
export type { RedisStreamsTransportOptions } from './transports/redis-streams/redis-streams-options.interface.js';
export { Event } from './decorators/event.decorator.js';

export { InvalidEventError } from './errors/invalid-event.error.js';
export { EventBusClosedError } from './errors/event-bus-closed.error.js';
export { EventBusOverloadedError } from './errors/event-bus-overloaded.error.js';
export { HandlerTimeoutError } from './errors/handler-timeout.error.js';
export { NonRetriableError } from './errors/non-retriable.error.js';
export { TaskAbandonedError } from './errors/task-abandoned.error.js';
export { InvalidOptionsError } from './errors/invalid-options.error.js';
export { EventTransportError } from './errors/event-transport.error.js';
