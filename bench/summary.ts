import type { RunOutcome } from './child-process.js';
import { round } from './metrics.js';
import type { MetricName, ScenarioName } from './scenarios/scenario.interface.js';
import { scenarioNamed } from './scenarios/registry.js';
import type { SystemName } from './systems/registry.js';

/** One run of one system in one scenario. */
export interface RunRecord {
  readonly scenario: ScenarioName;
  readonly system: SystemName;
  readonly outcome: RunOutcome;
}

/** One line of `results` in `latest.json`; `null` figures when no run finished. */
export interface ResultRow {
  scenario: ScenarioName;
  system: SystemName;
  metric: MetricName;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Runs that finished and passed their checks. */
  runs: number;
  /** Median over those runs of the child's peak RSS. */
  peak_rss_mb: number | null;
}

/** One row per scenario, system and metric, in the order they ran. */
export function summarize(records: readonly RunRecord[]): ResultRow[] {
  const groups = new Map<string, RunRecord[]>();
  for (const record of records) {
    const id = `${record.scenario}\u0000${record.system}`;
    const group = groups.get(id);
    if (group) group.push(record);
    else groups.set(id, [record]);
  }
  const rows: ResultRow[] = [];
  for (const group of groups.values()) {
    const { scenario, system } = group[0];
    const measured = group.flatMap((record) => (record.outcome.status === 'ok' ? [record.outcome.measured] : []));
    const rss = spread(measured.map((m) => m.peak_rss_mb).filter(isNumber));
    for (const metric of scenarioNamed(scenario).metrics) {
      const values = spread(measured.map((m) => m[metric]).filter(isNumber));
      rows.push({
        scenario,
        system,
        metric,
        median: values && round(metric, values.median),
        min: values && round(metric, values.min),
        max: values && round(metric, values.max),
        runs: measured.length,
        peak_rss_mb: rss && round('peak_rss_mb', rss.median),
      });
    }
  }
  return rows;
}

function spread(values: number[]): { median: number; min: number; max: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function isNumber(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
