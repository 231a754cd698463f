import { fork } from 'node:child_process';
import type { ChildJob, ChildReport } from './child-messages.js';
import type { Measured } from './scenarios/scenario.interface.js';

/**
 * How one run ended: `failed` is a check of the run that did not hold (a missing handler call,
 * per-key order), `skipped` a run not started because an earlier one of it did not finish.
 */
export type RunOutcome =
  | { readonly status: 'ok'; readonly measured: Measured }
  | { readonly status: 'failed' | 'timeout' | 'crashed' | 'skipped'; readonly detail: string };

export interface ChildOptions {
  /** The child is killed, and the run reported as not finished, after this long. */
  readonly timeoutMs: number;
  /** Node flags of the child, such as `--cpu-prof`. */
  readonly execArgv: readonly string[];
}

/** Runs one job in a fresh Node process and waits for its report, its death or its deadline. */
export function runChild(entry: string, job: ChildJob, options: ChildOptions): Promise<RunOutcome> {
  return new Promise<RunOutcome>((resolve) => {
    const child = fork(entry, [JSON.stringify(job)], {
      execArgv: [...options.execArgv],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let report: ChildReport | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('message', (message: ChildReport) => (report = message));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve({ status: 'timeout', detail: `did not finish within ${options.timeoutMs / 1000} s` });
      else if (report?.ok) resolve({ status: 'ok', measured: report.measured });
      else if (report) resolve({ status: 'failed', detail: report.error });
      else resolve({ status: 'crashed', detail: `exited with ${signal ?? `code ${code}`} before reporting` });
    });
  });
}
