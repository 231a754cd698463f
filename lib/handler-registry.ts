import { InvalidOptionsError } from './errors/invalid-options.error.js';
import { duplicateHandler, invalidOption } from './event-bus.messages.js';
import type { HandlerFailure } from './interfaces/handler-failure.interface.js';
import type { EventKey } from './interfaces/event-key.interface.js';
import type { OnEventOptions } from './interfaces/on-event-options.interface.js';
import { optionalFunction } from './options/validate.js';
import type { EventRouter } from './routing/event-router.js';
import type { TaskContext } from './runner/task-context.js';
import type { TaskGroup } from './runner/task-group.js';
import type { TaskRunner } from './runner/task-runner.js';
import type { OutcomeSink, Task } from './runner/task.js';

/** A handler found by discovery, before it is registered. */
export interface HandlerDefinition {
  /** The handler id. */
  readonly id: string;
  /** Where it was found, `ClassName.methodName`, for messages. */
  readonly source: string;
  readonly events: readonly EventKey[];
  readonly options: OnEventOptions<never>;
  readonly invoke: (event: unknown, context: TaskContext) => unknown;
}

/** A registered handler: its runner group and what decides whether and how an event reaches it. */
export interface RegisteredHandler {
  readonly id: string;
  readonly source: string;
  readonly group: TaskGroup<unknown>;
  readonly filter: ((event: unknown) => boolean) | undefined;
  readonly key: ((event: unknown) => string | number | undefined) | undefined;
}

/** The bus's handlers by id, and the one place that turns (handler, event) into a task. */
export class HandlerRegistry {
  private readonly byId = new Map<string, RegisteredHandler>();

  constructor(
    private readonly runner: TaskRunner,
    private readonly router: EventRouter<RegisteredHandler>,
    private readonly report: (failure: HandlerFailure) => void,
  ) {}

  /** @throws InvalidOptionsError for a bad option or an id already taken. */
  register(definition: HandlerDefinition): RegisteredHandler {
    const { id, source, options } = definition;
    const where = `@OnEvent() on ${source}`;
    if (typeof id !== 'string' || id.length === 0) throw new InvalidOptionsError(invalidOption(`${where} name`, id, 'a non-empty string'));
    const taken = this.byId.get(id);
    if (taken) throw new InvalidOptionsError(duplicateHandler(id, taken.source, source));
    optionalFunction(`${where} filter`, options.filter);
    optionalFunction(`${where} key`, options.key);
    const group = this.runner.group<unknown>({
      id,
      invoke: definition.invoke,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
    });
    const handler: RegisteredHandler = {
      id,
      source,
      group,
      filter: options.filter as RegisteredHandler['filter'],
      key: options.key as RegisteredHandler['key'],
    };
    this.byId.set(id, handler);
    for (const event of definition.events) this.router.add(event, handler);
    return handler;
  }

  get(id: string): RegisteredHandler | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<RegisteredHandler> {
    return this.byId.values();
  }

  /**
   * The task of one handler for one event, or `null` when its filter says no (the sink is told to
   * skip it). A filter or key function that throws is that handler's failure: reported, and a
   * rejected outcome for the sink.
   */
  task(handler: RegisteredHandler, event: unknown, eventName: string, publishedAt: number, sink: OutcomeSink | undefined): Task | null {
    if (handler.filter === undefined && handler.key === undefined) {
      return this.runner.createTask(handler.group, event, undefined, eventName, publishedAt, sink);
    }
    let key: string | number | undefined;
    try {
      if (handler.filter !== undefined && !handler.filter(event)) {
        sink?.skip?.();
        return null;
      }
      if (handler.key !== undefined) {
        key = handler.key(event);
        if (key !== undefined && typeof key !== 'string' && typeof key !== 'number') {
          throw new TypeError(`The key of handler "${handler.id}" returned ${String(key)}: expected a string, a number or undefined`);
        }
      }
    } catch (error) {
      this.runner.countFailure(handler.group as TaskGroup<never>);
      this.report({ handler: handler.id, eventName, event, error, attempt: 0, willRetry: false });
      sink?.settle({ handler: handler.id, status: 'rejected', error, attempts: 0, durationMs: 0 });
      return null;
    }
    return this.runner.createTask(handler.group, event, key, eventName, publishedAt, sink);
  }
}
