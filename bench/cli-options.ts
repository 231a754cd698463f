import { parseArgs } from 'node:util';
import { isScenarioName, SCENARIOS } from './scenarios/registry.js';
import type { ScenarioName } from './scenarios/scenario.interface.js';
import { isSystemName, SYSTEM_NAMES, type SystemName } from './systems/registry.js';

/** The options of `npm run bench -- ...`. */
export interface BenchOptions {
  /** `--quick`: the smaller counts of every scenario. */
  readonly quick: boolean;
  /** `--repeats N`: runs of each system in each scenario. @default 3 */
  readonly repeats: number;
  /** `--scenario a,b`: only these scenarios. @default all */
  readonly scenarios: readonly ScenarioName[];
  /** `--system a,b`: only these systems. @default all */
  readonly systems: readonly SystemName[];
  /** `--timeout S`: seconds before a run is killed and reported as not finished. @default 60, or 30 with --quick */
  readonly timeoutMs: number;
  /** `--warmup N`: events each run publishes (the scenario's way) before the measured ones. @default 0 */
  readonly warmup: number;
  /** `--cpu-prof`: children write a V8 CPU profile to `bench/results/`. */
  readonly cpuProf: boolean;
  /** `--out FILE`: where the JSON goes. @default bench/results/latest.json, and nowhere for a partial run */
  readonly out: string | undefined;
  /** Whether only some scenarios or systems run. */
  readonly partial: boolean;
}

export const USAGE = `npm run bench -- [--quick] [--repeats N] [--scenario ${SCENARIOS.map((s) => s.name).join(',')}]
                 [--system NAME,...] [--timeout SECONDS] [--warmup EVENTS] [--cpu-prof] [--out FILE]`;

/** @throws Error naming the option for a value that is not valid. */
export function parseOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      repeats: { type: 'string', default: '3' },
      scenario: { type: 'string' },
      system: { type: 'string' },
      timeout: { type: 'string' },
      warmup: { type: 'string', default: '0' },
      'cpu-prof': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be a positive integer, got ${values.repeats}`);
  const timeout = values.timeout === undefined ? (values.quick ? 30 : 60) : Number(values.timeout);
  if (!(timeout > 0)) throw new Error(`--timeout must be a positive number of seconds, got ${values.timeout}`);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error(`--warmup must be a whole number of events, got ${values.warmup}`);
  const scenarios = listOf('--scenario', values.scenario, SCENARIOS.map((s) => s.name), isScenarioName);
  const systems = listOf('--system', values.system, SYSTEM_NAMES, isSystemName);
  return {
    quick: values.quick,
    repeats,
    scenarios,
    systems,
    timeoutMs: timeout * 1000,
    warmup,
    cpuProf: values['cpu-prof'],
    out: values.out,
    partial: scenarios.length < SCENARIOS.length || systems.length < SYSTEM_NAMES.length,
  };
}

function listOf<T extends string>(option: string, value: string | undefined, all: readonly T[], valid: (name: string) => name is T): T[] {
  if (value === undefined) return [...all];
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) if (!valid(name)) throw new Error(`${option}: unknown name "${name}"; known: ${all.join(', ')}`);
  // Keep the canonical order, so that runs interleave the same way however the list was written.
  return all.filter((name) => names.includes(name));
}
