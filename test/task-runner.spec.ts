import { jest, describe, it, expect, afterEach } from '@jest/globals';
import {
  EventBusClosedError,
  EventBusOverloadedError,
  HandlerTimeoutError,
  InvalidOptionsError,
  NonRetriableError,
  TaskAbandonedError,
  TaskRunner,
  type HandlerFailure,
  type HandlerOutcome,
  type TaskContext,
  type TaskRunnerOptions,
} from '../lib/index.js';
import { deferred, type Deferred } from './src/support/deferred.js';
import { InFlightCounter } from './src/support/in-flight.counter.js';
import { sleep, turns, waitFor } from './src/support/wait-for.js';

const runners: TaskRunner[] = [];
const failures: HandlerFailure[] = [];

/** A runner whose failures go to `failures` (not the console), closed after each test. */
function createRunner(options: TaskRunnerOptions = {}): TaskRunner {
  const runner = new TaskRunner({ onFailure: (failure) => failures.push(failure), ...options });
  runners.push(runner);
  return runner;
}

afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close(0);
  failures.length = 0;
  jest.restoreAllMocks();
});

describe('TaskRunner', () => {
  describe('concurrency', () => {
    it('never runs more than `concurrency` attempts at once, and does use all of them', async () => {
      const runner = createRunner({ concurrency: 4 });
      const inFlight = new InFlightCounter();
      const group = runner.group({
        id: 'work',
        invoke: async (ms: number) => {
          inFlight.enter();
          await sleep(ms);
          inFlight.leave();
        },
      });

      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => runner.run(group, i % 3)));

      expect(outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
      expect(inFlight.max).toBe(4);
      expect(runner.stats()).toMatchObject({ running: 0, queued: 0, completed: 20, failed: 0 });
    });

    it('holds a group to its own `concurrency` without holding back other groups', async () => {
      const runner = createRunner({ concurrency: 10 });
      const narrow = new InFlightCounter();
      const wide = new InFlightCounter();
      const gate = deferred();
      const narrowGroup = runner.group({
        id: 'narrow',
        concurrency: 2,
        invoke: async () => {
          narrow.enter();
          await gate.promise;
          narrow.leave();
        },
      });
      const wideGroup = runner.group({
        id: 'wide',
        invoke: async () => {
          wide.enter();
          await gate.promise;
          wide.leave();
        },
      });

      for (let i = 0; i < 6; i++) {
        await runner.submit(narrowGroup, undefined);
        await runner.submit(wideGroup, undefined);
      }

      expect(narrow.now).toBe(2);
      expect(wide.now).toBe(6);
      expect(runner.stats().handlers).toEqual({
        narrow: { running: 2, queued: 4, completed: 0, failed: 0 },
        wide: { running: 6, queued: 0, completed: 0, failed: 0 },
      });
      gate.resolve();
      await runner.drain();
      expect(narrow.max).toBe(2);
      expect(runner.stats().completed).toBe(12);
    });
  });

  describe('admission', () => {
    it("with overflow 'wait' holds the publisher until there is room: queued never passes maxQueueSize", async () => {
      const runner = createRunner({ concurrency: 64, maxQueueSize: 100, overflow: 'wait' });
      const total = 100_000;
      const handled = new Uint8Array(total);
      let maxQueued = 0;
      const group = runner.group({
        id: 'slow-ish',
        invoke: async (n: number) => {
          handled[n]++;
          if (n % 50 === 0) maxQueued = Math.max(maxQueued, runner.stats().queued);
          await new Promise((resolve) => setImmediate(resolve));
        },
      });

      for (let n = 0; n < total; n++) {
        await runner.submit(group, n);
        if (n % 100 === 0) maxQueued = Math.max(maxQueued, runner.stats().queued);
      }
      await runner.drain();

      expect(maxQueued).toBeGreaterThan(0);
      expect(maxQueued).toBeLessThanOrEqual(100);
      expect(handled.every((count) => count === 1)).toBe(true);
      expect(runner.stats()).toMatchObject({ completed: total, queued: 0, running: 0, rejected: 0 });
    });

    it("with overflow 'wait' lets waiting publishers in, in their order, as room frees up", async () => {
      const runner = createRunner({ concurrency: 1, maxQueueSize: 2, overflow: 'wait' });
      const gates = Array.from({ length: 5 }, () => deferred());
      const started: number[] = [];
      const group = runner.group({
        id: 'gated',
        invoke: async (n: number) => {
          started.push(n);
          await gates[n].promise;
        },
      });

      // 0 runs, 1 and 2 are queued; 3 and 4 wait for room.
      const accepted: number[] = [];
      const submits = [0, 1, 2, 3, 4].map((n) => runner.submit(group, n).then(() => accepted.push(n)));
      await turns();
      expect(accepted).toEqual([0, 1, 2]);
      expect(runner.stats().queued).toBe(2);

      gates[0].resolve();
      await waitFor(() => accepted.length === 4);
      expect(accepted).toEqual([0, 1, 2, 3]);
      expect(runner.stats().queued).toBe(2);

      for (const gate of gates) gate.resolve();
      await Promise.all(submits);
      await runner.drain();
      expect(started).toEqual([0, 1, 2, 3, 4]);
    });

    it("with overflow 'reject' refuses the task that finds the queue full, and runs every one it accepted", async () => {
      const runner = createRunner({ concurrency: 1, maxQueueSize: 3, overflow: 'reject' });
      const gate = deferred();
      const handled: number[] = [];
      const group = runner.group({
        id: 'gated',
        invoke: async (n: number) => {
          await gate.promise;
          handled.push(n);
        },
      });

      for (let n = 1; n <= 4; n++) await runner.submit(group, n); // 1 running, 3 queued
      await expect(runner.submit(group, 5)).rejects.toBeInstanceOf(EventBusOverloadedError);
      await expect(runner.run(group, 6)).rejects.toBeInstanceOf(EventBusOverloadedError);
      expect(runner.stats()).toMatchObject({ running: 1, queued: 3, rejected: 2 });

      gate.resolve();
      await runner.drain();
      expect(handled).toEqual([1, 2, 3, 4]);
      expect(runner.stats()).toMatchObject({ completed: 4, rejected: 2 });
    });

    it('rejects invalid options with an error naming the option and the value', () => {
      expect(() => new TaskRunner({ concurrency: 0 })).toThrow(InvalidOptionsError);
      expect(() => new TaskRunner({ concurrency: 0 })).toThrow(/"concurrency": 0/);
      expect(() => new TaskRunner({ maxQueueSize: 1.5 })).toThrow(/"maxQueueSize": 1\.5/);
      expect(() => new TaskRunner({ overflow: 'drop' as never })).toThrow(/"overflow": "drop"/);
      expect(() => new TaskRunner({ timeoutMs: 0 })).toThrow(/"timeoutMs": 0/);
      const runner = createRunner();
      expect(() => runner.group({ id: 'g', invoke: () => undefined, concurrency: -1 })).toThrow(/handler "g" concurrency": -1/);
      expect(() => runner.group({ id: 'g', invoke: () => undefined, retry: { attempts: 0 } })).toThrow(/handler "g" retry\.attempts": 0/);
    });
  });

  describe('timeouts', () => {
    it('rejects the outcome of a handler that never settles at its deadline, aborts its signal and counts it overdue', async () => {
      const runner = createRunner({ concurrency: 1 });
      let context: TaskContext | undefined;
      let secondStarted = false;
      const stuck = runner.group({
        id: 'stuck',
        timeoutMs: 30,
        invoke: (_: void, ctx) => {
          context = ctx;
          return new Promise(() => undefined);
        },
      });
      const other = runner.group({ id: 'other', invoke: () => (secondStarted = true) });

      const startedAt = Date.now();
      const outcome = runner.run(stuck, undefined);
      await runner.submit(other, undefined);
      const settled = await outcome;

      expect(settled).toMatchObject({ handler: 'stuck', status: 'rejected', attempts: 1 });
      expect((settled as { error: unknown }).error).toBeInstanceOf(HandlerTimeoutError);
      // Half the deadline: a timer may fire a little early by the clock when its loop turn started late.
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(15);
      expect(context!.signal.aborted).toBe(true);
      expect(context!.signal.reason).toBeInstanceOf(HandlerTimeoutError);
      // The slot is held until the handler really settles: the limit stays a true bound.
      expect(runner.stats()).toMatchObject({ running: 1, overdue: 1, timedOut: 1, failed: 1, queued: 1 });
      expect(secondStarted).toBe(false);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ handler: 'stuck', attempt: 1, willRetry: false });
    });

    it('frees the slot once a timed-out handler honours its signal, so the next task starts', async () => {
      const runner = createRunner({ concurrency: 1 });
      const order: string[] = [];
      const polite = runner.group({
        id: 'polite',
        timeoutMs: 30,
        invoke: (_: void, { signal }) =>
          new Promise((_resolve, reject) => {
            order.push('polite started');
            signal.addEventListener('abort', () => {
              order.push('polite aborted');
              reject(signal.reason);
            });
          }),
      });
      const next = runner.group({ id: 'next', invoke: () => order.push('next started') });

      const first = runner.run(polite, undefined);
      const second = runner.run(next, undefined);
      await expect(first).resolves.toMatchObject({ status: 'rejected', error: expect.any(HandlerTimeoutError) });
      await expect(second).resolves.toMatchObject({ status: 'fulfilled' });

      expect(order).toEqual(['polite started', 'polite aborted', 'next started']);
      expect(runner.stats()).toMatchObject({ overdue: 0, timedOut: 1, running: 0 });
    });

    it('hands a signal read after the deadline already aborted', async () => {
      const runner = createRunner();
      const gate = deferred();
      let abortedWhenRead: boolean | undefined;
      const group = runner.group({
        id: 'late-reader',
        timeoutMs: 20,
        invoke: async (_: void, context) => {
          await gate.promise;
          abortedWhenRead = context.signal.aborted;
        },
      });

      await expect(runner.run(group, undefined)).resolves.toMatchObject({ status: 'rejected' });
      gate.resolve();
      await runner.drain();
      expect(abortedWhenRead).toBe(true);
    });

    it('retries an attempt that timed out once it has given up, and fulfils the outcome with the later attempt', async () => {
      const runner = createRunner({ concurrency: 1 });
      const signals: AbortSignal[] = [];
      const group = runner.group({
        id: 'slow-then-fast',
        timeoutMs: 30,
        retry: { attempts: 2, backoffMs: 1 },
        invoke: (_: void, { attempt, signal }) => {
          signals.push(signal);
          if (attempt > 1) return 'fast enough';
          return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        },
      });

      const outcome = await runner.run(group, undefined);

      expect(outcome).toMatchObject({ status: 'fulfilled', value: 'fast enough', attempts: 2 });
      expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
      expect(failures.map((f) => [f.attempt, f.willRetry, f.error instanceof HandlerTimeoutError])).toEqual([[1, true, true]]);
      expect(runner.stats()).toMatchObject({ timedOut: 1, overdue: 0, retried: 1, completed: 1, failed: 0 });
    });

    it('does not report or count a task again when its deadline passes after close gave up on it', async () => {
      const runner = createRunner();
      const outcomes: HandlerOutcome[] = [];
      let settled = false;
      const group = runner.group({
        id: 'deaf',
        timeoutMs: 60,
        invoke: async () => {
          // Ignores its signal, and outlives its deadline.
          await sleep(120);
          settled = true;
        },
      });
      void runner.run(group, undefined).then((outcome) => outcomes.push(outcome));

      const report = await runner.close(0);
      expect(report).toEqual({ abandoned: 1, running: 1, queued: 0, delayed: 0 });
      await waitFor(() => settled, 5_000, 'the handler to settle');
      await turns();

      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({ status: 'rejected', error: expect.any(TaskAbandonedError) });
      expect(failures).toEqual([]);
      expect(runner.stats()).toMatchObject({ failed: 1, timedOut: 0, overdue: 0, running: 0 });
    });
  });

  describe('retries', () => {
    it('tries a failing handler again with growing delays until it succeeds', async () => {
      const runner = createRunner();
      const attempts: number[] = [];
      const times: number[] = [];
      const group = runner.group({
        id: 'flaky',
        retry: { attempts: 3, backoffMs: 25, factor: 3, jitter: false },
        invoke: (_: void, { attempt }) => {
          attempts.push(attempt);
          times.push(performance.now());
          if (attempt < 3) throw new Error(`failure ${attempt}`);
          return 'done';
        },
      });

      const outcome = await runner.run(group, undefined);

      expect(outcome).toMatchObject({ status: 'fulfilled', value: 'done', attempts: 3 });
      expect(attempts).toEqual([1, 2, 3]);
      const gap1 = times[1] - times[0];
      const gap2 = times[2] - times[1];
      // Backoffs of 25 and 75 ms, with room for timers that fire a little early by the clock.
      expect(gap1).toBeGreaterThanOrEqual(12);
      expect(gap2).toBeGreaterThanOrEqual(50);
      expect(gap2).toBeGreaterThan(gap1);
      expect(failures.map((f) => [f.attempt, f.willRetry])).toEqual([
        [1, true],
        [2, true],
      ]);
      expect(runner.stats()).toMatchObject({ retried: 2, completed: 1, failed: 0, delayed: 0 });
    });

    it('gives up after the last attempt with the error of that attempt', async () => {
      const runner = createRunner();
      const group = runner.group({
        id: 'broken',
        retry: { attempts: 2, backoffMs: 1 },
        invoke: (_: void, { attempt }) => Promise.reject(new Error(`failure ${attempt}`)),
      });

      const outcome = await runner.run(group, undefined);

      expect(outcome).toMatchObject({ status: 'rejected', attempts: 2, error: expect.objectContaining({ message: 'failure 2' }) });
      expect(failures.map((f) => f.willRetry)).toEqual([true, false]);
      expect(runner.stats()).toMatchObject({ retried: 1, failed: 1 });
    });

    it('stops at the first try on a NonRetriableError', async () => {
      const runner = createRunner();
      let calls = 0;
      const group = runner.group({
        id: 'final',
        retry: { attempts: 5, backoffMs: 1 },
        invoke: () => {
          calls++;
          throw new NonRetriableError('no such order');
        },
      });

      const outcome = await runner.run(group, undefined);

      expect(calls).toBe(1);
      expect(outcome).toMatchObject({ status: 'rejected', attempts: 1, error: expect.any(NonRetriableError) });
      expect(failures).toHaveLength(1);
      expect(failures[0].willRetry).toBe(false);
      expect(runner.stats().retried).toBe(0);
    });

    it('holds no slot while a retry waits for its delay: another task runs meanwhile', async () => {
      const runner = createRunner({ concurrency: 1 });
      const order: string[] = [];
      let statsDuringDelay: ReturnType<TaskRunner['stats']> | undefined;
      const flaky = runner.group({
        id: 'flaky',
        retry: { attempts: 2, backoffMs: 50, jitter: false },
        invoke: async (_: void, { attempt }) => {
          order.push(`flaky ${attempt}`);
          if (attempt === 1) throw new Error('first try fails');
        },
      });
      const other = runner.group({
        id: 'other',
        invoke: () => {
          order.push('other');
          statsDuringDelay = runner.stats();
        },
      });

      const flakyOutcome = runner.run(flaky, undefined);
      const otherOutcome = runner.run(other, undefined);
      await Promise.all([flakyOutcome, otherOutcome]);

      expect(order).toEqual(['flaky 1', 'other', 'flaky 2']);
      expect(statsDuringDelay).toMatchObject({ running: 1, delayed: 1 });
      await expect(flakyOutcome).resolves.toMatchObject({ status: 'fulfilled', attempts: 2 });
    });

    it('reports a failure to the console when no onFailure is given: never silently', async () => {
      const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const runner = new TaskRunner();
      runners.push(runner);
      const group = runner.group({
        id: 'loud',
        invoke: () => {
          throw new Error('boom');
        },
      });

      await runner.run(group, undefined, { eventName: 'thing.happened' });

      expect(consoleError).toHaveBeenCalledTimes(1);
      expect(String(consoleError.mock.calls[0][0])).toContain('"loud"');
      expect(String(consoleError.mock.calls[0][0])).toContain('"thing.happened"');
      expect(String(consoleError.mock.calls[0][1])).toContain('boom');
    });
  });

  describe('close', () => {
    it('waits for running tasks that finish within the timeout', async () => {
      const runner = createRunner({ concurrency: 2 });
      const handled: number[] = [];
      const group = runner.group({
        id: 'quick',
        invoke: async (n: number) => {
          await sleep(20);
          handled.push(n);
        },
      });
      for (let n = 0; n < 4; n++) await runner.submit(group, n);

      const report = await runner.close(5_000);

      expect(report).toEqual({ abandoned: 0, running: 0, queued: 0, delayed: 0 });
      expect(handled.sort()).toEqual([0, 1, 2, 3]);
      await expect(runner.submit(group, 5)).rejects.toBeInstanceOf(EventBusClosedError);
    });

    it('gives up on what is left at the timeout and returns the counts', async () => {
      const runner = createRunner({ concurrency: 1, maxQueueSize: 10 });
      const signals: AbortSignal[] = [];
      const started: string[] = [];
      const outcomes = new Map<string, HandlerOutcome>();
      const stuck = runner.group({
        id: 'stuck',
        invoke: (name: string, { signal }) => {
          started.push(name);
          signals.push(signal);
          return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        },
      });
      const retrying = runner.group({
        id: 'retrying',
        retry: { attempts: 2, backoffMs: 60_000, jitter: false },
        invoke: (name: string) => {
          started.push(name);
          throw new Error('try later');
        },
      });
      const track = (name: string, outcome: Promise<HandlerOutcome>): void => void outcome.then((o) => outcomes.set(name, o));

      track('delayed', runner.run(retrying, 'delayed')); // fails at once, then waits a minute for its retry
      track('running', runner.run(stuck, 'running'));
      track('queued 1', runner.run(stuck, 'queued 1'));
      track('queued 2', runner.run(stuck, 'queued 2'));
      expect(runner.stats()).toMatchObject({ running: 1, queued: 2, delayed: 1 });

      const report = await runner.close(30);
      await expect(runner.submit(stuck, 'after close')).rejects.toBeInstanceOf(EventBusClosedError);
      await turns();

      expect(report).toEqual({ abandoned: 4, running: 1, queued: 2, delayed: 1 });
      expect(signals[0].aborted).toBe(true);
      expect(signals[0].reason).toBeInstanceOf(TaskAbandonedError);
      expect([...outcomes.keys()].sort()).toEqual(['delayed', 'queued 1', 'queued 2', 'running']);
      for (const outcome of outcomes.values()) expect(outcome).toMatchObject({ status: 'rejected', error: expect.any(TaskAbandonedError) });
      expect(started).toEqual(['delayed', 'running']);
      expect(runner.stats()).toMatchObject({ running: 0, queued: 0, delayed: 0 });
    });

    it('refuses publishers that wait for room once close begins', async () => {
      const runner = createRunner({ concurrency: 1, maxQueueSize: 1 });
      const gate = deferred();
      const group = runner.group({ id: 'gated', invoke: () => gate.promise });
      await runner.submit(group, undefined);
      await runner.submit(group, undefined);
      const waiting = runner.submit(group, undefined);

      const closing = runner.close(1_000);
      await expect(waiting).rejects.toBeInstanceOf(EventBusClosedError);
      gate.resolve();
      await expect(closing).resolves.toEqual({ abandoned: 0, running: 0, queued: 0, delayed: 0 });
    });
  });

  describe('hot path', () => {
    const RealAbortController = globalThis.AbortController;
    let controllers = 0;

    afterEach(() => {
      globalThis.AbortController = RealAbortController;
    });

    function countAbortControllers(): void {
      controllers = 0;
      globalThis.AbortController = class extends RealAbortController {
        constructor() {
          super();
          controllers++;
        }
      };
    }

    it('makes no AbortController for a task without timeout whose handler never reads its signal', async () => {
      const runner = createRunner();
      const group = runner.group({ id: 'plain', invoke: (n: number) => n * 2 });
      const withTimeout = runner.group({ id: 'timed', timeoutMs: 1_000, invoke: async (n: number) => n * 2 });
      countAbortControllers();

      for (let n = 0; n < 100; n++) await runner.submit(group, n);
      for (let n = 0; n < 10; n++) await runner.run(withTimeout, n);
      await runner.drain();

      expect(controllers).toBe(0);
      expect(runner.stats().completed).toBe(110);
    });

    it('makes one AbortController per attempt whose handler reads its signal', async () => {
      const runner = createRunner();
      const signals: AbortSignal[] = [];
      const group = runner.group({ id: 'reader', invoke: (_: number, { signal }) => signals.push(signal) });
      countAbortControllers();

      for (let n = 0; n < 10; n++) await runner.submit(group, n);
      await runner.drain();

      expect(controllers).toBe(10);
      expect(new Set(signals).size).toBe(10);
    });
  });

  describe('what a handler hands back', () => {
    it('settles an attempt once when a hand-made thenable calls both of its callbacks', async () => {
      const runner = createRunner({ concurrency: 1 });
      const group = runner.group({
        id: 'twice',
        invoke: () => ({
          then(onFulfilled: (value: unknown) => void, onRejected: (error: unknown) => void) {
            onFulfilled('first');
            onRejected(new Error('second'));
            onFulfilled('third');
          },
        }),
      });
      const outcome = await runner.run(group, 1);
      expect(outcome).toMatchObject({ status: 'fulfilled', value: 'first', attempts: 1 });
      expect(runner.stats()).toMatchObject({ running: 0, completed: 1, failed: 0 });
      expect(failures).toHaveLength(0);
      // The slot is free: with concurrency 1 the next task runs.
      expect(await runner.run(runner.group({ id: 'next', invoke: () => 'ran' }), 1)).toMatchObject({ value: 'ran' });
    });

    it('fails an attempt whose thenable throws from then, and frees its slot', async () => {
      const runner = createRunner({ concurrency: 1 });
      const group = runner.group({
        id: 'throwing-then',
        invoke: () => ({
          then() {
            throw new Error('then exploded');
          },
        }),
      });
      const outcome = await runner.run(group, 1);
      expect(outcome).toMatchObject({ status: 'rejected', error: new Error('then exploded') });
      expect(runner.stats()).toMatchObject({ running: 0, failed: 1 });
      await runner.drain();
    });

    it('settles an attempt whose thenable rejects from the abort listener at its deadline, and retries it', async () => {
      const runner = createRunner({ concurrency: 1 });
      const attempts: number[] = [];
      // Cancellable work that gives up the moment its signal aborts: it settles inside abort().
      const cancellable = (context: TaskContext) => ({
        then(_onFulfilled: (value: unknown) => void, onRejected: (error: unknown) => void) {
          context.signal.addEventListener('abort', () => onRejected(context.signal.reason));
        },
      });
      const group = runner.group({
        id: 'cancellable',
        timeoutMs: 20,
        retry: { attempts: 2, backoffMs: 1, jitter: false },
        invoke: (_n: number, context: TaskContext) => {
          attempts.push(context.attempt);
          return context.attempt === 1 ? cancellable(context) : 'second try';
        },
      });
      const outcome = await runner.run(group, 1);
      expect(outcome).toMatchObject({ status: 'fulfilled', value: 'second try', attempts: 2 });
      expect(attempts).toEqual([1, 2]);

      const once = runner.group({ id: 'cancellable-once', timeoutMs: 20, invoke: (_n: number, context: TaskContext) => cancellable(context) });
      const timedOut = await runner.run(once, 1);
      expect(timedOut).toMatchObject({ status: 'rejected', error: expect.any(HandlerTimeoutError), attempts: 1 });
      expect(runner.stats()).toMatchObject({ running: 0, overdue: 0, timedOut: 2 });
    });

    it('abandons every running task at close, also those whose abort listener settles them at once', async () => {
      const runner = createRunner({ concurrency: 4 });
      const group = runner.group({
        id: 'cancellable-close',
        invoke: (_n: number, context: TaskContext) => new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(context.signal.reason))),
      });
      const outcomes = [1, 2, 3].map((n) => runner.run(group, n));
      await waitFor(() => runner.stats().running === 3, 2_000, 'three running');
      const report = await runner.close(0);
      expect(report).toMatchObject({ running: 3, abandoned: 3 });
      for (const outcome of await Promise.all(outcomes)) expect(outcome).toMatchObject({ status: 'rejected', error: expect.any(TaskAbandonedError) });
    });

    it('shows the context, not the runner, to JSON.stringify and logs', async () => {
      const runner = createRunner({ concurrency: 4 });
      const gate = deferred();
      const seen: string[] = [];
      const group = runner.group({
        id: 'logging',
        invoke: async (n: number, context: TaskContext) => {
          await gate.promise;
          seen.push(JSON.stringify(context));
          return n;
        },
      });
      const outcomes = [1, 2, 3].map((n) => runner.run(group, n, { eventName: 'audit', publishedAt: 7 }));
      await waitFor(() => runner.stats().running === 3, 2_000, 'three running');
      gate.resolve();
      await Promise.all(outcomes);
      expect(seen.map((json) => JSON.parse(json))).toEqual([1, 2, 3].map(() => ({ handler: 'logging', eventName: 'audit', attempt: 1, publishedAt: 7 })));
    });
  });

  it('drain resolves once nothing is queued, running or waiting to retry', async () => {
    const runner = createRunner({ concurrency: 1 });
    const gates: Deferred[] = [deferred(), deferred()];
    let done = 0;
    const group = runner.group({
      id: 'gated',
      retry: { attempts: 2, backoffMs: 1 },
      invoke: async (n: number, { attempt }) => {
        await gates[n].promise;
        if (n === 1 && attempt === 1) throw new Error('again');
        done++;
      },
    });
    await runner.submit(group, 0);
    await runner.submit(group, 1);
    let drained = false;
    const drain = runner.drain().then(() => (drained = true));

    gates[0].resolve();
    await waitFor(() => done === 1);
    await turns();
    expect(drained).toBe(false);
    gates[1].resolve();
    await drain;
    expect(done).toBe(2);
    expect(runner.stats()).toMatchObject({ running: 0, queued: 0, delayed: 0, retried: 1 });
  });
});
