/**
 * Thrown (as a rejection of `publish`) when the published value is not an event: `null`,
 * `undefined`, a primitive without a name, or an empty name.
 */
export class InvalidEventError extends TypeError {
  override readonly name = 'InvalidEventError';
}
