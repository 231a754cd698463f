/**
 * The outcome of a task that the bus gave up at shutdown: it was still queued, waiting for a
 * retry, or running (its signal was aborted) when `shutdownTimeoutMs` ran out.
 */
export class TaskAbandonedError extends Error {
  override readonly name = 'TaskAbandonedError';
}
