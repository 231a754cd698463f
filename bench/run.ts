/**
 * The benchmark: every scenario against every system, each run in a child process of its own,
 * systems interleaved (A B C A B C ...), then a table of medians and `bench/results/latest.json`.
 * `npm run bench -- --help` for the options.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChild } from './build-child.js';
import type { ChildJob } from './child-messages.js';
import { runChild, type RunOutcome } from './child-process.js';
import { parseOptions, USAGE } from './cli-options.js';
import { METRICS } from './metrics.js';
import { formatTable, writeResults } from './report.js';
import { planRuns, runPlan } from './run-plan.js';
import { scenarioNamed } from './scenarios/registry.js';
import type { MetricName } from './scenarios/scenario.interface.js';
import { summarize } from './summary.js';
import { formatVerdicts, judgeTargets } from './targets.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseOptions(process.argv.slice(2));
  const entry = await buildChild();
  const plan = planRuns(options);
  const started = performance.now();

  const records = await runPlan(
    plan,
    ({ job, repeat }) => runChild(entry, job, { timeoutMs: options.timeoutMs, execArgv: options.cpuProf ? profileArgs(job, repeat) : [] }),
    ({ outcome }, { job, repeat }, index) => {
      const label = `[${index + 1}/${plan.length}] ${job.scenario} · ${job.system} · run ${repeat}/${options.repeats}`;
      console.error(`${label}: ${describe(outcome, scenarioNamed(job.scenario).metrics)}`);
    },
  );

  const rows = summarize(records);
  console.log(`\nnode ${process.version}, ${options.quick ? 'quick' : 'full'} counts, ${options.warmup > 0 ? `${options.warmup} warm-up events per run, ` : ''}${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(formatTable(rows, records, options.quick, options.repeats));
  console.log(formatVerdicts(judgeTargets(rows)));

  const out = options.out ?? (options.partial ? undefined : join(RESULTS_DIR, 'latest.json'));
  if (out) {
    await writeResults(out, options.quick, options.warmup, rows);
    console.log(`\nWrote ${out}`);
  } else {
    console.log('\nPartial run: no JSON written (pass --out FILE to write one).');
  }
  const failed = records.filter((record) => record.outcome.status === 'failed');
  return failed.length > 0 ? 1 : 0;
}

/** Node flags that make a child write a CPU profile named after its run. */
function profileArgs(job: ChildJob, repeat: number): string[] {
  const name = `${job.scenario}.${job.system.replace(/[@/:]/g, '_')}.${repeat}.cpuprofile`;
  return ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', RESULTS_DIR, '--cpu-prof-name', name];
}

function describe(outcome: RunOutcome, metrics: readonly MetricName[]): string {
  if (outcome.status !== 'ok') return `${outcome.status}: ${outcome.detail}`;
  const shown: readonly MetricName[] = metrics.includes('peak_rss_mb') ? metrics : [...metrics, 'peak_rss_mb'];
  return shown.map((metric) => `${METRICS[metric].format(outcome.measured[metric]!)} ${metric}`).join(', ');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
