/**
 * Throw this (or a subclass) from a handler to stop its retries at once: the outcome is final.
 *
 * @example
 * if (!order) throw new NonRetriableError(`order ${id} does not exist`);
 */
export class NonRetriableError extends Error {
  override readonly name: string = 'NonRetriableError';
}
