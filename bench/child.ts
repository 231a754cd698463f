/**
 * One run in a process of its own: one scenario against one system, so that the peak RSS it
 * reports is that system's alone. Started by `run.ts`; reports over IPC, then exits.
 */
import type { ChildJob, ChildReport } from './child-messages.js';
import { scenarioNamed } from './scenarios/registry.js';
import { PeakRss } from './support/peak-rss.js';
import { loadSystem } from './systems/registry.js';

const rss = new PeakRss();

async function runJob(job: ChildJob): Promise<ChildReport> {
  const run = scenarioNamed(job.scenario).prepare(job.events, job.warmup);
  const create = await loadSystem(job.system);
  const system = await create(run.setup);
  const measured = await run.drive(system);
  measured.peak_rss_mb = rss.stop();
  await system.close();
  return { ok: true, measured };
}

function report(message: ChildReport): void {
  if (!process.send) {
    console.log(JSON.stringify(message));
    process.exit(message.ok ? 0 : 1);
  }
  process.send(message, () => process.exit(message.ok ? 0 : 1));
}

const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
runJob(job).then(report, (error: unknown) => {
  report({ ok: false, error: error instanceof Error ? error.message : String(error) });
});
