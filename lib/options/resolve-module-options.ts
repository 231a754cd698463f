import { InvalidOptionsError } from '../errors/invalid-options.error.js';
import { invalidOption } from '../event-bus.messages.js';
import type { EventBusModuleOptions, OverflowPolicy } from '../interfaces/event-bus-options.interface.js';
import type { EventTransport } from '../transports/event-transport.interface.js';
import type { ResolvedRetry } from '../runner/backoff.js';
import { milliseconds, oneOf, optionalTimeout, positiveInteger, resolveRetry } from './validate.js';

/** The module's options with every default filled in and every value checked. */
export interface ResolvedEventBusOptions {
  readonly concurrency: number;
  readonly maxQueueSize: number;
  readonly overflow: OverflowPolicy;
  readonly handlerTimeoutMs: number | undefined;
  readonly retry: ResolvedRetry;
  readonly shutdownTimeoutMs: number;
  readonly transport: EventTransport | undefined;
}

const KNOWN_OPTIONS = new Set<string>([
  'concurrency',
  'maxQueueSize',
  'overflow',
  'handlerTimeoutMs',
  'retry',
  'shutdownTimeoutMs',
  'transport',
]);

/**
 * The one place where module defaults are merged and module options validated.
 * @throws InvalidOptionsError naming the option and the value.
 */
export function resolveModuleOptions(options: EventBusModuleOptions | undefined = {}): ResolvedEventBusOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionsError(invalidOption('options', options, 'an object'));
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new InvalidOptionsError(invalidOption(key, (options as Record<string, unknown>)[key], `one of the known options: ${[...KNOWN_OPTIONS].join(', ')}`));
    }
  }
  const transport = options.transport;
  if (transport !== undefined && (transport === null || typeof transport !== 'object' || typeof transport.publish !== 'function')) {
    throw new InvalidOptionsError(invalidOption('transport', transport, 'an EventTransport such as new RedisStreamsTransport(...)'));
  }
  return Object.freeze({
    concurrency: positiveInteger('concurrency', options.concurrency ?? 64, true),
    maxQueueSize: positiveInteger('maxQueueSize', options.maxQueueSize ?? 10_000, true),
    overflow: oneOf('overflow', options.overflow ?? 'wait', ['wait', 'reject'] as const),
    handlerTimeoutMs: optionalTimeout('handlerTimeoutMs', options.handlerTimeoutMs),
    retry: resolveRetry('retry', options.retry),
    shutdownTimeoutMs: milliseconds('shutdownTimeoutMs', options.shutdownTimeoutMs ?? 10_000, 0),
    transport,
  });
}
