/**
 * Resolves once `condition` holds, polling every few milliseconds; rejects after `timeoutMs`.
 * Tests wait for what they expect instead of sleeping a fixed time.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Resolves after `ms`: only for waiting on purpose (a handler's work), never to let a test "settle". */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Lets the event loop turn `turns` times (timers and I/O included), so that late work would show up. */
export async function turns(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}
