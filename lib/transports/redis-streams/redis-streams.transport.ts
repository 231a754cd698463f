import type { Redis, RedisOptions } from 'ioredis';
import { EventTransportError } from '../../errors/event-transport.error.js';
import type { EventTransport, OutgoingEvent, TransportHost } from '../event-transport.interface.js';
import { encodeEvent } from './event-codec.js';
import type { RedisStreamsTransportOptions } from './redis-streams-options.interface.js';
import { resolveRedisStreamsOptions, type ResolvedRedisStreamsOptions } from './redis-streams-options.js';
import { StreamConsumer } from './stream-consumer.js';
import { trimAcknowledged } from './stream-trimmer.js';

/**
 * Runs the bus over Redis Streams: `publish` appends to one stream (pipelined), every handler is
 * a consumer group of its own, and the instances of an app compete for each handler's entries.
 * Delivery is at least once: an entry is acknowledged only when the handler's outcome is final,
 * and one left by a dead instance is taken over after `claimIdleMs`.
 *
 * @example
 * EventBusModule.forRoot({
 *   transport: new RedisStreamsTransport({ connection: process.env.REDIS_URL, group: 'orders-service' }),
 * })
 */
export class RedisStreamsTransport implements EventTransport {
  /** The stream's key. */
  readonly stream: string;
  /** The dead-letter stream's key. */
  readonly deadLetterStream: string;
  private readonly options: ResolvedRedisStreamsOptions;
  private commands: Redis | undefined;
  private ownsCommands = false;
  private readonly consumers: StreamConsumer[] = [];
  private trimTimer: ReturnType<typeof setInterval> | undefined;

  /** @throws InvalidOptionsError when an option is not valid. */
  constructor(private readonly transportOptions: RedisStreamsTransportOptions) {
    this.options = resolveRedisStreamsOptions(transportOptions);
    this.stream = this.options.stream;
    this.deadLetterStream = this.options.deadLetterStream;
  }

  async connect(host: TransportHost): Promise<void> {
    this.commands = await this.openCommands();
    for (const { id } of host.subscriptions()) {
      const reader = this.commands.duplicate({ maxRetriesPerRequest: null, enableAutoPipelining: false });
      // Its reads block: never queue them while offline, and keep trying to come back.
      reader.on('error', () => undefined);
      this.consumers.push(new StreamConsumer(this.options, id, reader, this.commands, host));
    }
    await Promise.all(this.consumers.map((consumer) => consumer.ensureGroup()));
    for (const consumer of this.consumers) consumer.start();
    if (this.consumers.length > 0 && this.options.trimIntervalMs > 0) {
      const commands = this.commands;
      this.trimTimer = setInterval(() => {
        trimAcknowledged(commands, this.stream).catch((error: unknown) => host.logger.warn(`Trimming ${this.stream} failed: ${String(error)}`));
      }, this.options.trimIntervalMs);
      this.trimTimer.unref();
    }
  }

  publish(outgoing: OutgoingEvent): Promise<void> {
    const commands = this.commands;
    if (!commands) return Promise.reject(new EventTransportError('The Redis Streams transport is not connected yet'));
    let entry;
    try {
      entry = encodeEvent(outgoing.type, outgoing.event, outgoing.publishedAt, this.options.maxEntryBytes);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.options.whenDisconnected === 'reject' && commands.status !== 'ready') {
      return Promise.reject(new EventTransportError(`Cannot publish "${entry.name}": Redis is not connected (${commands.status})`));
    }
    return commands
      .xadd(this.stream, '*', 'k', entry.kind, 'n', entry.name, 'p', entry.payload, 't', String(entry.publishedAt))
      .then(
        () => undefined,
        (error: unknown) => {
          throw new EventTransportError(`Cannot publish "${entry.name}" to Redis: ${(error as Error).message}`);
        },
      );
  }

  async stopConsuming(): Promise<void> {
    clearInterval(this.trimTimer);
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.settled()));
    if (this.commands && this.ownsCommands) await this.commands.quit().catch(() => this.commands?.disconnect());
    this.commands = undefined;
  }

  /** The connection for publishing, acks and claims: yours, or one of our own, auto-pipelined. */
  private async openCommands(): Promise<Redis> {
    const connection = this.transportOptions.connection;
    if (isClient(connection)) return connection;
    const { Redis } = await import('ioredis');
    // 'reject': a command caught by a disconnect fails after one reconnect attempt instead of
    // waiting for Redis; 'wait': it waits. Readers always wait (see connect).
    const maxRetriesPerRequest = this.options.whenDisconnected === 'reject' ? 1 : null;
    const options: RedisOptions = { enableAutoPipelining: true, lazyConnect: true, maxRetriesPerRequest };
    const client = typeof connection === 'string' || connection === undefined
      ? new Redis(connection ?? 'redis://127.0.0.1:6379', options)
      : new Redis({ ...options, ...connection });
    client.on('error', () => undefined);
    this.ownsCommands = true;
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      throw new EventTransportError(`The Redis Streams transport cannot reach Redis: ${(error as Error).message}`);
    }
    return client;
  }
}

function isClient(value: unknown): value is Redis {
  return typeof value === 'object' && value !== null && typeof (value as Redis).xadd === 'function' && typeof (value as Redis).duplicate === 'function';
}
