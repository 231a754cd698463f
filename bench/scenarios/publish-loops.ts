import { BenchEvent } from '../support/bench-event.js';
import type { CallCounter } from '../support/call-counter.js';
import type { SystemUnderTest } from '../systems/system.interface.js';

/** Distinct ordering keys among the published events (`seq % KEYS`). */
export const KEYS = 100;

/**
 * Publishes `events` events one at a time, each awaited in the system's awaitable form.
 * @returns the elapsed milliseconds.
 * @throws when the system reported a failure or a handler call is missing.
 */
export async function publishEachAndWait(system: SystemUnderTest, events: number, counter: CallCounter, calls: number): Promise<number> {
  const started = performance.now();
  for (let seq = 0; seq < events; seq++) await system.publishAndWait(new BenchEvent(seq, seq % KEYS));
  const elapsed = performance.now() - started;
  await system.drain();
  expectCalls(counter, calls);
  return elapsed;
}

/**
 * Publishes `events` events as fast as the system lets a publisher (waiting only where the
 * system pushes back), then waits for every handler call.
 * @returns the elapsed milliseconds, from the first publish to the last handler call.
 * @throws when the system reported a failure or a handler call is missing.
 */
export async function publishAllThenDrain(system: SystemUnderTest, events: number, counter: CallCounter, calls: number): Promise<number> {
  const started = performance.now();
  for (let seq = 0; seq < events; seq++) {
    const accepted = system.publish(new BenchEvent(seq, seq % KEYS));
    if (accepted !== undefined) await accepted;
  }
  await system.drain();
  const elapsed = performance.now() - started;
  expectCalls(counter, calls);
  return elapsed;
}

export function callsPerSecond(calls: number, elapsedMs: number): number {
  return calls / (elapsedMs / 1000);
}

function expectCalls(counter: CallCounter, calls: number): void {
  if (counter.calls !== calls) throw new Error(`expected ${calls} handler calls, counted ${counter.calls}`);
}
