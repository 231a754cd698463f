/** The error of an attempt that did not settle before its `timeoutMs` deadline. */
export class HandlerTimeoutError extends Error {
  override readonly name = 'HandlerTimeoutError';

  constructor(
    /** The handler id. */
    readonly handler: string,
    /** The deadline that passed, in milliseconds. */
    readonly timeoutMs: number,
  ) {
    super(`Handler "${handler}" timed out after ${timeoutMs} ms`);
  }
}
