import { hostname } from 'node:os';
import { InvalidOptionsError } from '../../errors/invalid-options.error.js';
import { invalidOption } from '../../event-bus.messages.js';
import { milliseconds, oneOf, positiveInteger } from '../../options/validate.js';
import type { RedisStreamsTransportOptions } from './redis-streams-options.interface.js';

export interface ResolvedRedisStreamsOptions {
  readonly stream: string;
  readonly deadLetterStream: string;
  readonly group: string;
  readonly consumer: string;
  readonly batchSize: number;
  readonly blockMs: number;
  readonly claimIdleMs: number;
  readonly maxDeliveries: number;
  readonly maxEntryBytes: number;
  readonly trimIntervalMs: number;
  readonly whenDisconnected: 'reject' | 'wait';
}

/** `0` (off) or at least 100 ms: a trim reads every group's state, not a thing to do each millisecond. */
function trimInterval(value: unknown): number {
  return value === 0 ? 0 : milliseconds('trimIntervalMs', value, 100);
}

/** Defaults and checks of the transport's options, in one place. @throws InvalidOptionsError */
export function resolveRedisStreamsOptions(options: RedisStreamsTransportOptions): ResolvedRedisStreamsOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionsError(invalidOption('RedisStreamsTransport options', options, 'an object with at least { group }'));
  }
  const name = (option: string, value: unknown): string => {
    if (typeof value !== 'string' || value.length === 0 || /\s/.test(value)) {
      throw new InvalidOptionsError(invalidOption(option, value, 'a non-empty string without spaces'));
    }
    return value;
  };
  const prefix = name('streamPrefix', options.streamPrefix ?? 'nestjs-async-event-bus');
  return Object.freeze({
    stream: `${prefix}:events`,
    deadLetterStream: `${prefix}:dead`,
    group: name('group', options.group),
    consumer: name('consumer', options.consumer ?? `${hostname()}-${process.pid}`),
    batchSize: positiveInteger('batchSize', options.batchSize ?? 64),
    blockMs: milliseconds('blockMs', positiveInteger('blockMs', options.blockMs ?? 2_000), 1),
    claimIdleMs: milliseconds('claimIdleMs', positiveInteger('claimIdleMs', options.claimIdleMs ?? 30_000), 1),
    maxDeliveries: positiveInteger('maxDeliveries', options.maxDeliveries ?? 5),
    maxEntryBytes: positiveInteger('maxEntryBytes', options.maxEntryBytes ?? 1_048_576),
    trimIntervalMs: trimInterval(options.trimIntervalMs ?? 10_000),
    whenDisconnected: oneOf('whenDisconnected', options.whenDisconnected ?? 'reject', ['reject', 'wait'] as const),
  });
}
