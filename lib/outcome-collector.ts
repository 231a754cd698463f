import type { HandlerOutcome, PublishResult } from './interfaces/publish-result.interface.js';
import type { OutcomeSink } from './runner/task.js';

/** Gathers the outcomes of one event's handlers for `publishAndWait`. */
export class OutcomeCollector implements OutcomeSink {
  readonly outcomes: HandlerOutcome[] = [];
  private total = -1;
  /** Set when the event is accepted. */
  eventName = '';

  constructor(
    private readonly resolve: (result: PublishResult) => void,
    readonly reject: (error: unknown) => void,
  ) {}

  /**
   * Says how many handlers the event goes to, before any of them runs: each then settles an
   * outcome or skips (its filter said no).
   */
  expect(handlers: number): void {
    this.total = handlers;
    this.check();
  }

  skip(): void {
    this.total--;
    this.check();
  }

  settle(outcome: HandlerOutcome): void {
    this.outcomes.push(outcome);
    this.check();
  }

  private check(): void {
    if (this.outcomes.length === this.total) this.resolve({ eventName: this.eventName, outcomes: this.outcomes });
  }
}
