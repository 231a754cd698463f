/**
 * Thrown (as a rejection of `publish`) when the queue is full and `overflow` is `'reject'`.
 * Nothing of the rejected event was accepted.
 */
export class EventBusOverloadedError extends Error {
  override readonly name = 'EventBusOverloadedError';
}
