import type { Redis, RedisOptions } from 'ioredis';

/** Options of `RedisStreamsTransport`. */
export interface RedisStreamsTransportOptions {
  /**
   * Where Redis is: a URL, ioredis options (password, `tls`, `username`, `db`... pass straight
   * through), or a client of your own, which the transport uses and duplicates but never closes.
   * @default 'redis://127.0.0.1:6379'
   * @example
   * { host: 'redis.internal', port: 6380, password: process.env.REDIS_PASSWORD, tls: {} }
   */
  connection?: string | RedisOptions | Redis;
  /**
   * Prefix of the keys the transport uses: `<prefix>:events` (the stream) and `<prefix>:dead`
   * (the dead-letter stream).
   * @default 'nestjs-async-event-bus'
   */
  streamPrefix?: string;
  /**
   * The application's name. Each handler has its consumer group `<group>:<handler id>`: every
   * handler gets every event once across all instances that share the group.
   */
  group: string;
  /**
   * This instance's name within the groups. A stable name (a pod name) lets a restarted instance
   * be recognised; entries an instance held when it died are taken over after `claimIdleMs`.
   * @default `${hostname}-${pid}`
   */
  consumer?: string;
  /**
   * Most entries one read takes (never more than the runner has room for).
   * @default 64
   */
  batchSize?: number;
  /**
   * How long a read waits for new entries, in milliseconds.
   * @default 2000
   */
  blockMs?: number;
  /**
   * How long a delivered, unacknowledged entry waits before another consumer takes it over.
   * An instance keeps the entries it is still working on claimed (a heartbeat every third of
   * this), so a long handler run is not taken over; a dead instance's entries are.
   * @default 30000
   */
  claimIdleMs?: number;
  /**
   * Deliveries of one entry to one handler before it goes to the dead-letter stream, with the
   * last error and the delivery count.
   * @default 5
   */
  maxDeliveries?: number;
  /**
   * Largest payload accepted, in bytes, on publish and on read (a bigger entry is refused or
   * dead-lettered).
   * @default 1048576
   */
  maxEntryBytes?: number;
  /**
   * How often the stream is trimmed of entries every group has acknowledged, in milliseconds.
   * Entries still pending or not yet delivered to some group are never trimmed. `0` turns
   * trimming off; otherwise at least 100.
   * @default 10000
   */
  trimIntervalMs?: number;
  /**
   * What `publish` does while Redis is unreachable: reject with `EventTransportError`, or wait
   * (queued in the client) until it is back.
   * @default 'reject'
   */
  whenDisconnected?: 'reject' | 'wait';
}
