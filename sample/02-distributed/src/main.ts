import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { EventBus } from 'nestjs-async-event-bus';
import { PriceTick } from './price-tick.event.js';
import { TradingModule } from './trading.module.js';
import type { WorkerReport } from './worker-report.js';

const WORKERS = ['worker-1', 'worker-2', 'worker-3'];
const HANDLERS = ['signal-detector', 'risk-manager', 'audit-log'];
const SYMBOLS = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA', 'HOOLI'];
const TICKS = Number(process.env.TICKS ?? 1_500);
const streamPrefix = `trading-sample:${process.pid}`;

const children: ChildProcess[] = [];
const handled = new Map(HANDLERS.map((handler) => [handler, new Map<number, string[]>()]));
const perWorker = new Map(WORKERS.map((worker) => [worker, 0]));

function startWorker(worker: string): ChildProcess {
  const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], {
    execArgv: ['--import', '@swc-node/register/esm-register'],
    env: { ...process.env, WORKER_NAME: worker, STREAM_PREFIX: streamPrefix },
  });
  child.on('message', (message: WorkerReport) => {
    if (message.type === 'ready') return;
    const byHandler = handled.get(message.handler)!;
    byHandler.set(message.sequence, [...(byHandler.get(message.sequence) ?? []), message.worker]);
    perWorker.set(message.worker, (perWorker.get(message.worker) ?? 0) + 1);
  });
  return child;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Entries delivered to a consumer and not acknowledged yet, over every handler's group. */
async function pendingOf(redis: Redis, consumer: string): Promise<number> {
  let held = 0;
  for (const handler of HANDLERS) {
    const [, , , consumers] = (await redis.xpending(`${streamPrefix}:events`, `trading-sample:${handler}`)) as [number, string, string, Array<[string, string]> | null];
    held += Number(consumers?.find(([name]) => name === consumer)?.[1] ?? 0);
  }
  return held;
}

async function main(): Promise<void> {
  children.push(...WORKERS.map(startWorker));
  await Promise.all(children.map((child) => once(child, 'message')));

  // The feed is a fourth process-worth of app: it publishes only, with no handlers of its own.
  const feed = await NestFactory.createApplicationContext(TradingModule.forProcess('feed', streamPrefix, []), { logger: ['error', 'warn'] });
  const bus = feed.get(EventBus);
  const started = performance.now();
  let killedAt = 0;
  let heldAtKill = 0;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  for (let sequence = 1; sequence <= TICKS; sequence++) {
    const symbol = SYMBOLS[sequence % SYMBOLS.length];
    await bus.publish(new PriceTick(symbol, 100 + Math.sin(sequence / 10) * 5, sequence));
    if (sequence === Math.floor(TICKS / 3)) {
      // Mid-stream, one instance dies without a goodbye: what it held is taken over by the others.
      children[2].kill('SIGKILL');
      await once(children[2], 'exit');
      killedAt = sequence;
      heldAtKill = await pendingOf(redis, 'worker-3');
    }
  }
  const complete = await until(() => [...handled.values()].every((bySequence) => bySequence.size === TICKS), 30_000);
  const elapsed = performance.now() - started;

  const duplicates = [...handled.values()].reduce(
    (sum, bySequence) => sum + [...bySequence.values()].filter((workers) => workers.length > 1).length,
    0,
  );
  const lines = [
    `Distributed trading session: ${TICKS} ticks, ${HANDLERS.length} handlers, ${WORKERS.length} worker processes, one Redis`,
    ...HANDLERS.map((handler) => `  ${handler.padEnd(16)} ${handled.get(handler)!.size} of ${TICKS} ticks handled`),
    ...WORKERS.map((worker) => `  ${worker.padEnd(16)} ${perWorker.get(worker)} handler runs${worker === 'worker-3' ? ` (killed with SIGKILL after tick ${killedAt})` : ''}`),
    `  taken over        ${heldAtKill} entries worker-3 had read and not acknowledged when it died, claimed by the others`,
    `  delivered twice   ${duplicates} (at-least-once: runs cut short by the kill were done again)`,
    `  elapsed           ${elapsed.toFixed(0)} ms${complete ? '' : '  -- NOT COMPLETE'}`,
  ];
  console.log(lines.join('\n'));

  await feed.close();
  const exits = children.map((child) => (child.exitCode === null && child.signalCode === null ? once(child, 'exit') : undefined));
  for (const child of children) child.kill('SIGTERM');
  await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  const keys = await redis.keys(`${streamPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  if (!complete) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
