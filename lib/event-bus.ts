import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { inspect } from 'node:util';
import { Observable, Subject, filter, map } from 'rxjs';
import { EVENT_BUS_CONFIG } from './event-bus.constants.js';
import { busClosed, handlerFailed, heldUndelivered, invalidEvent, shutdownAbandoned, shutdownBeforeStartup } from './event-bus.messages.js';
import { EventBusClosedError } from './errors/event-bus-closed.error.js';
import { InvalidEventError } from './errors/invalid-event.error.js';
import type { OverflowPolicy } from './interfaces/event-bus-options.interface.js';
import type { EventBusStats } from './interfaces/event-bus-stats.interface.js';
import type { EventClass } from './interfaces/event-key.interface.js';
import type { HandlerFailure } from './interfaces/handler-failure.interface.js';
import type { HandlerOutcome, PublishResult } from './interfaces/publish-result.interface.js';
import type { PublishedEvent } from './interfaces/published-event.interface.js';
import type { ResolvedEventBusOptions } from './options/resolve-module-options.js';
import { OutcomeCollector } from './outcome-collector.js';
import { EventRouter } from './routing/event-router.js';
import { NamePattern } from './routing/name-pattern.js';
import { HandlerRegistry, type RegisteredHandler } from './handler-registry.js';
import { TaskRunner } from './runner/task-runner.js';
import { Task } from './runner/task.js';
import type { EventTransport, IncomingEvent, TransportHost } from './transports/event-transport.interface.js';

type EventType = EventClass | string | symbol;

/** An event held until handlers are registered. */
interface HeldEvent {
  type: EventType;
  event: unknown;
  eventName: string;
  publishedAt: number;
  sink: OutcomeCollector | undefined;
}

const ACCEPTED: Promise<void> = Promise.resolve();

/**
 * Publishes events to every matching `@OnEvent` handler, each as a task of its own, through a
 * guarded `TaskRunner`. Inject it anywhere; one bus per `EventBusModule`.
 */
@Injectable()
export class EventBus implements BeforeApplicationShutdown {
  /** Every failed handler attempt, after it was logged. */
  readonly failures$: Observable<HandlerFailure>;

  /** @internal */
  readonly registry: HandlerRegistry;
  private readonly logger = new Logger('EventBus');
  private readonly runner: TaskRunner;
  private readonly router = new EventRouter<RegisteredHandler>();
  private readonly published$ = new Subject<PublishedEvent>();
  private readonly failureSubject = new Subject<HandlerFailure>();
  private state: 'starting' | 'running' | 'closing' | 'closed' = 'starting';
  private held: HeldEvent[] = [];
  private started: Promise<void>;
  private markStarted!: () => void;
  private closing: Promise<void> | undefined;
  private published = 0;
  private readonly transport: EventTransport | undefined;

  constructor(@Inject(EVENT_BUS_CONFIG) private readonly options: ResolvedEventBusOptions) {
    this.runner = new TaskRunner({
      concurrency: options.concurrency,
      maxQueueSize: options.maxQueueSize,
      overflow: options.overflow,
      timeoutMs: options.handlerTimeoutMs,
      retry: options.retry,
      onFailure: (failure) => this.onFailure(failure),
    });
    this.registry = new HandlerRegistry(this.runner, this.router, (failure) => this.onFailure(failure));
    this.failures$ = this.failureSubject.asObservable();
    this.started = new Promise<void>((resolve) => (this.markStarted = resolve));
    this.transport = options.transport;
  }

  /**
   * Publishes an event to its handlers. Resolves once every handler task is accepted; never
   * rejects because of a handler. Not awaiting it is fire-and-forget.
   *
   * @throws InvalidEventError (rejection) for `null`, `undefined`, a primitive or plain object, or an empty name.
   * @throws EventBusOverloadedError (rejection) when the queue is full and `overflow` is `'reject'`.
   * @throws EventBusClosedError (rejection) once shutdown has begun.
   *
   * @example
   * await bus.publish(new OrderCreated(order.id));
   * await bus.publish('order.created', { id: order.id });
   */
  publish(event: object): Promise<void>;
  publish(name: string | symbol, payload?: unknown): Promise<void>;
  publish(eventOrName: unknown, payload?: unknown): Promise<void> {
    try {
      return this.accept(eventOrName, payload, undefined) ?? ACCEPTED;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Publishes like `publish`, then resolves with every handler's outcome once all are final
   * (after retries), in the manner of `Promise.allSettled`: never fail-fast.
   * @throws the errors of `publish` (rejection); never a handler's error.
   */
  publishAndWait(event: object): Promise<PublishResult>;
  publishAndWait(name: string | symbol, payload?: unknown): Promise<PublishResult>;
  publishAndWait(eventOrName: unknown, payload?: unknown): Promise<PublishResult> {
    const collector = new OutcomeCollector();
    try {
      this.accept(eventOrName, payload, collector)?.catch(collector.reject);
    } catch (error) {
      collector.reject(error);
    }
    return collector.promise;
  }

  /** Resolves when no handler task is queued, running or waiting to retry. */
  async drain(): Promise<void> {
    if (this.state === 'starting') await this.started;
    await this.runner.drain();
  }

  /**
   * The published events: all of them (as `PublishedEvent`), or the events of one class
   * (subclasses included), name, pattern or symbol (the event, or the payload of a named event).
   */
  stream(): Observable<PublishedEvent>;
  stream<T>(type: EventClass<T>): Observable<T>;
  stream<T = unknown>(name: string | symbol): Observable<T>;
  stream(type?: EventType): Observable<unknown> {
    const all = this.published$.asObservable();
    if (type === undefined) return all;
    let matches: (published: PublishedEvent) => boolean;
    if (typeof type === 'function') {
      matches = (published) => typeof published.type === 'function' && published.event instanceof type;
    } else if (typeof type === 'string' && NamePattern.isPattern(type)) {
      const pattern = new NamePattern(type);
      matches = (published) => typeof published.type === 'string' && pattern.matches(published.type);
    } else {
      matches = (published) => published.type === type;
    }
    return all.pipe(
      filter(matches),
      map((published) => published.event),
    );
  }

  /** A snapshot of the bus's counters. */
  stats(): EventBusStats {
    return { published: this.published, ...this.runner.stats() };
  }

  /** @internal Called once handlers are registered: delivers what was held, in order. */
  async start(): Promise<void> {
    if (this.transport) await this.transport.connect(this.transportHost());
    // Handlers may publish while held events are delivered; those join the end of the line.
    for (let i = 0; i < this.held.length; i++) {
      const held = this.held[i];
      try {
        // Its publish has already resolved: it waits for room whatever the overflow policy, never dropped.
        await this.route(held.type, held.event, held.eventName, held.publishedAt, held.sink, 'wait');
      } catch (error) {
        if (held.sink) held.sink.reject(error);
        // Its publish resolved long ago: the one place left to say so.
        else this.logger.error(heldUndelivered(held.eventName), (error as Error)?.stack ?? String(error));
      }
    }
    this.held = [];
    if (this.state === 'starting') this.state = 'running';
    this.markStarted();
  }

  /** @internal Nest calls this on `app.close()`: drain, then give up on what is left. */
  beforeApplicationShutdown(): Promise<void> {
    this.closing ??= this.close();
    return this.closing;
  }

  private async close(): Promise<void> {
    const wasStarting = this.state === 'starting';
    this.state = 'closing';
    const startedAt = Date.now();
    if (wasStarting && this.held.length > 0) {
      this.logger.warn(shutdownBeforeStartup(this.held.length));
      for (const held of this.held) held.sink?.reject(new EventBusClosedError(busClosed(held.eventName)));
      this.held = [];
    }
    // Stop taking work from the transport first; what it already handed over drains below.
    await this.transport?.stopConsuming();
    const report = await this.runner.close(this.options.shutdownTimeoutMs);
    await this.transport?.close();
    if (report.abandoned > 0) {
      this.logger.warn(shutdownAbandoned(report.abandoned, report.running, report.queued, report.delayed, Date.now() - startedAt));
    }
    this.state = 'closed';
    this.published$.complete();
    this.failureSubject.complete();
  }

  private accept(eventOrName: unknown, payload: unknown, sink: OutcomeCollector | undefined): Promise<void> | undefined {
    let type: EventType;
    let event: unknown;
    let eventName: string;
    if (typeof eventOrName === 'string') {
      if (eventOrName.length === 0) throw new InvalidEventError(invalidEvent(eventOrName));
      type = eventName = eventOrName;
      event = payload;
    } else if (typeof eventOrName === 'symbol') {
      type = eventOrName;
      eventName = String(eventOrName);
      event = payload;
    } else {
      type = classOf(eventOrName);
      event = eventOrName;
      eventName = type.name;
    }
    if (this.state === 'closing' || this.state === 'closed') throw new EventBusClosedError(busClosed(eventName));
    if (sink) sink.eventName = eventName;

    // The clock is read only when something shows the time: a held event, the transport, the
    // stream, an outcome's duration or a handler's context. Otherwise 0: not read. Read here, before
    // any handler starts, so that it is the time of the publish.
    const handlers = this.state === 'running' && this.transport === undefined ? this.handlersOf(type) : undefined;
    const publishedAt = handlers === undefined || sink !== undefined || this.published$.observed || anyReadsContext(handlers) ? Date.now() : 0;
    if (this.state === 'starting') {
      this.held.push({ type, event, eventName, publishedAt, sink });
      this.record(type, event, eventName, publishedAt);
      return undefined;
    }
    // Counted and streamed once accepted: a publish refused as overloaded (or closed while it
    // waited for room) was not published.
    const accepted = this.route(type, event, eventName, publishedAt, sink, undefined, handlers);
    if (accepted === undefined) {
      this.record(type, event, eventName, publishedAt);
      return undefined;
    }
    return accepted.then(() => this.record(type, event, eventName, publishedAt));
  }

  private record(type: EventType, event: unknown, eventName: string, publishedAt: number): void {
    this.published++;
    if (this.published$.observed) this.published$.next({ eventName, type, event, publishedAt: publishedAt || Date.now() });
  }

  /** In process: to the handlers. With a transport: into it; its consumers deliver later. */
  private route(
    type: EventType,
    event: unknown,
    eventName: string,
    publishedAt: number,
    sink: OutcomeCollector | undefined,
    overflow?: OverflowPolicy,
    handlers?: readonly RegisteredHandler[],
  ): Promise<void> | undefined {
    if (!this.transport) return this.dispatch(type, event, eventName, publishedAt, sink, overflow, handlers ?? this.handlersOf(type));
    const durable = this.transport.publish({ type, event, publishedAt });
    // With a transport, publishAndWait waits for durability only: handlers run wherever a consumer takes the entry.
    return sink ? durable.then(() => sink.expect(0)) : durable;
  }

  /** Routes an event to its handlers and submits one task per handler, all accepted together. */
  private dispatch(
    type: EventType,
    event: unknown,
    eventName: string,
    publishedAt: number,
    sink: OutcomeCollector | undefined,
    overflow: OverflowPolicy | undefined,
    handlers: readonly RegisteredHandler[],
  ): Promise<void> | undefined {
    sink?.expect(handlers.length);
    if (handlers.length === 1) {
      const task = this.registry.task(handlers[0], event, eventName, publishedAt, sink);
      return task ? this.runner.admit(task, overflow, overflow === undefined ? publishedAt : 0) : undefined;
    }
    if (overflow === undefined && this.runner.canAcceptNow(handlers.length)) {
      for (let i = 0; i < handlers.length; i++) {
        const task = this.registry.task(handlers[i], event, eventName, publishedAt, sink);
        if (task) this.runner.acceptNow(task, publishedAt);
      }
      this.runner.flush();
      return undefined;
    }
    const tasks: Task[] = [];
    for (let i = 0; i < handlers.length; i++) {
      const task = this.registry.task(handlers[i], event, eventName, publishedAt, sink);
      if (task) tasks.push(task);
    }
    return tasks.length > 0 ? this.runner.admit(tasks, overflow) : undefined;
  }

  private handlersOf(type: EventType): readonly RegisteredHandler[] {
    return typeof type === 'function' ? this.router.forClass(type) : this.router.forName(type);
  }

  /** What the transport may do with this bus: see `TransportHost`. */
  private transportHost(): TransportHost {
    return {
      logger: this.logger,
      subscriptions: () => [...this.registry.all()].map(({ id }) => ({ id })),
      room: () => this.runner.room(),
      accepts: (handlerId, type) => {
        const handler = this.registry.get(handlerId);
        return handler !== undefined && this.handlersOf(type).includes(handler);
      },
      deliver: (handlerId, incoming, finished) => this.deliver(handlerId, incoming, finished),
    };
  }

  private deliver(handlerId: string, incoming: IncomingEvent, finished: () => void): Promise<HandlerOutcome | undefined> {
    const handler = this.registry.get(handlerId);
    const { type, event, publishedAt } = incoming;
    if (!handler) {
      finished();
      return Promise.resolve(undefined);
    }
    return new Promise<HandlerOutcome | undefined>((resolve, reject) => {
      const sink = { settle: resolve, skip: () => resolve(undefined), finished };
      const task = this.registry.task(handler, event, typeof type === 'function' ? type.name : type, publishedAt, sink);
      if (!task) {
        finished();
        return resolve(undefined);
      }
      try {
        // The consumer read no more than there was room for: wait rather than refuse.
        this.runner.admit(task, 'wait')?.catch(reject);
      } catch (error) {
        reject(error);
      }
    });
  }

  private onFailure(failure: HandlerFailure): void {
    const message = handlerFailed(failure.eventName, failure.handler, failure.attempt, failure.willRetry);
    const error = failure.error;
    const stack = error instanceof Error ? (error.stack ?? String(error)) : `Non-Error thrown: ${inspect(error)}`;
    if (failure.willRetry) this.logger.warn(`${message}: ${error instanceof Error ? error.message : inspect(error)}`);
    else this.logger.error(message, stack);
    this.failureSubject.next(failure);
  }
}

/** Whether any of the handlers is handed a context, which shows the publish time. */
function anyReadsContext(handlers: readonly RegisteredHandler[]): boolean {
  for (let i = 0; i < handlers.length; i++) if (handlers[i].group.readsContext) return true;
  return false;
}

/** The class of a class event, or `InvalidEventError`. */
function classOf(value: unknown): EventClass {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InvalidEventError(invalidEvent(value));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null || prototype === Object.prototype) throw new InvalidEventError(invalidEvent(value));
  return (prototype as { constructor: EventClass }).constructor;
}
