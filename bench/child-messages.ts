import type { Measured, ScenarioName } from './scenarios/scenario.interface.js';
import type { SystemName } from './systems/registry.js';

/** What the orchestrator asks one child to run: passed as its only argument, in JSON. */
export interface ChildJob {
  readonly scenario: ScenarioName;
  readonly system: SystemName;
  readonly events: number;
  /** Events published before the measured ones, not measured. */
  readonly warmup: number;
}

/** What the child sends back before it exits. */
export type ChildReport = { readonly ok: true; readonly measured: Measured } | { readonly ok: false; readonly error: string };
