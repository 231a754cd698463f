/** Thrown at startup when a module or handler option is not valid; the message names both. */
export class InvalidOptionsError extends TypeError {
  override readonly name = 'InvalidOptionsError';
}
