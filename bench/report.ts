import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { advantage, METRICS } from './metrics.js';
import { scenarioNamed } from './scenarios/registry.js';
import type { MetricName, ScenarioName } from './scenarios/scenario.interface.js';
import type { ResultRow, RunRecord } from './summary.js';
import { THIS_PACKAGE } from './systems/registry.js';

/** What `latest.json` holds. */
export interface ResultsFile {
  node: string;
  date: string;
  quick: boolean;
  /** Unmeasured events each run published first (`--warmup`); 0 unless asked. */
  warmup: number;
  results: ResultRow[];
}

export async function writeResults(path: string, quick: boolean, warmup: number, results: ResultRow[]): Promise<void> {
  const file: ResultsFile = { node: process.version, date: new Date().toISOString(), quick, warmup, results };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
}

/**
 * The table: per scenario, each system's median, min and max of each metric, and `bus×`, how
 * many times better this package's median is than that system's (above 1: better), followed
 * by the runs that did not finish.
 */
export function formatTable(rows: readonly ResultRow[], records: readonly RunRecord[], quick: boolean, repeats: number): string {
  const lines: string[] = [];
  const scenarios = [...new Set(rows.map((row) => row.scenario))];
  for (const scenario of scenarios) {
    const { metrics, handlers, events } = scenarioNamed(scenario);
    const count = quick ? events.quick : events.full;
    lines.push(`${scenario}: ${count.toLocaleString('en-US')} events x ${handlers} handlers, ${repeats} run(s) per system`);
    const rssColumn = !metrics.includes('peak_rss_mb');
    const header = [pad('system', 28)];
    for (const metric of metrics) header.push(padLeft(`${metric} (${METRICS[metric].better} better)`, 40));
    if (rssColumn) header.push(padLeft('peak RSS MB', 12));
    header.push(padLeft('runs', 5));
    lines.push(header.join(''));
    const sub = [pad('', 28)];
    for (let i = 0; i < metrics.length; i++) sub.push(`${padLeft('median', 10)}${padLeft('min', 10)}${padLeft('max', 10)}${padLeft('bus×', 10)}`);
    lines.push(sub.join(''));

    const systems = [...new Set(rows.filter((row) => row.scenario === scenario).map((row) => row.system))];
    for (const system of systems) {
      const line = [pad(system, 28)];
      let finished = 0;
      for (const metric of metrics) {
        const row = find(rows, scenario, system, metric)!;
        const ours = find(rows, scenario, THIS_PACKAGE, metric)?.median ?? null;
        finished = row.runs;
        line.push(
          padLeft(show(metric, row.median), 10),
          padLeft(show(metric, row.min), 10),
          padLeft(show(metric, row.max), 10),
          padLeft(ours === null || row.median === null || system === THIS_PACKAGE ? '' : advantage(metric, ours, row.median).toFixed(2), 10),
        );
      }
      if (rssColumn) line.push(padLeft(show('peak_rss_mb', find(rows, scenario, system, metrics[0])!.peak_rss_mb), 12));
      line.push(padLeft(`${finished}/${repeats}`, 5));
      lines.push(line.join(''));
    }
    const notFinished = records.filter((record) => record.scenario === scenario && record.outcome.status !== 'ok');
    for (const { system, outcome } of notFinished) {
      if (outcome.status !== 'ok') lines.push(`  ${system}: ${NOT_FINISHED[outcome.status]}: ${outcome.detail}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const NOT_FINISHED = {
  timeout: 'did not finish',
  skipped: 'not run',
  failed: 'FAILED',
  crashed: 'crashed',
} as const;

function find(rows: readonly ResultRow[], scenario: ScenarioName, system: string, metric: MetricName): ResultRow | undefined {
  return rows.find((row) => row.scenario === scenario && row.system === system && row.metric === metric);
}

function show(metric: MetricName, value: number | null): string {
  return value === null ? 'DNF' : METRICS[metric].format(value);
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

function padLeft(text: string, width: number): string {
  return text.padStart(width);
}
