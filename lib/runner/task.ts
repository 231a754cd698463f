import type { HandlerOutcome } from '../interfaces/publish-result.interface.js';
import type { AttemptContext } from './task-context.js';
import type { KeyLane, TaskGroup } from './task-group.js';

/** Receives the outcome of a task once it is final. */
export interface OutcomeSink {
  settle(outcome: HandlerOutcome): void;
  /** The handler passed over the event (its filter said no): no outcome will come. */
  skip?(): void;
}

export enum TaskState {
  Waiting,
  Running,
  /** Past its deadline and still running: the decision is made, the slot is still held. */
  Overdue,
  Delayed,
  Done,
}

/** One handler call for one event, with its retries. Its fields are the runner's alone. */
export class Task {
  next: Task | undefined = undefined;
  prev: Task | undefined = undefined;
  state = TaskState.Waiting;
  attempt = 0;
  startedAt = 0;
  context: AttemptContext | undefined = undefined;
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
}
