import { flood } from './flood.js';
import { ioLatency } from './io-latency.js';
import { keyed } from './keyed.js';
import { overheadAwaited } from './overhead-awaited.js';
import { overheadBurst } from './overhead-burst.js';
import type { Scenario, ScenarioName } from './scenario.interface.js';

/** Every scenario, in the order a run goes through them. */
export const SCENARIOS: readonly Scenario[] = [overheadAwaited, overheadBurst, ioLatency, flood, keyed];

export function isScenarioName(name: string): name is ScenarioName {
  return SCENARIOS.some((scenario) => scenario.name === name);
}

export function scenarioNamed(name: ScenarioName): Scenario {
  return SCENARIOS.find((scenario) => scenario.name === name)!;
}
