import { describe, it, expect } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildJob } from '../bench/child-messages.js';
import { runChild, type RunOutcome } from '../bench/child-process.js';
import { parseOptions } from '../bench/cli-options.js';
import { writeResults } from '../bench/report.js';
import { planRuns, runPlan, type PlannedRun } from '../bench/run-plan.js';
import { KeyOrderCheck } from '../bench/scenarios/key-order-check.js';
import { publishAllThenDrain, publishEachAndWait } from '../bench/scenarios/publish-loops.js';
import { SCENARIO_NAMES } from '../bench/scenarios/scenario.interface.js';
import { BenchEvent } from '../bench/support/bench-event.js';
import { CallCounter } from '../bench/support/call-counter.js';
import { summarize, type ResultRow, type RunRecord } from '../bench/summary.js';
import type { SystemUnderTest } from '../bench/systems/system.interface.js';
import { SYSTEM_NAMES, type SystemName } from '../bench/systems/registry.js';
import { judgeTargets } from '../bench/targets.js';

const SCRIPTED_CHILD = fileURLToPath(new URL('./src/bench/scripted.child.mjs', import.meta.url));

describe('bench: options', () => {
  it('runs everything 3 times by default, with a time bound per run', () => {
    const options = parseOptions([]);
    expect(options).toMatchObject({ quick: false, repeats: 3, timeoutMs: 60_000, warmup: 0, cpuProf: false, partial: false });
    expect(options.scenarios).toEqual([...SCENARIO_NAMES]);
    expect(options.systems).toEqual([...SYSTEM_NAMES]);
    expect(parseOptions(['--quick']).timeoutMs).toBe(30_000);
  });

  it('keeps the canonical order of a partial list, and says the run is partial', () => {
    const options = parseOptions(['--system', 'p-queue, nestjs-async-event-bus', '--scenario', 'flood']);
    expect(options.systems).toEqual(['nestjs-async-event-bus', 'p-queue']);
    expect(options.scenarios).toEqual(['flood']);
    expect(options.partial).toBe(true);
  });

  it.each([
    [['--repeats', '0'], '--repeats must be a positive integer, got 0'],
    [['--timeout', '0'], '--timeout must be a positive number of seconds, got 0'],
    [['--warmup', '1.5'], '--warmup must be a whole number of events, got 1.5'],
    [['--system', 'kafka'], '--system: unknown name "kafka"'],
    [['--scenario', 'awaited'], '--scenario: unknown name "awaited"'],
  ])('refuses %j, naming the option and the value', (args, message) => {
    expect(() => parseOptions(args)).toThrow(message);
  });
});

describe('bench: the run plan', () => {
  it('interleaves the systems (A B C A B C) within each scenario, with the counts of the mode', () => {
    const systems: SystemName[] = ['nestjs-async-event-bus', 'eventemitter2', 'p-queue'];
    const full = planRuns({ scenarios: ['overhead-awaited', 'flood'], systems, repeats: 2, quick: false, warmup: 7 });
    expect(full.map(({ job, repeat }) => `${job.scenario} ${job.system} ${repeat}`)).toEqual([
      'overhead-awaited nestjs-async-event-bus 1',
      'overhead-awaited eventemitter2 1',
      'overhead-awaited p-queue 1',
      'overhead-awaited nestjs-async-event-bus 2',
      'overhead-awaited eventemitter2 2',
      'overhead-awaited p-queue 2',
      'flood nestjs-async-event-bus 1',
      'flood eventemitter2 1',
      'flood p-queue 1',
      'flood nestjs-async-event-bus 2',
      'flood eventemitter2 2',
      'flood p-queue 2',
    ]);
    expect(full[0].job).toEqual({ scenario: 'overhead-awaited', system: 'nestjs-async-event-bus', events: 200_000, warmup: 7 });
    expect(full[6].job.events).toBe(300_000);
    const quick = planRuns({ scenarios: ['overhead-awaited', 'flood'], systems, repeats: 1, quick: true, warmup: 0 });
    expect(quick.map(({ job }) => job.events)).toEqual([20_000, 20_000, 20_000, 30_000, 30_000, 30_000]);
  });

  it('skips the later repeats of a system that did not finish, in that scenario only', async () => {
    const plan = planRuns({ scenarios: ['overhead-burst', 'keyed'], systems: ['nestjs-async-event-bus', '@nestjs/cqrs'], repeats: 3, quick: true, warmup: 0 });
    const made: string[] = [];
    const heard: number[] = [];
    const records = await runPlan(
      plan,
      async ({ job, repeat }: PlannedRun): Promise<RunOutcome> => {
        made.push(`${job.scenario} ${job.system} ${repeat}`);
        if (job.scenario === 'overhead-burst' && job.system === '@nestjs/cqrs') return { status: 'timeout', detail: 'did not finish within 30 s' };
        return { status: 'ok', measured: { handler_calls_per_s: 1 } };
      },
      (_record, _run, index) => heard.push(index),
    );
    expect(made).toEqual([
      'overhead-burst nestjs-async-event-bus 1',
      'overhead-burst @nestjs/cqrs 1',
      'overhead-burst nestjs-async-event-bus 2',
      'overhead-burst nestjs-async-event-bus 3',
      ...[1, 2, 3].flatMap((repeat) => [`keyed nestjs-async-event-bus ${repeat}`, `keyed @nestjs/cqrs ${repeat}`]),
    ]);
    expect(records.map(({ outcome }) => outcome.status)).toEqual(['ok', 'timeout', 'ok', 'skipped', 'ok', 'skipped', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(heard).toEqual(plan.map((_, index) => index));
  });
});

describe('bench: a run in a child process', () => {
  const job = (script: string): ChildJob => ({ scenario: 'overhead-awaited', system: 'p-queue', events: 1234, warmup: 0, script }) as ChildJob;
  const options = { timeoutMs: 10_000, execArgv: [] };

  it('hands back what the child measured', async () => {
    await expect(runChild(SCRIPTED_CHILD, job('report'), options)).resolves.toEqual({ status: 'ok', measured: { handler_calls_per_s: 1234, peak_rss_mb: 42 } });
  });

  it('reports a check that failed in the child', async () => {
    await expect(runChild(SCRIPTED_CHILD, job('fail'), options)).resolves.toEqual({ status: 'failed', detail: 'per-key order broken 1 time(s)' });
  });

  it('kills a child past its time bound and says it did not finish', async () => {
    await expect(runChild(SCRIPTED_CHILD, job('hang'), { ...options, timeoutMs: 300 })).resolves.toEqual({ status: 'timeout', detail: 'did not finish within 0.3 s' });
  });

  it('reports a child that died before reporting', async () => {
    await expect(runChild(SCRIPTED_CHILD, job('crash'), options)).resolves.toEqual({ status: 'crashed', detail: 'exited with code 3 before reporting' });
  });
});

describe('bench: results', () => {
  const ok = (calls: number, rss: number): RunOutcome => ({ status: 'ok', measured: { handler_calls_per_s: calls, peak_rss_mb: rss } });
  const records: RunRecord[] = [
    { scenario: 'overhead-burst', system: 'nestjs-async-event-bus', outcome: ok(3_000_000.4, 90) },
    { scenario: 'overhead-burst', system: '@nestjs/cqrs', outcome: { status: 'timeout', detail: 'did not finish within 60 s' } },
    { scenario: 'overhead-burst', system: 'nestjs-async-event-bus', outcome: ok(1_000_000, 80.04) },
    { scenario: 'overhead-burst', system: '@nestjs/cqrs', outcome: { status: 'skipped', detail: 'did not finish in an earlier run' } },
    { scenario: 'overhead-burst', system: 'nestjs-async-event-bus', outcome: { status: 'failed', detail: 'expected 8 handler calls, counted 7' } },
    { scenario: 'overhead-burst', system: 'nestjs-async-event-bus', outcome: ok(2_000_000, 100) },
    { scenario: 'io-latency', system: 'p-queue', outcome: ok(0, 70) },
    { scenario: 'io-latency', system: 'p-queue', outcome: { status: 'ok', measured: { ms_per_event: 10.1234, peak_rss_mb: 71 } } },
  ];

  it('gives median, min and max over the runs that finished and passed, one row per metric', () => {
    const rows = summarize(records);
    expect(rows.map((row) => Object.keys(row))).toEqual(rows.map(() => ['scenario', 'system', 'metric', 'median', 'min', 'max', 'runs', 'peak_rss_mb']));
    expect(rows).toEqual([
      { scenario: 'overhead-burst', system: 'nestjs-async-event-bus', metric: 'handler_calls_per_s', median: 2_000_000, min: 1_000_000, max: 3_000_000, runs: 3, peak_rss_mb: 90 },
      { scenario: 'overhead-burst', system: 'nestjs-async-event-bus', metric: 'peak_rss_mb', median: 90, min: 80, max: 100, runs: 3, peak_rss_mb: 90 },
      { scenario: 'overhead-burst', system: '@nestjs/cqrs', metric: 'handler_calls_per_s', median: null, min: null, max: null, runs: 0, peak_rss_mb: null },
      { scenario: 'overhead-burst', system: '@nestjs/cqrs', metric: 'peak_rss_mb', median: null, min: null, max: null, runs: 0, peak_rss_mb: null },
      // Two runs: the median is their mean. A run without the metric does not count for it.
      { scenario: 'io-latency', system: 'p-queue', metric: 'ms_per_event', median: 10.123, min: 10.123, max: 10.123, runs: 2, peak_rss_mb: 70.5 },
    ]);
  });

  it('writes latest.json in the documented shape', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-results-'));
    try {
      const path = join(dir, 'nested', 'latest.json');
      const rows = summarize(records);
      await writeResults(path, true, 500, rows);
      const written = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      expect(Object.keys(written)).toEqual(['node', 'date', 'quick', 'warmup', 'results']);
      expect(written).toMatchObject({ node: process.version, quick: true, warmup: 500, results: rows });
      expect(new Date(written.date as string).toISOString()).toBe(written.date);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('judges each target on the medians, and says which were not measured', () => {
    const row = (scenario: ResultRow['scenario'], system: SystemName, metric: ResultRow['metric'], median: number | null): ResultRow => ({
      scenario,
      system,
      metric,
      median,
      min: median,
      max: median,
      runs: median === null ? 0 : 3,
      peak_rss_mb: null,
    });
    const verdicts = judgeTargets([
      row('overhead-awaited', 'nestjs-async-event-bus', 'handler_calls_per_s', 5e6),
      row('overhead-awaited', '@nestjs/event-emitter', 'handler_calls_per_s', 6e6),
      row('overhead-burst', 'nestjs-async-event-bus', 'handler_calls_per_s', 10e6),
      row('overhead-burst', 'nestjs-async-event-bus', 'peak_rss_mb', 99.9),
      row('overhead-burst', 'emittery', 'handler_calls_per_s', 2e6),
      row('overhead-burst', '@nestjs/cqrs', 'handler_calls_per_s', null),
      row('flood', 'nestjs-async-event-bus', 'total_s', 1.2),
      row('flood', 'nestjs-async-event-bus', 'peak_rss_mb', 121),
      row('flood', 'p-queue', 'total_s', 5.5),
      row('flood', 'eventemitter2', 'total_s', 1.0),
      row('keyed', 'nestjs-async-event-bus', 'handler_calls_per_s', 6.9e6),
    ]);
    const byTarget = Object.fromEntries(verdicts.map(({ target, met, detail }) => [target, { met, detail }]));
    expect(byTarget).toEqual({
      'overhead-awaited: at least @nestjs/event-emitter (default)': { met: false, detail: '5.00 M/s vs 6.00 M/s (0.83x)' },
      'overhead-awaited: toward raw eventemitter2 (no guards)': { met: undefined, detail: 'not measured in this run' },
      'overhead-burst: faster than every peer': { met: true, detail: '10.00 M/s vs fastest peer emittery 2.00 M/s (5.00x)' },
      'overhead-burst: under 100 MB RSS': { met: true, detail: '99.9 MB' },
      'io-latency: 10.3 ms per event or better': { met: undefined, detail: 'not measured in this run' },
      'flood: under 120 MB RSS': { met: false, detail: '121.0 MB' },
      'flood: within 1.2x the fastest peer': { met: true, detail: '1.20 s vs fastest peer eventemitter2 1.00 s (1.20x its time)' },
      'keyed: at least 0.7x own overhead-burst': { met: false, detail: '6.90 M/s vs burst 10.00 M/s (0.69x)' },
    });
  });
});

describe('bench: the checks a run must pass', () => {
  it('fails a run whose events came out of their key order, naming the first', () => {
    const check = new KeyOrderCheck(2, 3);
    for (const seq of [0, 1, 2, 3, 4, 5]) {
      check.see(0, new BenchEvent(seq, seq % 3));
      check.see(1, new BenchEvent(seq, seq % 3));
    }
    expect(() => check.assert()).not.toThrow();
    check.see(1, new BenchEvent(2, 2));
    expect(() => check.assert()).toThrow('per-key order broken 1 time(s); first: handler 2, key 2: event 2 came after event 5');
  });

  /** A system whose handlers count every call but `lose`, which they leave uncounted. */
  function countingSystem(handlers: number, counter: CallCounter, lose = -1): SystemUnderTest {
    let calls = 0;
    const handle = () => {
      for (let i = 0; i < handlers; i++) if (calls++ !== lose) counter.hit();
    };
    return {
      ordersByKey: false,
      publishAndWait: async () => handle(),
      publish: () => {
        handle();
        return undefined;
      },
      drain: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  }

  it('counts the warm-up events apart from the measured ones, and fails a run with a missing handler call', async () => {
    const counter = new CallCounter();
    await expect(publishEachAndWait(countingSystem(4, counter), 10, counter, 40, 5)).resolves.toBeGreaterThanOrEqual(0);
    expect(counter.calls).toBe(60);

    const lossy = new CallCounter();
    await expect(publishAllThenDrain(countingSystem(4, lossy, 17), 10, lossy, 40, 0)).rejects.toThrow('expected 40 handler calls, counted 39');
  });
});
