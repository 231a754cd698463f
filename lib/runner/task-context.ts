import { inspect } from 'node:util';
import type { EventContext } from '../interfaces/event-context.interface.js';

/** What one attempt of a task is told about itself: the handler's `EventContext`. */
export type TaskContext = EventContext;

/**
 * The context of one attempt: a small object of its own, made when the attempt starts, so that
 * a handler may keep it as long as it likes. Its `AbortController` is made only when someone
 * reads `signal`, so an attempt that nobody asks to cancel costs none; an abort that comes
 * first is remembered and the signal is born aborted.
 */
export class AttemptContext implements TaskContext {
  private controller: AbortController | undefined = undefined;
  private abortReason: unknown = undefined;
  private aborted = false;

  constructor(
    readonly handler: string,
    readonly eventName: string,
    readonly publishedAt: number,
    readonly attempt: number,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.abortReason);
    }
    return this.controller.signal;
  }

  /** Aborts this attempt's signal. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.abortReason = reason;
    this.controller?.abort(reason);
  }

  /** What `JSON.stringify(context)` and logs show. */
  toJSON(): { handler: string; eventName: string; attempt: number; publishedAt: number } {
    return { handler: this.handler, eventName: this.eventName, attempt: this.attempt, publishedAt: this.publishedAt };
  }

  [inspect.custom](): unknown {
    return this.toJSON();
  }
}
