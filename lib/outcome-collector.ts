import type { HandlerOutcome, PublishResult } from './interfaces/publish-result.interface.js';
import type { OutcomeSink } from './runner/task.js';

/** Gathers the outcomes of one event's handlers for `publishAndWait`. */
export class OutcomeCollector implements OutcomeSink {
  readonly outcomes: HandlerOutcome[] = [];
  private total = -1;

  constructor(
    readonly eventName: string,
    private readonly resolve: (result: PublishResult) => void,
    readonly reject: (error: unknown) => void,
  ) {}

  /** Says how many tasks were submitted; outcomes that came before (a filter that threw) count too. */
  expect(tasks: number): void {
    this.total = this.outcomes.length + tasks;
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
