/**
 * Counts finished handler calls, and lets a driver wait for a count: how peers without an
 * awaitable `publish` (or without a `drain`) are waited for.
 */
export class CallCounter {
  calls = 0;
  private target = Infinity;
  private reached: (() => void) | undefined = undefined;

  /** A handler call finished. */
  hit(): void {
    if (++this.calls >= this.target) {
      const reached = this.reached!;
      this.target = Infinity;
      this.reached = undefined;
      reached();
    }
  }

  /** Resolves once `calls` reaches `count`; one waiter at a time. */
  until(count: number): Promise<void> {
    if (this.calls >= count) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.target = count;
      this.reached = resolve;
    });
  }
}
