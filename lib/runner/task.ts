import { inspect } from 'node:util';
import type { HandlerOutcome } from '../interfaces/publish-result.interface.js';
import type { TaskContext } from './task-context.js';
import type { KeyLane, TaskGroup } from './task-group.js';

/** Receives the outcome of a task once it is final. */
export interface OutcomeSink {
  settle(outcome: HandlerOutcome): void;
  /** The handler passed over the event (its filter said no): no outcome will come. */
  skip?(): void;
  /** The task is over: its last attempt settled (later than its outcome, for an overdue one). */
  finished?(): void;
}

export enum TaskState {
  Waiting,
  Running,
  /** Past its deadline and still running: the decision is made, the slot is still held. */
  Overdue,
  Delayed,
  Done,
}

/**
 * One handler call for one event, with its retries. Its fields are the runner's alone; the
 * handler sees it as its `TaskContext` (one object per task, not one more per attempt). Its
 * `AbortController` is made only when someone reads `signal`, so an attempt that nobody asks to
 * cancel costs none; an abort that comes first is remembered and the signal is born aborted.
 */
export class Task implements TaskContext {
  next: Task | undefined = undefined;
  prev: Task | undefined = undefined;
  state = TaskState.Waiting;
  attempt = 0;
  startedAt = 0;
  private controller: AbortController | undefined = undefined;
  private abortReason: unknown = undefined;
  private aborted = false;
  timer: ReturnType<typeof setTimeout> | undefined = undefined;
  lane: KeyLane | undefined = undefined;
  /** The outcome was delivered (at a deadline, or at shutdown) before the attempt settled. */
  outcomeSent = false;
  /** Retry once the overdue attempt settles. */
  retryWhenSettled = false;

  constructor(
    readonly group: TaskGroup<never>,
    readonly payload: unknown,
    readonly key: string | number | undefined,
    readonly eventName: string,
    readonly publishedAt: number,
    readonly sink: OutcomeSink | undefined,
  ) {}

  /** What `JSON.stringify(context)` and logs show: the context, not the runner's links. */
  toJSON(): { handler: string; eventName: string; attempt: number; publishedAt: number } {
    return { handler: this.group.id, eventName: this.eventName, attempt: this.attempt, publishedAt: this.publishedAt };
  }

  [inspect.custom](): unknown {
    return this.toJSON();
  }

  get handler(): string {
    return this.group.id;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.abortReason);
    }
    return this.controller.signal;
  }

  /** Aborts the current attempt's signal. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.abortReason = reason;
    this.controller?.abort(reason);
  }

  /** A new attempt gets a signal of its own. */
  resetSignal(): void {
    if (this.controller !== undefined || this.aborted) {
      this.controller = undefined;
      this.aborted = false;
      this.abortReason = undefined;
    }
  }
}
