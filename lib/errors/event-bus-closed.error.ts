/** Thrown (as a rejection of `publish`) once the bus has begun to shut down. */
export class EventBusClosedError extends Error {
  override readonly name = 'EventBusClosedError';
}
