import { InvalidOptionsError } from '../errors/invalid-options.error.js';
import { invalidOption } from '../event-bus.messages.js';
import { DEFAULT_RETRY, type ResolvedRetry } from '../runner/backoff.js';
import type { RetryOptions } from '../interfaces/retry-options.interface.js';

/** A whole number of at least 1, or `Infinity` where `allowInfinity`. */
export function positiveInteger(option: string, value: unknown, allowInfinity = false): number {
  const ok =
    typeof value === 'number' &&
    ((Number.isInteger(value) && value >= 1) || (allowInfinity && value === Infinity));
  if (!ok) {
    throw new InvalidOptionsError(
      invalidOption(option, value, `an integer >= 1${allowInfinity ? ' or Infinity' : ''}`),
    );
  }
  return value;
}

/** The longest delay a Node timer takes; a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2_147_483_647;

/** A finite number of at least `min` (above it, when `strict`), and at most `max`. */
export function finiteNumber(option: string, value: unknown, min: number, strict = false, max = Infinity): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (strict ? value > min : value >= min) && value <= max;
  if (!ok) {
    const range = `a finite number ${strict ? '>' : '>='} ${min}${max < Infinity ? ` and <= ${max}` : ''}`;
    throw new InvalidOptionsError(invalidOption(option, value, range));
  }
  return value;
}

/** Milliseconds for a timer: from `min` to `MAX_TIMER_MS`. */
export function milliseconds(option: string, value: unknown, min: number): number {
  return finiteNumber(option, value, min, false, MAX_TIMER_MS);
}

export function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new InvalidOptionsError(invalidOption(option, value, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`));
  }
  return value as T;
}

export function optionalFunction(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new InvalidOptionsError(invalidOption(option, value, 'a function'));
  }
}

/** `undefined` (no deadline) or a number of milliseconds from 1 to `MAX_TIMER_MS`. */
export function optionalTimeout(option: string, value: unknown): number | undefined {
  return value === undefined ? undefined : milliseconds(option, value, 1);
}

/** Merges `retry` field by field over `base` and validates the result. */
export function resolveRetry(option: string, retry: RetryOptions | undefined, base: ResolvedRetry = DEFAULT_RETRY): ResolvedRetry {
  if (retry === undefined) return base;
  if (retry === null || typeof retry !== 'object') {
    throw new InvalidOptionsError(invalidOption(option, retry, 'an object such as { attempts: 3 }'));
  }
  const merged = { ...base, ...stripUndefined(retry) };
  positiveInteger(`${option}.attempts`, merged.attempts);
  milliseconds(`${option}.backoffMs`, merged.backoffMs, 0);
  milliseconds(`${option}.maxBackoffMs`, merged.maxBackoffMs, 0);
  finiteNumber(`${option}.factor`, merged.factor, 1);
  if (typeof merged.jitter !== 'boolean') {
    throw new InvalidOptionsError(invalidOption(`${option}.jitter`, merged.jitter, 'a boolean'));
  }
  return Object.freeze(merged);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
