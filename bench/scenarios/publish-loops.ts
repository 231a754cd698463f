import { BenchEvent } from '../support/bench-event.js';
import type { CallCounter } from '../support/call-counter.js';
import type { SystemUnderTest } from '../systems/system.interface.js';

/** Distinct ordering keys among the published events (`seq % KEYS`). */
export const KEYS = 100;

/**
 * Publishes `events` events one at a time, each awaited in the system's awaitable form, after
 * `warmup` events published the same way and not measured.
 * @returns the elapsed milliseconds of the measured events.
 * @throws when the system reported a failure or a handler call is missing.
 */
export async function publishEachAndWait(system: SystemUnderTest, events: number, counter: CallCounter, calls: number, warmup: number): Promise<number> {
  const start = await warmUp(system, warmup, true);
  const started = performance.now();
  await publishEach(system, start, start + events);
  const elapsed = performance.now() - started;
  await system.drain();
  expectCalls(counter, calls, events, warmup);
  return elapsed;
}

/**
 * Publishes `events` events as fast as the system lets a publisher (waiting only where the
 * system pushes back), then waits for every handler call; after `warmup` events published and
 * drained the same way, not measured.
 * @returns the elapsed milliseconds, from the first measured publish to the last handler call.
 * @throws when the system reported a failure or a handler call is missing.
 */
export async function publishAllThenDrain(system: SystemUnderTest, events: number, counter: CallCounter, calls: number, warmup: number): Promise<number> {
  const start = await warmUp(system, warmup, false);
  const started = performance.now();
  await publishAll(system, start, start + events);
  await system.drain();
  const elapsed = performance.now() - started;
  expectCalls(counter, calls, events, warmup);
  return elapsed;
}

export function callsPerSecond(calls: number, elapsedMs: number): number {
  return calls / (elapsedMs / 1000);
}

/** Publishes the warm-up events and waits for their handlers. @returns the next `seq`. */
async function warmUp(system: SystemUnderTest, warmup: number, awaited: boolean): Promise<number> {
  if (warmup === 0) return 0;
  await (awaited ? publishEach(system, 0, warmup) : publishAll(system, 0, warmup));
  await system.drain();
  return warmup;
}

async function publishEach(system: SystemUnderTest, from: number, to: number): Promise<void> {
  for (let seq = from; seq < to; seq++) await system.publishAndWait(new BenchEvent(seq, seq % KEYS));
}

async function publishAll(system: SystemUnderTest, from: number, to: number): Promise<void> {
  for (let seq = from; seq < to; seq++) {
    const accepted = system.publish(new BenchEvent(seq, seq % KEYS));
    if (accepted !== undefined) await accepted;
  }
}

/** Every handler call, of the warm-up's events (as many per event) and the measured ones, counted once each. */
function expectCalls(counter: CallCounter, calls: number, events: number, warmup: number): void {
  const expected = calls + (calls / events) * warmup;
  if (counter.calls !== expected) throw new Error(`expected ${expected} handler calls, counted ${counter.calls}`);
}
