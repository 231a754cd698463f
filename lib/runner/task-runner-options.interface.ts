import type { OverflowPolicy } from '../interfaces/event-bus-options.interface.js';
import type { HandlerFailure } from '../interfaces/handler-failure.interface.js';
import type { RetryOptions } from '../interfaces/retry-options.interface.js';
import type { TaskContext } from './task-context.js';

/** Options of a `TaskRunner`. */
export interface TaskRunnerOptions {
  /**
   * Most attempts running at once.
   * @default 64
   */
  concurrency?: number;
  /**
   * Most tasks accepted and not yet started. `Infinity` removes the bound.
   * @default 10000
   */
  maxQueueSize?: number;
  /**
   * What `submit` does when the queue is full: wait for room, or throw `EventBusOverloadedError`.
   * @default 'wait'
   */
  overflow?: OverflowPolicy;
  /**
   * Deadline of one attempt in milliseconds, for groups that set none.
   * @default undefined (no deadline)
   */
  timeoutMs?: number;
  /**
   * Retry policy of groups that set none.
   * @default { attempts: 1 }
   */
  retry?: RetryOptions;
  /**
   * Called once per failed attempt. Without it a failure is written to `console.error`: a failure
   * is never silent.
   * @default undefined (console.error)
   */
  onFailure?: (failure: HandlerFailure) => void;
}

/** One kind of work: a handler, with its own limits. Tasks are submitted to a group. */
export interface TaskGroupOptions<P = unknown> {
  /** The group's id: the handler id in outcomes, failures and stats. */
  id: string;
  /**
   * The work of one attempt. A strict function that declares only the payload and never names
   * `arguments` or `eval` (so it cannot read a second argument) is called without a context, and
   * none is made for it.
   */
  invoke: (payload: P, context: TaskContext) => unknown;
  /**
   * Most attempts of this group running at once, within the runner's `concurrency`.
   * @default Infinity
   */
  concurrency?: number;
  /**
   * Deadline of one attempt in milliseconds.
   * @default the runner's `timeoutMs`
   */
  timeoutMs?: number;
  /**
   * Retry policy, merged field by field over the runner's.
   * @default the runner's `retry`
   */
  retry?: RetryOptions;
}

/** Per-task options of `TaskRunner.submit` and `TaskRunner.run`. */
export interface SubmitOptions {
  /** Tasks of one group with the same key run one at a time, in submit order. */
  key?: string | number;
  /** The name failures and the context report. @default the group id */
  eventName?: string;
  /** @default Date.now() */
  publishedAt?: number;
}
