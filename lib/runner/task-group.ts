import type { HandlerStats } from '../interfaces/event-bus-stats.interface.js';
import type { ResolvedRetry } from './backoff.js';
import type { TaskContext } from './task-context.js';
import { TaskQueue } from './task-queue.js';
import type { Task } from './task.js';

/** Tasks of one key waiting behind the one that holds the key. */
export class KeyLane extends TaskQueue<Task> {
  constructor(readonly key: string | number) {
    super();
  }
}

/**
 * One handler inside a `TaskRunner`: its limits, its queue of tasks ready to start, its key lanes
 * and its counters. Create it with `TaskRunner.group()`.
 */
export class TaskGroup<P = unknown> {
  /** Tasks ready to start, waiting for a slot. */
  readonly pending = new TaskQueue<Task>();
  /** Key lanes by key; a lane exists while a task of its key is unfinished. */
  readonly lanes = new Map<string | number, KeyLane>();
  running = 0;
  /** Tasks in `pending` and in the lanes. */
  queued = 0;
  completed = 0;
  failed = 0;
  /** Linked into the runner's list of groups with a task that may start. */
  nextReady: TaskGroup<never> | undefined = undefined;
  inReady = false;

  /** @internal */
  constructor(
    readonly id: string,
    readonly invoke: (payload: P, context: TaskContext) => unknown,
    readonly limit: number,
    readonly timeoutMs: number | undefined,
    readonly retry: ResolvedRetry,
  ) {}

  stats(): HandlerStats {
    return { running: this.running, queued: this.queued, completed: this.completed, failed: this.failed };
  }
}
