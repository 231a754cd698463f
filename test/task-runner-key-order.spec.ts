import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { TaskRunner, type HandlerOutcome } from '../lib/index.js';
import { deferred } from './src/support/deferred.js';
import { turns, waitFor } from './src/support/wait-for.js';

const ATTEMPTS = 3;
const NO_KEY = 4;

/** A concurrency, and tasks: each with a key (NO_KEY means none), how long it takes, and how many of its tries fail. */
const plans = fc.record({
  concurrency: fc.integer({ min: 1, max: 6 }),
  tasks: fc.array(
    fc.record({
      key: fc.integer({ min: 0, max: NO_KEY }),
      delayMs: fc.integer({ min: 0, max: 3 }),
      failures: fc.integer({ min: 0, max: ATTEMPTS }),
    }),
    { minLength: 1, maxLength: 30 },
  ),
});

describe('TaskRunner per-key order', () => {
  it('runs the tasks of one key one at a time in submit order, across retries and failures, and each exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async ({ concurrency, tasks }) => {
        const runner = new TaskRunner({ concurrency, onFailure: () => undefined });
        const inFlightByKey = new Map<number, number>();
        const overlaps: string[] = [];
        const starts: Array<{ index: number; attempt: number }> = [];
        const succeeded = new Array<number>(tasks.length).fill(0);
        const group = runner.group({
          id: 'keyed',
          retry: { attempts: ATTEMPTS, backoffMs: 1, factor: 1 },
          invoke: async (index: number, { attempt }) => {
            const { key, delayMs, failures } = tasks[index];
            const keyed = key !== NO_KEY;
            if (keyed) {
              const now = (inFlightByKey.get(key) ?? 0) + 1;
              inFlightByKey.set(key, now);
              if (now > 1) overlaps.push(`key ${key}: task ${index} started while another of its key ran`);
            }
            starts.push({ index, attempt });
            if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
            else await Promise.resolve();
            if (keyed) inFlightByKey.set(key, inFlightByKey.get(key)! - 1);
            if (attempt <= failures) throw new Error(`planned failure ${attempt} of task ${index}`);
            succeeded[index]++;
          },
        });

        const outcomes: HandlerOutcome[] = await Promise.all(
          tasks.map((task, index) => runner.run(group, index, { key: task.key === NO_KEY ? undefined : `key-${task.key}` })),
        );
        await runner.close(0);

        expect(overlaps).toEqual([]);
        // For each key, the tries it saw: the tries of one task together, tasks in submit order.
        for (let key = 0; key < NO_KEY; key++) {
          const seen = starts.filter(({ index }) => tasks[index].key === key);
          for (let i = 1; i < seen.length; i++) {
            const [previous, current] = [seen[i - 1], seen[i]];
            const nextTry = current.index === previous.index && current.attempt === previous.attempt + 1;
            const nextTask = current.index > previous.index && current.attempt === 1;
            expect({ key, previous, current, inOrder: nextTry || nextTask }).toMatchObject({ inOrder: true });
          }
        }
        // Exactly once: a task succeeds once if it has a try left to succeed on, else is reported failed.
        tasks.forEach(({ failures }, index) => {
          const tries = starts.filter((start) => start.index === index).length;
          if (failures < ATTEMPTS) {
            expect(outcomes[index]).toMatchObject({ status: 'fulfilled', attempts: failures + 1 });
            expect(succeeded[index]).toBe(1);
            expect(tries).toBe(failures + 1);
          } else {
            expect(outcomes[index]).toMatchObject({ status: 'rejected', attempts: ATTEMPTS });
            expect(succeeded[index]).toBe(0);
            expect(tries).toBe(ATTEMPTS);
          }
        });
        const failed = tasks.filter(({ failures }) => failures >= ATTEMPTS).length;
        expect(runner.stats()).toMatchObject({ completed: tasks.length - failed, failed, running: 0, queued: 0, delayed: 0 });
      }),
      { numRuns: 30 },
    );
  });

  it('runs different keys at the same time, and holds a key until its task is over', async () => {
    const runner = new TaskRunner({ concurrency: 4 });
    const gates = { a1: deferred(), a2: deferred(), b1: deferred() };
    const started: string[] = [];
    const group = runner.group({
      id: 'keyed',
      invoke: async (name: keyof typeof gates) => {
        started.push(name);
        await gates[name].promise;
      },
    });

    await runner.submit(group, 'a1', { key: 'a' });
    await runner.submit(group, 'a2', { key: 'a' });
    await runner.submit(group, 'b1', { key: 'b' });
    await turns();

    expect(started).toEqual(['a1', 'b1']);
    expect(runner.stats()).toMatchObject({ running: 2, queued: 1 });
    expect(runner.stats().handlers.keyed).toMatchObject({ running: 2, queued: 1 });

    gates.b1.resolve();
    await waitFor(() => runner.stats().running === 1);
    expect(started).toEqual(['a1', 'b1']);

    gates.a1.resolve();
    await waitFor(() => started.length === 3);
    expect(started).toEqual(['a1', 'b1', 'a2']);

    gates.a2.resolve();
    await runner.drain();
    expect(runner.stats()).toMatchObject({ completed: 3, running: 0, queued: 0 });
    await runner.close(0);
  });

  it('keeps a key through the delay before a retry: the next task of the key waits for it', async () => {
    const runner = new TaskRunner({ concurrency: 4, onFailure: () => undefined });
    const order: string[] = [];
    const group = runner.group({
      id: 'keyed',
      retry: { attempts: 2, backoffMs: 30, jitter: false },
      invoke: (name: string, { attempt }) => {
        order.push(`${name} try ${attempt}`);
        if (name === 'first' && attempt === 1) throw new Error('again');
      },
    });

    const first = runner.run(group, 'first', { key: 7 });
    const second = runner.run(group, 'second', { key: 7 });
    const other = runner.run(group, 'other key', { key: 8 });
    await Promise.all([first, second, other]);

    expect(order).toEqual(['first try 1', 'other key try 1', 'first try 2', 'second try 1']);
    await runner.close(0);
  });

  it('keeps the lanes of keys that come back, and sweeps idle lanes so that unbounded keys hold no memory', async () => {
    const runner = new TaskRunner({ concurrency: 8 });
    const seen: number[] = [];
    const group = runner.group({ id: 'orders', invoke: async (n: number) => void seen.push(n) });

    for (let round = 0; round < 3; round++) {
      for (let key = 0; key < 10; key++) await runner.submit(group, round * 10 + key, { key });
      await runner.drain();
    }
    // Ten keys, three rounds: the same ten lanes, idle between rounds.
    expect(group.lanes.size).toBe(10);

    for (let n = 0; n < 5_000; n++) await runner.submit(group, n, { key: `order-${n}` });
    await runner.drain();
    expect(group.lanes.size).toBeLessThanOrEqual(1_025);
    expect(seen).toHaveLength(30 + 5_000);
    await runner.close(0);
  });
});
