import type { HandlerStats } from '../interfaces/event-bus-stats.interface.js';
import type { ResolvedRetry } from './backoff.js';
import type { TaskContext } from './task-context.js';
import { TaskQueue } from './task-queue.js';
import type { Task } from './task.js';

/** Tasks of one key waiting behind the one that holds the key. */
export class KeyLane extends TaskQueue<Task> {
  /** A task of this key is unfinished; the others wait in the lane. */
  held = true;

  constructor(readonly key: string | number) {
    super();
  }
}

/** Idle lanes a group keeps for keys that come back, before it sweeps them all away. */
export const IDLE_LANES_KEPT = 1_024;

/**
 * One handler inside a `TaskRunner`: its limits, its queue of tasks ready to start, its key lanes
 * and its counters. Create it with `TaskRunner.group()`.
 */
export class TaskGroup<P = unknown> {
  /** Tasks ready to start, waiting for a slot. */
  readonly pending = new TaskQueue<Task>();
  /**
   * Key lanes by key. A lane stays when its key is let go (idle), so that a key that comes back
   * costs no allocation; idle lanes are swept once there are more than `IDLE_LANES_KEPT`.
   */
  readonly lanes = new Map<string | number, KeyLane>();
  idleLanes = 0;
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
    /** Whether `invoke` can see its context: if not, attempts get none. */
    readonly readsContext: boolean,
  ) {}

  stats(): HandlerStats {
    return { running: this.running, queued: this.queued, completed: this.completed, failed: this.failed };
  }
}
