/**
 * A stand-in for the benchmark's child process: it does what its job's `script` says, so that
 * the harness's handling of each way a run can end is tested with a real process.
 */
const job = JSON.parse(process.argv[2] ?? '{}');

function report(message) {
  process.send(message, () => process.exit(message.ok ? 0 : 1));
}

switch (job.script) {
  case 'report':
    report({ ok: true, measured: { handler_calls_per_s: job.events, peak_rss_mb: 42 } });
    break;
  case 'fail':
    report({ ok: false, error: 'per-key order broken 1 time(s)' });
    break;
  case 'hang':
    // Far past any bound a test sets: the harness must kill it.
    setTimeout(() => {}, 600_000);
    break;
  case 'crash':
    process.exit(3);
    break;
  default:
    throw new Error(`unknown script ${job.script}`);
}
