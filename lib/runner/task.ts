import type { HandlerOutcome } from '../interfaces/publish-result.interface.js';
import type { AttemptContext } from './task-context.js';
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
 * One handler call for one event, with its retries. Its fields are the runner's alone: the
 * handler sees an `AttemptContext`. A finished task goes back to its runner's pool and is used
 * again: under a flood, queued tasks live long enough to reach the old generation, and fresh
 * ones for each event would leave it full of dead tasks.
 */
export class Task {
  next: Task | undefined = undefined;
  prev: Task | undefined = undefined;
  state = TaskState.Waiting;
  attempt = 0;
  startedAt = 0;
  /**
   * The reactions to an attempt's promise: made once per task object and kept through its reuses,
   * instead of two closures per attempt. `awaiting` lets exactly one call through per attempt.
   */
  onFulfilled: ((value: unknown) => void) | undefined = undefined;
  onRejected: ((error: unknown) => void) | undefined = undefined;
  awaiting = false;
  /** Inside the `then` call: a thenable that calls back at once gets no shared clock reading. */
  inThen = false;
  /** Changes with every attempt and every reuse: a late callback of an earlier one is ignored. */
  token = 0;
  context: AttemptContext | undefined = undefined;
  timer: ReturnType<typeof setTimeout> | undefined = undefined;
  lane: KeyLane | undefined = undefined;
  /** The outcome was delivered (at a deadline, or at shutdown) before the attempt settled. */
  outcomeSent = false;
  /** Retry once the overdue attempt settles. */
  retryWhenSettled = false;

  constructor(
    public group: TaskGroup<never>,
    public payload: unknown,
    public key: string | number | undefined,
    public eventName: string,
    public publishedAt: number,
    public sink: OutcomeSink | undefined,
  ) {}

  /** Makes a pooled task new again. */
  reuse(group: TaskGroup<never>, payload: unknown, key: string | number | undefined, eventName: string, publishedAt: number, sink: OutcomeSink | undefined): this {
    this.group = group;
    this.payload = payload;
    this.key = key;
    this.eventName = eventName;
    this.publishedAt = publishedAt;
    this.sink = sink;
    this.state = TaskState.Waiting;
    this.attempt = 0;
    this.startedAt = 0;
    this.outcomeSent = false;
    this.retryWhenSettled = false;
    return this;
  }

  /** Lets go of everything a finished task points at, so the pool holds no event alive. */
  release(): void {
    this.payload = undefined;
    this.sink = undefined;
    this.context = undefined;
    this.lane = undefined;
    this.timer = undefined;
    this.prev = undefined;
    this.token++;
  }
}
