/**
 * End-to-end events per second through Redis on loopback: this package's Redis Streams transport
 * against BullMQ with one job per handler per event (the usual Nest way to get durable background
 * work), in one run, interleaved, repeated; medians, min and max, and the ratio.
 *
 *   node --import @swc-node/register/esm-register bench/redis/redis-throughput.ts [--quick]
 */
import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { mkdirSync, writeFileSync } from 'node:fs';
import { EventBus, EventBusModule, OnEvent, RedisStreamsTransport } from 'nestjs-async-event-bus';

const quick = process.argv.includes('--quick');
const EVENTS = quick ? 5_000 : 20_000;
const HANDLERS = 2;
const RUNS = 3;
const BATCH_SIZE = 64;
const CONCURRENCY = 64;
const PUBLISH_WINDOW = 1_000;
const TIMEOUT_MS = 120_000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let done = 0;
let finish: () => void = () => undefined;
const handled = () => {
  if (++done === EVENTS * HANDLERS) finish();
};

@Injectable()
class Handlers {
  @OnEvent('bench.tick', { name: 'first' })
  async first(): Promise<void> {
    handled();
  }

  @OnEvent('bench.tick', { name: 'second' })
  async second(): Promise<void> {
    handled();
  }
}

/** Publishes in windows of concurrent calls, so that many commands share a round trip. */
async function publishAll(publish: (seq: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < EVENTS; start += PUBLISH_WINDOW) {
    const window: Promise<unknown>[] = [];
    for (let seq = start; seq < Math.min(EVENTS, start + PUBLISH_WINDOW); seq++) window.push(publish(seq));
    await Promise.all(window);
  }
}

function allHandled(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not finish in ${TIMEOUT_MS} ms (${done} of ${EVENTS * HANDLERS})`)), TIMEOUT_MS);
    finish = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

async function runBus(prefix: string): Promise<number> {
  @Module({
    imports: [
      EventBusModule.forRoot({
        concurrency: CONCURRENCY,
        transport: new RedisStreamsTransport({ connection: REDIS_URL, group: 'bench', streamPrefix: prefix, batchSize: BATCH_SIZE, blockMs: 100 }),
      }),
    ],
    providers: [Handlers],
  })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  const bus = app.get(EventBus);
  done = 0;
  const finished = allHandled();
  const started = performance.now();
  await publishAll((seq) => bus.publish('bench.tick', { seq }));
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  return EVENTS / seconds;
}

async function runBullMq(prefix: string): Promise<number> {
  const connection = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
  const names = Array.from({ length: HANDLERS }, (_, i) => `handler-${i}`);
  const queues = names.map((name) => new Queue(name, { connection, prefix }));
  done = 0;
  const finished = allHandled();
  const workers = names.map((name) => new Worker(name, async () => handled(), { connection, prefix, concurrency: CONCURRENCY }));
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  const started = performance.now();
  await publishAll((seq) => Promise.all(queues.map((queue) => queue.add('tick', { seq }, { removeOnComplete: true }))));
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((worker) => worker.close()));
  await Promise.all(queues.map((queue) => queue.close()));
  return EVENTS / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const systems = { 'nestjs-async-event-bus:redis-streams': runBus, 'bullmq': runBullMq } as const;
  const figures: Record<string, number[]> = { 'nestjs-async-event-bus:redis-streams': [], bullmq: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const [system, runOnce] of Object.entries(systems)) {
      const prefix = `bench-redis:${process.pid}:${run}:${system.replace(/\W/g, '')}`;
      try {
        figures[system].push(await runOnce(prefix));
      } catch (error) {
        console.log(`${system}: ${(error as Error).message}`);
      } finally {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      }
    }
  }
  await redis.quit();

  const results = Object.entries(figures).map(([system, values]) => ({
    scenario: 'redis-end-to-end',
    system,
    metric: 'events_per_s',
    median: Math.round(median(values)),
    min: Math.round(Math.min(...values)),
    max: Math.round(Math.max(...values)),
    runs: values.length,
  }));
  console.log(`redis-end-to-end: ${EVENTS} events x ${HANDLERS} handlers, batchSize ${BATCH_SIZE}, concurrency ${CONCURRENCY}, publish windows of ${PUBLISH_WINDOW}`);
  for (const row of results) console.log(`  ${row.system.padEnd(40)} ${String(row.median).padStart(8)} events/s (min ${row.min}, max ${row.max}, ${row.runs} runs)`);
  const [bus, bull] = results;
  console.log(`  ratio nestjs-async-event-bus / bullmq: ${(bus.median / bull.median).toFixed(2)}x`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/redis-latest.json',
    JSON.stringify({ node: process.version, date: new Date().toISOString(), quick, events: EVENTS, handlers: HANDLERS, batchSize: BATCH_SIZE, results }, null, 2) + '\n',
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
