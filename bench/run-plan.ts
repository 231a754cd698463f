import type { ChildJob } from './child-messages.js';
import type { RunOutcome } from './child-process.js';
import type { BenchOptions } from './cli-options.js';
import { scenarioNamed } from './scenarios/registry.js';
import type { RunRecord } from './summary.js';

/** One run of the benchmark: the job its child gets, and which repeat it is. */
export interface PlannedRun {
  readonly job: ChildJob;
  /** 1 to `repeats`. */
  readonly repeat: number;
}

/**
 * Every run, in the order they are made: scenario by scenario, and within one scenario the
 * systems take turns (A B C A B C ...), so that a machine that slows down mid-way slows every
 * system alike.
 */
export function planRuns(options: Pick<BenchOptions, 'scenarios' | 'systems' | 'repeats' | 'quick' | 'warmup'>): PlannedRun[] {
  const plan: PlannedRun[] = [];
  for (const scenario of options.scenarios) {
    const { events } = scenarioNamed(scenario);
    for (let repeat = 1; repeat <= options.repeats; repeat++) {
      for (const system of options.systems) {
        plan.push({ job: { scenario, system, events: options.quick ? events.quick : events.full, warmup: options.warmup }, repeat });
      }
    }
  }
  return plan;
}

/**
 * Makes the runs one after another. A system whose run did not finish in time has its later
 * repeats of that scenario skipped, and recorded as such: they would run out of time too.
 * @param runOne makes one run (in a child process, for the benchmark).
 * @param onRecord hears of each run as soon as it is over.
 */
export async function runPlan(
  plan: readonly PlannedRun[],
  runOne: (run: PlannedRun) => Promise<RunOutcome>,
  onRecord: (record: RunRecord, run: PlannedRun, index: number) => void = () => {},
): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  const timedOut = new Set<string>();
  for (const run of plan) {
    const { scenario, system } = run.job;
    const id = `${scenario} ${system}`;
    const outcome: RunOutcome = timedOut.has(id) ? { status: 'skipped', detail: 'did not finish in an earlier run' } : await runOne(run);
    if (outcome.status === 'timeout') timedOut.add(id);
    const record: RunRecord = { scenario, system, outcome };
    records.push(record);
    onRecord(record, run, records.length - 1);
  }
  return records;
}
