import { EventBusClosedError } from '../errors/event-bus-closed.error.js';
import { EventBusOverloadedError } from '../errors/event-bus-overloaded.error.js';
import { HandlerTimeoutError } from '../errors/handler-timeout.error.js';
import { NonRetriableError } from '../errors/non-retriable.error.js';
import { TaskAbandonedError } from '../errors/task-abandoned.error.js';
import { busClosed, busOverloaded, handlerFailed, taskAbandoned } from '../event-bus.messages.js';
import type { OverflowPolicy } from '../interfaces/event-bus-options.interface.js';
import type { EventBusStats } from '../interfaces/event-bus-stats.interface.js';
import type { HandlerFailure } from '../interfaces/handler-failure.interface.js';
import type { HandlerOutcome } from '../interfaces/publish-result.interface.js';
import { oneOf, optionalFunction, optionalTimeout, positiveInteger, resolveRetry } from '../options/validate.js';
import { backoffDelay, type ResolvedRetry } from './backoff.js';
import { IDLE_LANES_KEPT, KeyLane, TaskGroup } from './task-group.js';
import { TaskQueue } from './task-queue.js';
import type { SubmitOptions, TaskGroupOptions, TaskRunnerOptions } from './task-runner-options.interface.js';
import { settleClock } from './settle-clock.js';
import { readsContext } from './reads-context.js';
import { AttemptContext } from './task-context.js';
import { Task, TaskState, type OutcomeSink } from './task.js';

/** What `TaskRunner.close` gave up on. */
export interface CloseReport {
  /** Tasks given up: the sum of the three below. */
  abandoned: number;
  /** Attempts still running at the deadline; their signal was aborted. */
  running: number;
  /** Tasks accepted and never started. */
  queued: number;
  /** Tasks waiting for a retry. */
  delayed: number;
}

interface RoomWaiter {
  tasks: Task | Task[];
  count: number;
  resolve: () => void;
  reject: (error: unknown) => void;
  next: RoomWaiter | undefined;
}

/**
 * The guarded task runner: bounded concurrency (global and per group), a bounded queue with
 * backpressure or rejection, per-attempt deadlines with an `AbortSignal`, retries with backoff,
 * per-key order, failures that are always reported, and a bounded shutdown. Usable without Nest.
 *
 * @example
 * const runner = new TaskRunner({ concurrency: 4 });
 * const fetchQuote = runner.group({ id: 'quotes', invoke: (symbol: string, ctx) => fetchIt(symbol, ctx.signal) });
 * const outcome = await runner.run(fetchQuote, 'ACME', { key: 'ACME' });
 */
export class TaskRunner {
  readonly concurrency: number;
  readonly maxQueueSize: number;
  readonly overflow: OverflowPolicy;
  private readonly timeoutMs: number | undefined;
  private readonly retry: ResolvedRetry;
  private readonly onFailure: (failure: HandlerFailure) => void;

  private readonly groups: TaskGroup<never>[] = [];
  private readyHead: TaskGroup<never> | undefined = undefined;
  private readyTail: TaskGroup<never> | undefined = undefined;
  private readonly waiters = new TaskQueue<RoomWaiter>();
  /** Running attempts, linked through `Task.prev`/`Task.next`, for shutdown to abort. */
  private runningHead: Task | undefined = undefined;
  private readonly delayedTasks = new Set<Task>();
  /** Finished tasks kept for reuse, at most `poolLimit`. */
  private readonly pool = new TaskQueue<Task>();
  private readonly poolLimit: number;
  private idleWaiters: Array<() => void> = [];
  private pumping = false;
  private closing = false;
  private closed = false;

  private running = 0;
  private queued = 0;
  private completed = 0;
  private failed = 0;
  private retried = 0;
  private timedOut = 0;
  private overdue = 0;
  private rejected = 0;

  /** @throws InvalidOptionsError when an option is not valid. */
  constructor(options: TaskRunnerOptions = {}) {
    this.concurrency = positiveInteger('concurrency', options.concurrency ?? 64, true);
    this.maxQueueSize = positiveInteger('maxQueueSize', options.maxQueueSize ?? 10_000, true);
    this.overflow = oneOf('overflow', options.overflow ?? 'wait', ['wait', 'reject'] as const);
    this.timeoutMs = optionalTimeout('timeoutMs', options.timeoutMs);
    this.retry = resolveRetry('retry', options.retry);
    optionalFunction('onFailure', options.onFailure);
    this.onFailure = options.onFailure ?? reportToConsole;
    this.poolLimit = Math.min(16_384, this.concurrency + this.maxQueueSize);
  }

  /**
   * Creates a group: one kind of work with its own limits, merged over the runner's.
   * @throws InvalidOptionsError when an option is not valid; the message names the group.
   */
  group<P>(options: TaskGroupOptions<P>): TaskGroup<P> {
    const where = `handler "${options.id}"`;
    const limit = positiveInteger(`${where} concurrency`, options.concurrency ?? Infinity, true);
    const timeoutMs = options.timeoutMs === undefined ? this.timeoutMs : optionalTimeout(`${where} timeoutMs`, options.timeoutMs);
    const retry = resolveRetry(`${where} retry`, options.retry, this.retry);
    const group = new TaskGroup<P>(options.id, options.invoke, limit, timeoutMs, retry, readsContext(options.invoke));
    this.groups.push(group as unknown as TaskGroup<never>);
    return group;
  }

  /**
   * Accepts one task. Resolves once it is accepted (at once when there is room; with
   * `overflow: 'wait'` once there is). Never rejects because of the task's own outcome.
   * @throws EventBusOverloadedError (rejection) when the queue is full and `overflow` is `'reject'`.
   * @throws EventBusClosedError (rejection) once `close` has begun.
   */
  submit<P>(group: TaskGroup<P>, payload: P, options: SubmitOptions = {}): Promise<void> {
    try {
      return this.admit(this.task(group, payload, options, undefined)) ?? Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Like `submit`, but resolves with the task's outcome once it is final. */
  run<P>(group: TaskGroup<P>, payload: P, options: SubmitOptions = {}): Promise<HandlerOutcome> {
    return new Promise<HandlerOutcome>((resolve, reject) => {
      const sink: OutcomeSink = { settle: (outcome) => resolve(outcome) };
      try {
        this.admit(this.task(group, payload, options, sink))?.catch(reject);
      } catch (error) {
        reject(error);
      }
    });
  }

  /** @internal Builds a task; the bus builds them itself for one event's handlers. */
  task<P>(group: TaskGroup<P>, payload: P, options: SubmitOptions, sink: OutcomeSink | undefined): Task {
    return this.createTask(group, payload, options.key, options.eventName ?? group.id, options.publishedAt ?? Date.now(), sink);
  }

  /** @internal A task from the pool, or a new one. */
  createTask<P>(group: TaskGroup<P>, payload: P, key: string | number | undefined, eventName: string, publishedAt: number, sink: OutcomeSink | undefined): Task {
    const pooled = this.pool.shift();
    const owner = group as unknown as TaskGroup<never>;
    return pooled ? pooled.reuse(owner, payload, key, eventName, publishedAt, sink) : new Task(owner, payload, key, eventName, publishedAt, sink);
  }

  /**
   * @internal Accepts tasks together: all at once or none. Returns `undefined` when they were
   * accepted now, a promise when they wait for room. `overflow` overrides the runner's policy.
   * `now`: a clock reading the caller took just before, for the tasks that start at once (0: read one if needed).
   * @throws EventBusOverloadedError, EventBusClosedError
   */
  admit(tasks: Task | Task[], overflow: OverflowPolicy = this.overflow, now = 0): Promise<void> | undefined {
    const count = Array.isArray(tasks) ? tasks.length : 1;
    if (this.closing) throw new EventBusClosedError(busClosed(firstOf(tasks)?.eventName ?? ''));
    if (this.waiters.size === 0 && this.hasRoom(count)) {
      this.accept(tasks, now);
      return undefined;
    }
    if (overflow === 'reject') {
      this.rejected++;
      throw new EventBusOverloadedError(busOverloaded(firstOf(tasks)?.eventName ?? '', this.queued, this.maxQueueSize));
    }
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ tasks, count, resolve, reject, next: undefined });
    });
  }

  /**
   * @internal Whether `count` tasks would be accepted at once: then the caller hands them over one
   * by one with `acceptNow` and calls `pump` after the last, without gathering them in an array.
   */
  canAcceptNow(count: number): boolean {
    return !this.closing && this.waiters.size === 0 && this.hasRoom(count);
  }

  /** @internal See `canAcceptNow`; `now` as for `admit`. */
  acceptNow(task: Task, now = 0): void {
    this.enqueue(task, now);
  }

  /** @internal Starts what can start; see `canAcceptNow`. */
  flush(): void {
    this.pump();
  }

  /** @internal Counts a failure that happened before a task existed (a `filter` or `key` that threw). */
  countFailure(group: TaskGroup<never>): void {
    this.failed++;
    group.failed++;
  }

  /** How many tasks could be accepted now without waiting: free slots plus free queue places. */
  room(): number {
    if (this.closing || this.waiters.size > 0) return 0;
    const room = Math.max(0, this.concurrency - this.running) + Math.max(0, this.maxQueueSize - this.queued);
    return Math.min(room, Number.MAX_SAFE_INTEGER);
  }

  /** Resolves when no task is queued, running, waiting to retry, or waiting for room. */
  drain(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops accepting, lets accepted tasks run for up to `timeoutMs`, then gives up on the rest:
   * queued and delayed tasks are dropped and running attempts are aborted, each with a rejected
   * outcome (`TaskAbandonedError`). No task starts after the returned promise resolves.
   */
  async close(timeoutMs: number): Promise<CloseReport> {
    this.closing = true;
    for (let waiter = this.waiters.shift(); waiter; waiter = this.waiters.shift()) {
      waiter.reject(new EventBusClosedError(busClosed(firstOf(waiter.tasks)?.eventName ?? '')));
    }
    if (!this.isIdle()) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([this.drain(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    }
    const report: CloseReport = { abandoned: 0, running: 0, queued: 0, delayed: 0 };
    this.closed = true;
    if (this.isIdle()) return report;

    for (const group of this.groups) {
      for (let task = group.pending.shift(); task; task = group.pending.shift()) this.abandon(task, report, 'queued');
      for (const lane of group.lanes.values()) {
        for (let task = lane.shift(); task; task = lane.shift()) this.abandon(task, report, 'queued');
      }
    }
    for (const task of this.delayedTasks) {
      clearTimeout(task.timer);
      this.abandon(task, report, 'delayed');
    }
    this.delayedTasks.clear();
    // A snapshot: an abort listener may settle (and recycle) a task while the list is walked.
    const running: Task[] = [];
    for (let task = this.runningHead; task; task = task.next) running.push(task);
    for (const task of running) {
      // Its outcome is decided here: a deadline passing later must not report or count it again.
      if (task.timer !== undefined) {
        clearTimeout(task.timer);
        task.timer = undefined;
      }
      const context = task.context;
      if (!task.outcomeSent) this.abandon(task, report, 'running');
      context?.abort(new TaskAbandonedError(taskAbandoned(task.group.id)));
    }
    report.abandoned = report.running + report.queued + report.delayed;
    if (this.idleWaiters.length > 0 && this.isIdle()) this.notifyIdle();
    return report;
  }

  /** A snapshot of the counters. */
  stats(): Omit<EventBusStats, 'published'> {
    const handlers: EventBusStats['handlers'] = {};
    for (const group of this.groups) handlers[group.id] = group.stats();
    return {
      running: this.running,
      queued: this.queued,
      delayed: this.delayedTasks.size,
      completed: this.completed,
      failed: this.failed,
      retried: this.retried,
      timedOut: this.timedOut,
      overdue: this.overdue,
      rejected: this.rejected,
      handlers,
    };
  }

  private hasRoom(count: number): boolean {
    return this.queued + count <= this.maxQueueSize || this.queued === 0;
  }

  private accept(tasks: Task | Task[], now: number): void {
    this.enqueueAll(tasks, now);
    this.pump();
  }

  /**
   * `now`, here and below: a clock reading the caller took just before, so that the tasks that
   * start straight away need no other; 0 to read one if it is needed.
   */
  private enqueueAll(tasks: Task | Task[], now = 0): void {
    if (Array.isArray(tasks)) {
      for (let i = 0; i < tasks.length; i++) this.enqueue(tasks[i], now);
    } else {
      this.enqueue(tasks, now);
    }
  }

  private enqueue(task: Task, now = 0): void {
    const group = task.group;
    if (task.key !== undefined) {
      const lane = group.lanes.get(task.key);
      if (lane?.held) {
        lane.push(task);
        group.queued++;
        this.queued++;
        return;
      }
      if (lane) {
        lane.held = true;
        group.idleLanes--;
        task.lane = lane;
      } else {
        task.lane = new KeyLane(task.key);
        group.lanes.set(task.key, task.lane);
      }
    }
    // Straight to a slot when nothing waits for one: the common case costs no queueing.
    if (this.readyHead === undefined && this.running < this.concurrency && group.running < group.limit) {
      this.start(task, now);
    } else {
      this.makeReady(task, false);
    }
  }

  /** Puts a task that may start (it holds its key, if any) in its group's queue. */
  private makeReady(task: Task, first: boolean): void {
    const group = task.group;
    if (first) group.pending.unshift(task);
    else group.pending.push(task);
    group.queued++;
    this.queued++;
    this.markReady(group);
  }

  private markReady(group: TaskGroup<never>): void {
    if (group.inReady || group.pending.size === 0 || group.running >= group.limit) return;
    group.inReady = true;
    group.nextReady = undefined;
    if (this.readyTail) this.readyTail.nextReady = group;
    else this.readyHead = group;
    this.readyTail = group;
  }

  /**
   * Starts ready tasks while there are slots, taking groups in turn so none starves another,
   * then lets in publishers that waited for room. One loop, so that neither recurses.
   */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    for (;;) {
      while (this.readyHead !== undefined && this.running < this.concurrency && !this.closed) {
        const group = this.readyHead;
        this.readyHead = group.nextReady;
        if (!this.readyHead) this.readyTail = undefined;
        group.inReady = false;
        const task = group.pending.shift();
        if (!task) continue;
        group.queued--;
        this.queued--;
        this.start(task);
        this.markReady(group);
      }
      if (!this.letWaitersIn()) break;
    }
    this.pumping = false;
    if (this.idleWaiters.length > 0 && this.isIdle()) this.notifyIdle();
  }

  /** Accepts the tasks of publishers that waited, in their order, while there is room. */
  private letWaitersIn(): boolean {
    let any = false;
    while (this.waiters.head && !this.closing && this.hasRoom(this.waiters.head.count)) {
      const waiter = this.waiters.shift()!;
      this.enqueueAll(waiter.tasks);
      waiter.resolve();
      any = true;
    }
    return any;
  }

  private start(task: Task, now = 0): void {
    const group = task.group;
    this.running++;
    group.running++;
    task.state = TaskState.Running;
    task.attempt++;
    // Only an outcome reports a duration: a fire-and-forget task needs no clock.
    if (task.attempt === 1 && task.sink !== undefined) task.startedAt = now || Date.now();
    task.prev = undefined;
    task.next = this.runningHead;
    if (this.runningHead) this.runningHead.prev = task;
    this.runningHead = task;
    const token = ++task.token;
    // A handler that cannot see its context costs none.
    const context = group.readsContext ? new AttemptContext(group.id, task.eventName, task.publishedAt, task.attempt) : undefined;
    task.context = context;
    if (group.timeoutMs !== undefined) task.timer = setTimeout(onDeadline, group.timeoutMs, this, task, token);

    let result: unknown;
    try {
      result = group.invoke(task.payload as never, context as AttemptContext);
    } catch (error) {
      this.settled(task, false, error, token);
      return;
    }
    if (result !== null && typeof result === 'object' && typeof (result as PromiseLike<unknown>).then === 'function') {
      try {
        if (task.onFulfilled === undefined) this.makeReactions(task);
        task.awaiting = true;
        task.inThen = true;
        (result as PromiseLike<unknown>).then(task.onFulfilled, task.onRejected);
        task.inThen = false;
      } catch (error) {
        // A thenable whose `then` throws: that is the attempt's failure.
        task.inThen = false;
        task.awaiting = false;
        this.settled(task, false, error, token);
      }
    } else {
      this.settled(task, true, result, token);
    }
  }

  private makeReactions(task: Task): void {
    task.onFulfilled = (value) => {
      if (!task.awaiting) return;
      task.awaiting = false;
      this.settled(task, true, value, task.token, settleTime(task));
    };
    task.onRejected = (error) => {
      if (!task.awaiting) return;
      task.awaiting = false;
      this.settled(task, false, error, task.token, settleTime(task));
    };
  }

  /** @internal The attempt's deadline passed: decide now, keep the slot until it settles. */
  deadline(task: Task, token: number): void {
    if (task.token !== token || task.state !== TaskState.Running) return;
    task.timer = undefined;
    task.state = TaskState.Overdue;
    this.timedOut++;
    this.overdue++;
    const error = new HandlerTimeoutError(task.group.id, task.group.timeoutMs!);
    const willRetry = this.willRetry(task, error);
    this.report(task, error, willRetry);
    if (willRetry) task.retryWhenSettled = true;
    else this.sendOutcome(task, 'rejected', error);
    // Last: an abort listener may settle the attempt at once, and that needs the decision made.
    task.context?.abort(error);
  }

  /** `now`: a clock reading taken for this settlement, or 0 to read one if it is needed. */
  private settled(task: Task, ok: boolean, value: unknown, token: number, now = 0): void {
    // Once per attempt, whatever a hand-made thenable does with its callbacks.
    if (token !== task.token || (task.state !== TaskState.Running && task.state !== TaskState.Overdue)) return;
    const group = task.group;
    this.running--;
    group.running--;
    if (task.prev) task.prev.next = task.next;
    else this.runningHead = task.next;
    if (task.next) task.next.prev = task.prev;
    task.prev = task.next = undefined;
    if (task.timer !== undefined) {
      clearTimeout(task.timer);
      task.timer = undefined;
    }

    if (task.state === TaskState.Overdue) {
      this.overdue--;
      if (task.retryWhenSettled && !this.closed) {
        task.retryWhenSettled = false;
        this.delay(task);
      } else {
        this.finish(task);
      }
    } else if (task.outcomeSent) {
      // Abandoned at shutdown while running: its outcome is already out.
      this.finish(task);
    } else if (ok) {
      this.sendOutcome(task, 'fulfilled', value, now);
      this.finish(task);
    } else {
      const willRetry = this.willRetry(task, value);
      this.report(task, value, willRetry);
      if (willRetry) {
        this.delay(task);
      } else {
        this.sendOutcome(task, 'rejected', value, now);
        this.finish(task);
      }
    }
    this.markReady(group);
    // Most settlements leave nothing to start and nobody waiting: then there is no pump to run.
    if (this.readyHead !== undefined || this.waiters.size > 0) this.pump();
    else if (!this.pumping && this.idleWaiters.length > 0 && this.isIdle()) this.notifyIdle();
  }

  private willRetry(task: Task, error: unknown): boolean {
    return task.attempt < task.group.retry.attempts && !(error instanceof NonRetriableError) && !this.closed;
  }

  /** Waits out the backoff without a slot; the task keeps its key meanwhile. */
  private delay(task: Task): void {
    task.state = TaskState.Delayed;
    this.delayedTasks.add(task);
    task.timer = setTimeout(onRetryDue, backoffDelay(task.group.retry, task.attempt), this, task);
  }

  /** @internal */
  retryDue(task: Task): void {
    task.timer = undefined;
    if (!this.delayedTasks.delete(task)) return;
    this.retried++;
    task.state = TaskState.Waiting;
    this.makeReady(task, true);
    this.pump();
  }

  private sendOutcome(task: Task, status: 'fulfilled' | 'rejected', value: unknown, now = 0): void {
    task.outcomeSent = true;
    const group = task.group;
    if (status === 'fulfilled') {
      this.completed++;
      group.completed++;
    } else {
      this.failed++;
      group.failed++;
    }
    if (!task.sink) return;
    const durationMs = task.startedAt ? (now || Date.now()) - task.startedAt : 0;
    // Literal objects of one shape each: a spread here costs more than the rest of the task.
    const outcome: HandlerOutcome =
      status === 'fulfilled'
        ? { handler: group.id, status, value, attempts: task.attempt, durationMs }
        : { handler: group.id, status, error: value, attempts: task.attempt, durationMs };
    task.sink.settle(outcome);
  }

  /** The task is over: hand its key to the next task of that key. */
  private finish(task: Task): void {
    task.state = TaskState.Done;
    task.sink?.finished?.();
    const lane = task.lane;
    if (lane) this.passKey(task.group, lane);
    this.recycle(task);
  }

  /** Hands a lane's key to the next task of that key, or drops the lane when none waits. */
  private passKey(group: TaskGroup<never>, lane: KeyLane): void {
    const next = lane.shift();
    if (!next) {
      lane.held = false;
      if (++group.idleLanes > IDLE_LANES_KEPT) sweepIdleLanes(group);
      return;
    }
    next.lane = lane;
    if (this.closed) {
      this.abandon(next, undefined, 'queued');
      return;
    }
    // It was counted as queued while it waited in the lane; makeReady counts it again.
    group.queued--;
    this.queued--;
    this.makeReady(next, false);
  }

  private recycle(task: Task): void {
    task.release();
    if (this.pool.size < this.poolLimit) this.pool.push(task);
  }

  private abandon(task: Task, report: CloseReport | undefined, where: 'queued' | 'delayed' | 'running'): void {
    if (report) report[where]++;
    if (where === 'queued') {
      task.group.queued--;
      this.queued--;
    }
    this.sendOutcome(task, 'rejected', new TaskAbandonedError(taskAbandoned(task.group.id)));
    if (where !== 'running') task.state = TaskState.Done;
  }

  private report(task: Task, error: unknown, willRetry: boolean): void {
    const failure: HandlerFailure = {
      handler: task.group.id,
      eventName: task.eventName,
      event: task.payload,
      error,
      attempt: task.attempt,
      willRetry,
    };
    try {
      this.onFailure(failure);
    } catch (hookError) {
      reportToConsole({ ...failure, error: hookError });
    }
  }

  private isIdle(): boolean {
    return this.running === 0 && this.queued === 0 && this.delayedTasks.size === 0 && this.waiters.size === 0;
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/**
 * The shared clock reading for a settlement, or 0. Only an outcome reports a duration, so a
 * fire-and-forget task needs none; a thenable that calls back inside `then` gets none shared.
 */
function settleTime(task: Task): number {
  return task.inThen || task.sink === undefined ? 0 : settleClock();
}

function onDeadline(runner: TaskRunner, task: Task, token: number): void {
  runner.deadline(task, token);
}

function onRetryDue(runner: TaskRunner, task: Task): void {
  runner.retryDue(task);
}

function sweepIdleLanes(group: TaskGroup<never>): void {
  for (const [key, lane] of group.lanes) if (!lane.held) group.lanes.delete(key);
  group.idleLanes = 0;
}

function firstOf(tasks: Task | Task[]): Task | undefined {
  return Array.isArray(tasks) ? tasks[0] : tasks;
}

function reportToConsole(failure: HandlerFailure): void {
  const error = failure.error;
  console.error(
    handlerFailed(failure.eventName, failure.handler, failure.attempt, failure.willRetry),
    error instanceof Error ? error.stack : error,
  );
}
