import type { BenchEvent } from '../support/bench-event.js';

/** Checks per-key order as handlers see it: for each handler and key, events arrive in publish order. */
export class KeyOrderCheck {
  private readonly lastSeq: Int32Array[];
  private violations = 0;
  private first: string | undefined = undefined;

  constructor(handlers: number, keys: number) {
    this.lastSeq = Array.from({ length: handlers }, () => new Int32Array(keys).fill(-1));
  }

  /** Handler `handler` (0-based) started on `event`. */
  see(handler: number, event: BenchEvent): void {
    const last = this.lastSeq[handler];
    if (event.seq <= last[event.key]) {
      this.violations++;
      this.first ??= `handler ${handler + 1}, key ${event.key}: event ${event.seq} came after event ${last[event.key]}`;
    }
    last[event.key] = event.seq;
  }

  /** @throws when any event came out of its key's order. */
  assert(): void {
    if (this.violations > 0) throw new Error(`per-key order broken ${this.violations} time(s); first: ${this.first}`);
  }
}
