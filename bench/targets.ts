import type { MetricName, ScenarioName } from './scenarios/scenario.interface.js';
import type { ResultRow } from './summary.js';
import { THIS_PACKAGE } from './systems/registry.js';

interface Verdict {
  readonly target: string;
  /** `undefined` when a figure it needs is missing (a scenario not run, or not finished). */
  readonly met: boolean | undefined;
  readonly detail: string;
}

/** The benchmark's targets, judged on this run's medians. */
export function judgeTargets(rows: readonly ResultRow[]): Verdict[] {
  const median = (scenario: ScenarioName, metric: MetricName, system: string = THIS_PACKAGE): number | undefined =>
    rows.find((row) => row.scenario === scenario && row.system === system && row.metric === metric)?.median ?? undefined;
  const peers = (scenario: ScenarioName, metric: MetricName) =>
    rows.filter((row) => row.scenario === scenario && row.metric === metric && row.system !== THIS_PACKAGE && row.median !== null);
  const verdicts: Verdict[] = [];
  const judge = (target: string, ours: number | undefined, theirs: number | undefined, met: (ours: number, theirs: number) => boolean, detail: (ours: number, theirs: number) => string) => {
    verdicts.push(
      ours === undefined || theirs === undefined
        ? { target, met: undefined, detail: 'not measured in this run' }
        : { target, met: met(ours, theirs), detail: detail(ours, theirs) },
    );
  };
  const mps = (value: number) => `${(value / 1e6).toFixed(2)} M/s`;

  judge(
    'overhead-awaited: at least @nestjs/event-emitter (default)',
    median('overhead-awaited', 'handler_calls_per_s'),
    median('overhead-awaited', 'handler_calls_per_s', '@nestjs/event-emitter'),
    (ours, theirs) => ours >= theirs,
    (ours, theirs) => `${mps(ours)} vs ${mps(theirs)} (${(ours / theirs).toFixed(2)}x)`,
  );
  const eventemitter2 = median('overhead-awaited', 'handler_calls_per_s', 'eventemitter2');
  judge(
    'overhead-awaited: toward raw eventemitter2 (no guards)',
    median('overhead-awaited', 'handler_calls_per_s'),
    eventemitter2,
    (ours, theirs) => ours >= theirs,
    (ours, theirs) => `${mps(ours)} vs ${mps(theirs)} (${(ours / theirs).toFixed(2)}x)`,
  );
  const burstPeers = peers('overhead-burst', 'handler_calls_per_s');
  const fastestBurst = burstPeers.sort((a, b) => b.median! - a.median!)[0];
  judge(
    'overhead-burst: faster than every peer',
    median('overhead-burst', 'handler_calls_per_s'),
    fastestBurst?.median ?? undefined,
    (ours, theirs) => ours > theirs,
    (ours, theirs) => `${mps(ours)} vs fastest peer ${fastestBurst.system} ${mps(theirs)} (${(ours / theirs).toFixed(2)}x)`,
  );
  judge(
    'overhead-burst: under 100 MB RSS',
    median('overhead-burst', 'peak_rss_mb'),
    100,
    (ours, limit) => ours < limit,
    (ours) => `${ours.toFixed(1)} MB`,
  );
  judge(
    'io-latency: 10.3 ms per event or better',
    median('io-latency', 'ms_per_event'),
    10.3,
    (ours, limit) => ours <= limit,
    (ours) => `${ours.toFixed(2)} ms`,
  );
  judge('flood: under 120 MB RSS', median('flood', 'peak_rss_mb'), 120, (ours, limit) => ours < limit, (ours) => `${ours.toFixed(1)} MB`);
  const floodPeers = peers('flood', 'total_s');
  const fastestFlood = floodPeers.sort((a, b) => a.median! - b.median!)[0];
  judge(
    'flood: within 1.2x the fastest peer',
    median('flood', 'total_s'),
    fastestFlood?.median ?? undefined,
    (ours, theirs) => ours <= 1.2 * theirs,
    (ours, theirs) => `${ours.toFixed(2)} s vs fastest peer ${fastestFlood.system} ${theirs.toFixed(2)} s (${(ours / theirs).toFixed(2)}x its time)`,
  );
  judge(
    'keyed: at least 0.7x own overhead-burst',
    median('keyed', 'handler_calls_per_s'),
    median('overhead-burst', 'handler_calls_per_s'),
    (ours, burst) => ours >= 0.7 * burst,
    (ours, burst) => `${mps(ours)} vs burst ${mps(burst)} (${(ours / burst).toFixed(2)}x)`,
  );
  return verdicts;
}

export function formatVerdicts(verdicts: readonly Verdict[]): string {
  const mark = (met: boolean | undefined) => (met === undefined ? 'n/a   ' : met ? 'met   ' : 'MISSED');
  return ['Targets, on this run\'s medians:', ...verdicts.map((v) => `  ${mark(v.met)} ${v.target}: ${v.detail}`)].join('\n');
}
