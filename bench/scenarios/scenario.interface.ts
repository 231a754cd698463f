import type { CallCounter } from '../support/call-counter.js';
import type { SystemSetup, SystemUnderTest } from '../systems/system.interface.js';

export const SCENARIO_NAMES = ['overhead-awaited', 'overhead-burst', 'io-latency', 'flood', 'keyed'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export type MetricName = 'handler_calls_per_s' | 'ms_per_event' | 'total_s' | 'peak_rss_mb';

/** The measured values of one run; `peak_rss_mb` is added by the child that ran it. */
export type Measured = Partial<Record<MetricName, number>>;

/** One scenario: what it publishes, to which handlers, and what it measures. */
export interface Scenario {
  readonly name: ScenarioName;
  /** What results report, the headline first. */
  readonly metrics: readonly MetricName[];
  /** Events published by one run. */
  readonly events: { readonly full: number; readonly quick: number };
  /** Handlers subscribed to the event. */
  readonly handlers: number;
  /**
   * Builds one run of `events` measured events, after `warmup` events published the same way
   * and not measured (0: the first event is measured).
   */
  prepare(events: number, warmup: number): ScenarioRun;
}

/** One run of a scenario, inside one child process. */
export interface ScenarioRun {
  readonly counter: CallCounter;
  /** What the system is set up with: the handlers and any option the scenario sets. */
  readonly setup: SystemSetup;
  /**
   * Publishes the run's events and measures.
   * @throws when a handler call is missing or a check of the scenario fails.
   */
  drive(system: SystemUnderTest): Promise<Measured>;
}
