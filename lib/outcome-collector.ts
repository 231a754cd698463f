import type { HandlerOutcome, PublishResult } from './interfaces/publish-result.interface.js';
import type { OutcomeSink } from './runner/task.js';

let capturedResolve: (result: PublishResult) => void;
let capturedReject: (error: unknown) => void;

/** Stands for the outcomes before `expect` sizes them. */
const EMPTY: HandlerOutcome[] = [];

/** A promise executor that is no closure: the collector takes the functions at once. */
function capture(resolve: (result: PublishResult) => void, reject: (error: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

/** Gathers the outcomes of one event's handlers for `publishAndWait`, and holds its promise. */
export class OutcomeCollector implements OutcomeSink {
  readonly promise: Promise<PublishResult>;
  readonly reject: (error: unknown) => void;
  private readonly resolve: (result: PublishResult) => void;
  private outcomes: HandlerOutcome[] = EMPTY;
  private settled = 0;
  private total = -1;
  /** Set when the event is accepted. */
  eventName = '';

  constructor() {
    this.promise = new Promise<PublishResult>(capture);
    this.resolve = capturedResolve;
    this.reject = capturedReject;
  }

  /**
   * Says how many handlers the event goes to, before any of them runs: each then settles an
   * outcome or skips (its filter said no).
   */
  expect(handlers: number): void {
    this.total = handlers;
    if (handlers > 0) this.outcomes = new Array<HandlerOutcome>(handlers);
    this.check();
  }

  skip(): void {
    this.total--;
    this.check();
  }

  settle(outcome: HandlerOutcome): void {
    this.outcomes[this.settled++] = outcome;
    this.check();
  }

  private check(): void {
    if (this.settled !== this.total) return;
    const outcomes = this.outcomes === EMPTY ? [] : this.outcomes;
    // Handlers that skipped leave no place behind.
    if (outcomes.length > this.settled) outcomes.length = this.settled;
    this.resolve({ eventName: this.eventName, outcomes });
  }
}
