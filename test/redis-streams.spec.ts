import 'reflect-metadata';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Module, type Provider } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import {
  EventBus,
  EventBusModule,
  EventTransportError,
  RedisStreamsTransport,
  type EventBusModuleOptions,
  type RedisStreamsTransportOptions,
} from '../lib/index.js';
import { trimAcknowledged } from '../lib/transports/redis-streams/stream-trimmer.js';
import { AlwaysFailingConsumer, poisonCalls } from './src/redis/poison.consumer.js';
import { GatedSettlement } from './src/redis/slow-settlement.consumer.js';
import { OverdueConsumer } from './src/redis/overdue.consumer.js';
import { QuotePublished } from './src/redis/quote-published.event.js';
import { QuotesConsumer } from './src/redis/quotes.consumer.js';
import { REDIS_URL, deleteKeys, redisReachable, uniquePrefix } from './src/redis/redis.support.js';
import { waitFor } from './src/support/wait-for.js';
import { TradeExecuted } from './src/redis/trade-executed.event.js';
import { INSTANCE, ReportingConsumer, SettlementConsumer, handled } from './src/redis/trades.consumers.js';

const reachable = await redisReachable();
if (!reachable) {
  if (process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}, and CI is set: the Redis Streams tests must run`);
  console.warn(`Redis is not reachable at ${REDIS_URL}: skipping the Redis Streams transport tests`);
}
const describeRedis = reachable ? describe : describe.skip;

describeRedis('RedisStreamsTransport against a real Redis', () => {
  let redis: Redis;
  let prefix: string;
  const apps: TestingModule[] = [];
  const children: ChildProcess[] = [];

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await redis.quit();
  });

  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await deleteKeys(redis, prefix);
    handled.reset();
  });

  async function startApp(
    name: string,
    providers: Provider[],
    transport: Partial<RedisStreamsTransportOptions> = {},
    bus: EventBusModuleOptions = {},
  ): Promise<TestingModule> {
    @Module({
      imports: [
        EventBusModule.forRoot({
          ...bus,
          transport: new RedisStreamsTransport({
            connection: REDIS_URL,
            group: 'test-app',
            consumer: name,
            streamPrefix: prefix,
            blockMs: 100,
            claimIdleMs: 500,
            ...transport,
          }),
        }),
      ],
      providers: [{ provide: INSTANCE, useValue: name }, ...providers],
    })
    class InstanceModule {}
    const app = await Test.createTestingModule({ imports: [InstanceModule] }).setLogger(quietLogger).compile();
    await app.init();
    apps.push(app);
    return app;
  }

  const trade = (seq: number): TradeExecuted =>
    new TradeExecuted(seq, seq % 2 ? 'ACME' : 'GLOBEX', new Date(1_700_000_000_000 + seq), { venue: 'XLON', quantities: [seq, 1] });

  async function pendingOf(group: string): Promise<number> {
    const [count] = (await redis.xpending(`${prefix}:events`, `test-app:${group}`)) as [number];
    return Number(count);
  }

  it('delivers each event once per handler across two instances, whichever instance published it', async () => {
    prefix = uniquePrefix('fleet');
    const a = await startApp('a', [SettlementConsumer, ReportingConsumer]);
    const b = await startApp('b', [SettlementConsumer, ReportingConsumer]);
    const busA = a.get(EventBus);
    const busB = b.get(EventBus);

    await Promise.all([
      (async () => { for (let seq = 0; seq < 500; seq++) await busA.publish(trade(seq)); })(),
      (async () => { for (let seq = 500; seq < 1000; seq++) await busB.publish(trade(seq)); })(),
    ]);
    await waitFor(() => handled.settlement.size === 1000 && handled.reporting.size === 1000, 10_000, 'all 1000 events in both handlers');
    await waitFor(async () => (await pendingOf('settlement')) === 0 && (await pendingOf('reporting')) === 0, 10_000, 'every entry acknowledged');

    expect([...handled.settlement.values()].every((times) => times === 1)).toBe(true);
    expect([...handled.reporting.values()].every((times) => times === 1)).toBe(true);
    const spread = Object.fromEntries(handled.byInstance);
    console.log(`settlement work per instance: ${JSON.stringify(spread)}`);
    expect((spread.a ?? 0) + (spread.b ?? 0)).toBe(1000);
  });

  it('rebuilds class events as instances of their class, with dates and nested data', async () => {
    prefix = uniquePrefix('wire');
    const app = await startApp('solo', [SettlementConsumer]);
    const sent = trade(42);
    const result = await app.get(EventBus).publishAndWait(sent);
    expect(result.outcomes).toEqual([]);
    expect(await redis.xlen(`${prefix}:events`)).toBe(1);

    await waitFor(() => handled.received.length === 1, 10_000, 'the event on the consumer side');
    const received = handled.received[0];
    expect(received).toBeInstanceOf(TradeExecuted);
    expect(received).not.toBe(sent);
    expect(received.at).toBeInstanceOf(Date);
    expect(received.at.getTime()).toBe(sent.at.getTime());
    expect(received.fill).toEqual({ venue: 'XLON', quantities: [42, 1] });
    expect(received.notional()).toBe(43);
  });

  it('rebuilds a class through its static fromJSON when it has one', async () => {
    prefix = uniquePrefix('from-json');
    QuotesConsumer.received = [];
    QuotesConsumer.hold = false;
    QuotePublished.rebuilt = 0;
    const app = await startApp('solo', [QuotesConsumer]);
    await app.get(EventBus).publish(new QuotePublished('ACME', 10, 10.5));
    await waitFor(() => QuotesConsumer.received.length === 1, 10_000, 'the quote on the consumer side');
    expect(QuotePublished.rebuilt).toBe(1);
    expect(QuotesConsumer.received[0]).toBeInstanceOf(QuotePublished);
    expect(QuotesConsumer.received[0].spread).toBeCloseTo(0.5);
  });

  it('finishes and acknowledges what it holds when the app closes', async () => {
    prefix = uniquePrefix('graceful');
    QuotesConsumer.received = [];
    QuotesConsumer.hold = true;
    QuotesConsumer.started = 0;
    const app = await startApp('solo', [QuotesConsumer]);
    await app.get(EventBus).publish(new QuotePublished('ACME', 1, 2));
    await waitFor(() => QuotesConsumer.started === 1, 10_000, 'the handler holding the entry');
    expect(await pendingOf('quotes')).toBe(1);

    const closing = app.close();
    apps.splice(apps.indexOf(app), 1);
    QuotesConsumer.release();
    await closing;
    expect(QuotesConsumer.received).toHaveLength(1);
    expect(await pendingOf('quotes')).toBe(0);
  });

  it('fails publish with a clear error for an event that cannot travel', async () => {
    prefix = uniquePrefix('unserialisable');
    const app = await startApp('solo', []);
    const bus = app.get(EventBus);
    class NoWireName {}
    await expect(bus.publish(new NoWireName())).rejects.toThrow(/NoWireName.*@Event/);
    await expect(bus.publish('big.number', { value: 10n })).rejects.toThrow(EventTransportError);
    await expect(bus.publish(Symbol('local'), {})).rejects.toThrow(/symbol/);
  });

  it('dead-letters a payload that does not parse and a handler that always fails, and goes on', async () => {
    prefix = uniquePrefix('poison');
    poisonCalls.count = 0;
    const app = await startApp('solo', [SettlementConsumer, AlwaysFailingConsumer], { maxDeliveries: 3, claimIdleMs: 150 });
    const stream = `${prefix}:events`;
    await redis.xadd(stream, '*', 'k', 'c', 'n', 'trade.executed', 'p', '{not json', 't', '1');
    await app.get(EventBus).publish('ledger.broken', { amount: 1 });
    await app.get(EventBus).publish(trade(7));

    await waitFor(() => handled.settlement.get(7) === 1, 10_000, 'the entry after the poison one');
    await waitFor(async () => (await redis.xlen(`${prefix}:dead`)) === 2, 15_000, 'two dead letters');
    const dead = (await redis.xrange(`${prefix}:dead`, '-', '+')).map(([, fields]) => toRecord(fields));
    const unparsable = dead.find((entry) => entry.handler === 'settlement')!;
    const failing = dead.find((entry) => entry.handler === 'ledger')!;
    expect(unparsable).toMatchObject({ n: 'trade.executed', p: '{not json', deliveries: '3' });
    expect(unparsable.error).toMatch(/SyntaxError/);
    expect(failing).toMatchObject({ n: 'ledger.broken', deliveries: '3', error: 'Error: ledger rejects this entry' });
    expect(poisonCalls.count).toBe(3);
    await waitFor(async () => (await pendingOf('settlement')) === 0 && (await pendingOf('ledger')) === 0, 10_000, 'nothing left pending');
  });

  it('trusts nothing it reads: unknown types and oversize entries are dead-lettered, prototype keys stripped', async () => {
    prefix = uniquePrefix('hostile');
    await startApp('solo', [SettlementConsumer], { maxDeliveries: 2, claimIdleMs: 150, maxEntryBytes: 512 });
    const stream = `${prefix}:events`;
    // Written by hand: a JS object literal would turn "__proto__" into a prototype, not a key.
    const withProtoKey =
      '{"__proto__":{"polluted":"top"},"seq":9,"symbol":"ACME","at":{"$date":"2024-01-01T00:00:00.000Z"},' +
      '"fill":{"venue":"X","quantities":[1],"__proto__":{"polluted":"fill"}},' +
      '"constructor":{"prototype":{"polluted":"constructor"}},"prototype":{"polluted":"prototype"}}';
    await redis.xadd(stream, '*', 'k', 'c', 'n', 'Object', 'p', '{}', 't', '1');
    await redis.xadd(stream, '*', 'k', 'c', 'n', 'constructor', 'p', '{}', 't', '1');
    await redis.xadd(stream, '*', 'k', 'c', 'n', 'trade.executed', 'p', JSON.stringify({ seq: 1, pad: 'x'.repeat(600) }), 't', '1');
    await redis.xadd(stream, '*', 'k', 'c', 'n', 'trade.executed', 'p', withProtoKey, 't', '1');

    await waitFor(() => handled.received.length === 1, 10_000, 'the hostile but well-formed entry');
    await waitFor(async () => (await redis.xlen(`${prefix}:dead`)) === 3, 15_000, 'three dead letters');
    const received = handled.received[0];
    expect(Object.getPrototypeOf(received)).toBe(TradeExecuted.prototype);
    expect(Object.prototype.hasOwnProperty.call(received, '__proto__')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(received, 'constructor')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(received, 'prototype')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(received.fill, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((TradeExecuted.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(received.at).toEqual(new Date('2024-01-01T00:00:00.000Z'));
    const errors = (await redis.xrange(`${prefix}:dead`, '-', '+')).map(([, fields]) => toRecord(fields).error);
    expect(errors.filter((error) => /no class is registered/.test(error))).toHaveLength(2);
    expect(errors.filter((error) => /over maxEntryBytes 512/.test(error))).toHaveLength(1);
  });

  it('resumes after its connections are killed mid-stream, losing nothing', async () => {
    prefix = uniquePrefix('restart');
    const connectionName = `bus-restart-${process.pid}`;
    const app = await startApp('solo', [SettlementConsumer], {
      connection: { host: '127.0.0.1', port: 6379, connectionName },
      whenDisconnected: 'wait',
    });
    const bus = app.get(EventBus);
    for (let seq = 0; seq < 100; seq++) await bus.publish(trade(seq));
    await waitFor(() => handled.settlement.size > 0, 10_000, 'the first events handled');

    const killed = await killClients(redis, connectionName);
    expect(killed).toBeGreaterThanOrEqual(2);
    for (let seq = 100; seq < 200; seq++) await bus.publish(trade(seq));

    await waitFor(() => handled.settlement.size === 200, 15_000, 'all 200 events after the reconnect');
    await waitFor(async () => (await pendingOf('settlement')) === 0, 10_000, 'every entry acknowledged');
    const duplicates = [...handled.settlement.values()].reduce((sum, times) => sum + times - 1, 0);
    console.log(`after CLIENT KILL: 200 events handled, ${duplicates} delivered twice`);
  });

  it('reads no more than its runner has room for', async () => {
    prefix = uniquePrefix('room');
    let open!: () => void;
    GatedSettlement.gate = new Promise<void>((resolve) => (open = resolve));
    GatedSettlement.started = GatedSettlement.finished = 0;
    const app = await startApp('solo', [GatedSettlement], { batchSize: 50 }, { concurrency: 2, maxQueueSize: 3 });
    const publisher = await startApp('publisher', []);
    for (let seq = 0; seq < 40; seq++) await publisher.get(EventBus).publish(trade(seq));

    await waitFor(() => GatedSettlement.started === 2, 10_000, 'two handlers running');
    // Room is 2 slots and 3 queue places: the consumer holds 5 entries and leaves the rest in Redis.
    await waitFor(async () => (await pendingOf('settlement')) === 5, 10_000, 'five entries delivered');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await pendingOf('settlement')).toBe(5);
    expect(app.get(EventBus).stats().queued).toBe(3);

    open();
    await waitFor(() => GatedSettlement.finished === 40, 10_000, 'all 40 handled');
    await waitFor(async () => (await pendingOf('settlement')) === 0, 10_000, 'every entry acknowledged');
  });

  it('rejects publish with a clear error while its connection is down, and leaves a client it was given open', async () => {
    prefix = uniquePrefix('down');
    const client = new Redis(REDIS_URL);
    const app = await startApp('solo', [SettlementConsumer], { connection: client });
    await app.get(EventBus).publish(trade(1));
    await waitFor(() => handled.settlement.size === 1, 10_000, 'the event handled');
    await app.close();
    apps.splice(apps.indexOf(app), 1);
    expect(client.status).toBe('ready');

    const other = await startApp('other', [], { connection: client });
    client.disconnect();
    const refused = other.get(EventBus).publish(trade(2));
    await expect(refused).rejects.toThrow(EventTransportError);
    await expect(refused).rejects.toThrow(/^Cannot publish "trade.executed"/);
  });

  it('trims acknowledged entries and keeps every entry some group still holds', async () => {
    prefix = uniquePrefix('trim');
    let open!: () => void;
    GatedSettlement.gate = new Promise<void>((resolve) => (open = resolve));
    GatedSettlement.started = GatedSettlement.finished = 0;
    // Two instances: one whose settlement holds what it reads, one that reports everything.
    await startApp('holding', [GatedSettlement], {}, { concurrency: 1, maxQueueSize: 1 });
    await startApp('reporting', [ReportingConsumer]);
    const publisher = await startApp('publisher', []);
    for (let seq = 0; seq < 300; seq++) await publisher.get(EventBus).publish(trade(seq));
    await waitFor(() => handled.reporting.size === 300, 10_000, 'reporting done with all 300');
    await waitFor(async () => (await pendingOf('settlement')) >= 1, 10_000, 'settlement holding entries');

    const stream = `${prefix}:events`;
    await trimAcknowledged(redis, stream);
    // Settlement has acknowledged nothing: the trim must keep all 300.
    expect(await redis.xlen(stream)).toBe(300);

    open();
    await waitFor(() => GatedSettlement.finished === 300, 10_000, 'settlement done');
    await waitFor(async () => (await pendingOf('settlement')) === 0, 10_000, 'every entry acknowledged');
    await redis.xadd(stream, '*', 'k', 'n', 'n', 'unheard', 'p', 'null', 't', '1');
    await trimAcknowledged(redis, stream);
    // Approximate trimming removes whole nodes only, never the entry no group has read yet.
    const left = await redis.xrange(stream, '-', '+');
    expect(left.length).toBeLessThan(300);
    expect(left.some(([, fields]) => fields.includes('unheard'))).toBe(true);
  });

  it('does not hand an entry over again while its attempt runs past the deadline', async () => {
    prefix = uniquePrefix('overdue');
    OverdueConsumer.running = OverdueConsumer.mostAtOnce = OverdueConsumer.calls = 0;
    await startApp('solo', [OverdueConsumer], { claimIdleMs: 200 });
    await startApp('other', [OverdueConsumer], { claimIdleMs: 200 });
    const publisher = await startApp('publisher', []);
    await publisher.get(EventBus).publish('report.render', { id: 1 });

    // Timed out at 100 ms, still running until 900 ms: the entry is not taken over meanwhile.
    await waitFor(() => OverdueConsumer.calls >= 2, 10_000, 'a second delivery once the first run ended');
    expect(OverdueConsumer.mostAtOnce).toBe(1);
  });

  it('takes over the entries of an instance killed with SIGKILL mid-work', async () => {
    prefix = uniquePrefix('crash');
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'test/src/redis/crash-worker.ts', prefix], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const doneByChild = new Set<number>();
    const heldByChild = new Set<number>();
    let ready = false;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        const [word, seq] = line.split(' ');
        if (word === 'ready') ready = true;
        if (word === 'done') doneByChild.add(Number(seq));
        if (word === 'holding') heldByChild.add(Number(seq));
      }
    });
    await waitFor(() => ready, 20_000, 'the doomed instance to start');

    const publisher = await startApp('publisher', []);
    for (let seq = 0; seq < 40; seq++) await publisher.get(EventBus).publish(trade(seq));
    await waitFor(() => heldByChild.size >= 8, 10_000, 'the doomed instance to hold entries');
    child.kill('SIGKILL');
    await once(child, 'exit');

    await startApp('survivor', [SettlementConsumer]);
    const all = Array.from({ length: 40 }, (_, seq) => seq);
    await waitFor(() => all.every((seq) => doneByChild.has(seq) || handled.settlement.has(seq)), 15_000, 'every event handled');
    for (const seq of heldByChild) expect(handled.settlement.get(seq)).toBeGreaterThanOrEqual(1);
    const duplicates = all.filter((seq) => doneByChild.has(seq) && handled.settlement.has(seq)).length;
    console.log(`crash: child held ${heldByChild.size}, finished ${doneByChild.size}; survivor handled ${handled.settlement.size}; ${duplicates} handled twice`);
  });
});

const quietLogger = { log() {}, error() {}, warn() {}, debug() {}, verbose() {}, fatal() {} };

function toRecord(fields: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) record[fields[i]] = fields[i + 1];
  return record;
}

/** Kills every connection of one client name: what a Redis restart does to a client. */
async function killClients(redis: Redis, name: string): Promise<number> {
  const list = (await redis.client('LIST')) as string;
  const ids = list
    .split('\n')
    .filter((line) => line.includes(` name=${name} `))
    .map((line) => /id=(\d+)/.exec(line)![1]);
  for (const id of ids) await redis.client('KILL', 'ID', id);
  return ids.length;
}
