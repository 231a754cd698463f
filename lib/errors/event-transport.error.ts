/** A transport could not take an event: not connected, or the event cannot travel. */
export class EventTransportError extends Error {
  override readonly name = 'EventTransportError';
}
