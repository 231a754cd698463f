import type { Redis } from 'ioredis';
import { TaskAbandonedError } from '../../errors/task-abandoned.error.js';
import type { TransportHost } from '../event-transport.interface.js';
import { decodePayload, decodeType } from './event-codec.js';
import type { ResolvedRedisStreamsOptions } from './redis-streams-options.js';

type StreamEntry = [id: string, fields: string[] | null];

/**
 * The read loop of one handler's consumer group on this instance: reads no more than the runner
 * has room for, takes over entries other consumers left idle, hands each entry to the bus, and
 * acknowledges it once the handler's outcome is final (or dead-letters it).
 */
export class StreamConsumer {
  readonly groupName: string;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private nextClaimAt = 0;
  private claimCursor = '0-0';
  /** Entries handed to the bus and not yet settled, so a claim does not run one twice here. */
  private readonly inFlight = new Set<string>();
  private readonly settling = new Set<Promise<unknown>>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly options: ResolvedRedisStreamsOptions,
    private readonly handlerId: string,
    /** This consumer's own connection: its blocking reads would stall anyone else's commands. */
    private readonly reader: Redis,
    /** The shared connection for acks, claims and dead letters. */
    private readonly commands: Redis,
    private readonly host: TransportHost,
  ) {
    this.groupName = `${options.group}:${handlerId}`;
  }

  start(): void {
    this.loop = this.run();
    // Entries this instance still works on are claimed again, without counting a delivery
    // (JUSTID), well before they look idle: only a dead instance's entries are taken over.
    this.heartbeat = setInterval(() => void this.keepClaimed(), Math.max(20, Math.floor(this.options.claimIdleMs / 3)));
    this.heartbeat.unref();
  }

  /** Stops reading; what was handed to the bus is still settled and acknowledged. */
  async stop(): Promise<void> {
    this.stopped = true;
    // A blocking read would hold the loop for up to blockMs: cut the connection instead.
    this.reader.disconnect();
    await this.loop;
  }

  /**
   * Resolves once every entry handed to the bus is acknowledged, dead-lettered or left, then
   * stops the heartbeat.
   */
  async settled(): Promise<void> {
    while (this.settling.size > 0) await Promise.allSettled([...this.settling]);
    // Kept beating through the drain: an entry still running must not look idle to others.
    clearInterval(this.heartbeat);
  }

  async ensureGroup(): Promise<void> {
    try {
      // From the start of what the stream retains: events published before this handler's first
      // start are not lost.
      await this.commands.xgroup('CREATE', this.options.stream, this.groupName, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const room = await this.waitForRoom();
        if (room === 0) break;
        const claimed = Date.now() >= this.nextClaimAt ? await this.claim(room) : 0;
        // What the claim took counts against the room: read only what is left of it.
        const count = Math.min(room - claimed, this.options.batchSize, this.host.room());
        if (count <= 0) continue;
        const reply = (await this.reader.xreadgroup(
          'GROUP', this.groupName, this.options.consumer,
          'COUNT', count,
          'BLOCK', this.options.blockMs,
          'STREAMS', this.options.stream, '>',
        )) as Array<[string, StreamEntry[]]> | null;
        if (reply) for (const [id, fields] of reply[0][1]) this.handle(id, fields, 1);
        if (failures > 0) this.host.logger.log(`Consumer ${this.groupName} reads again`);
        failures = 0;
      } catch (error) {
        if (this.stopped) break;
        const message = String((error as Error).message);
        if (message.includes('NOGROUP')) {
          // The stream or group vanished (Redis restarted empty, or a FLUSH): make it again.
          await this.ensureGroup().catch(() => sleep(1_000));
          continue;
        }
        failures++;
        if (failures === 1) this.host.logger.warn(`Consumer ${this.groupName} cannot read (${message}); retrying`);
        await sleep(Math.min(1_000, 50 * 2 ** Math.min(failures, 5)));
      }
    }
  }

  /** How many entries the runner can take now, waiting (polling) while it has none; 0 once stopped. */
  private async waitForRoom(): Promise<number> {
    for (;;) {
      if (this.stopped) return 0;
      const room = Math.min(this.options.batchSize, this.host.room());
      if (room > 0) return room;
      await sleep(5);
    }
  }

  private async keepClaimed(): Promise<void> {
    if (this.inFlight.size === 0) return;
    const ids = [...this.inFlight];
    try {
      for (let i = 0; i < ids.length; i += 500) {
        await this.commands.xclaim(this.options.stream, this.groupName, this.options.consumer, 0, ...ids.slice(i, i + 500), 'JUSTID');
      }
    } catch {
      // Redis unreachable: the next beat tries again; meanwhile the entries may look idle.
    }
  }

  /** Takes over entries that another consumer (or this one, before a crash) left idle. */
  private async claim(count: number): Promise<number> {
    this.nextClaimAt = Date.now() + Math.max(50, Math.min(1_000, this.options.claimIdleMs / 2));
    const [cursor, entries] = (await this.commands.xautoclaim(
      this.options.stream, this.groupName, this.options.consumer,
      this.options.claimIdleMs, this.claimCursor, 'COUNT', count,
    )) as [string, StreamEntry[], string[]?];
    this.claimCursor = cursor;
    const fresh = entries.filter(([id, fields]) => fields !== null && !this.inFlight.has(id));
    if (fresh.length === 0) return 0;
    const deliveries = await this.deliveryCounts(fresh[0][0], fresh[fresh.length - 1][0], entries.length);
    for (const [id, fields] of fresh) this.handle(id, fields, deliveries.get(id) ?? 1);
    return fresh.length;
  }

  private async deliveryCounts(first: string, last: string, count: number): Promise<Map<string, number>> {
    const rows = (await this.commands.xpending(
      this.options.stream, this.groupName, first, last, count, this.options.consumer,
    )) as Array<[string, string, number, number]>;
    return new Map(rows.map(([id, , , deliveries]) => [id, Number(deliveries)]));
  }

  private handle(id: string, list: string[] | null, deliveries: number): void {
    if (!list) return;
    const fields = toRecord(list);
    if (deliveries > this.options.maxDeliveries) {
      this.track(this.deadLetter(id, fields, 'delivered without an outcome too many times', deliveries));
      return;
    }
    let incoming;
    try {
      const type = decodeType(fields);
      if (!this.host.accepts(this.handlerId, type)) {
        this.track(this.ack(id));
        return;
      }
      incoming = decodePayload(fields, type, this.options.maxEntryBytes);
    } catch (error) {
      this.track(this.failed(id, fields, error, deliveries));
      return;
    }
    this.inFlight.add(id);
    const settle = this.host.deliver(this.handlerId, incoming, () => this.inFlight.delete(id)).then(
      (outcome) => {
        if (outcome === undefined || outcome.status === 'fulfilled') return this.ack(id);
        // Abandoned at shutdown: leave it pending for another consumer to take over.
        if (outcome.error instanceof TaskAbandonedError) return undefined;
        return this.failed(id, fields, outcome.error, deliveries);
      },
      // Refused by the runner (closing or overloaded): left pending, delivered again later.
      () => undefined,
    );
    this.track(settle);
  }

  /** A failed delivery is left pending, to be taken over and tried again, until maxDeliveries. */
  private async failed(id: string, fields: Record<string, string>, error: unknown, deliveries: number): Promise<void> {
    if (deliveries >= this.options.maxDeliveries) await this.deadLetter(id, fields, error, deliveries);
  }

  private async deadLetter(id: string, fields: Record<string, string>, error: unknown, deliveries: number): Promise<void> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await this.commands
      .multi()
      .xadd(
        this.options.deadLetterStream, '*',
        'handler', this.handlerId,
        'group', this.groupName,
        'entry', id,
        'n', String(fields.n ?? ''),
        'k', String(fields.k ?? ''),
        'p', String(fields.p ?? ''),
        't', String(fields.t ?? ''),
        'error', reason,
        'deliveries', String(deliveries),
      )
      .xack(this.options.stream, this.groupName, id)
      .exec();
    this.host.logger.warn(`Entry ${id} for ${this.handlerId} went to ${this.options.deadLetterStream} after ${deliveries} deliveries: ${reason}`);
  }

  private async ack(id: string): Promise<void> {
    await this.commands.xack(this.options.stream, this.groupName, id);
  }

  private track(promise: Promise<unknown>): void {
    const tracked = promise.catch((error: unknown) => {
      this.host.logger.warn(`Consumer ${this.groupName} could not settle an entry: ${String((error as Error)?.message ?? error)}`);
    });
    this.settling.add(tracked);
    void tracked.finally(() => this.settling.delete(tracked));
  }
}

/** Field list `[f1, v1, f2, v2]` to a record without a prototype, so no field name reaches one. */
function toRecord(list: string[]): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  for (let i = 0; i + 1 < list.length; i += 2) record[list[i]] = list[i + 1];
  return record;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
