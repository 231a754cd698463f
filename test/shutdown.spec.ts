import 'reflect-metadata';
import { jest, describe, it, expect, afterEach } from '@jest/globals';
import { Logger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusClosedError, EventBusModule, TaskAbandonedError, type EventBusModuleOptions } from '../lib/index.js';
import { ExportRequested } from './src/shutdown/export-requested.event.js';
import { ExportsConsumer } from './src/shutdown/exports.consumer.js';
import { waitFor } from './src/support/wait-for.js';

describe('app.close()', () => {
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
    jest.restoreAllMocks();
  });

  async function start(options: EventBusModuleOptions): Promise<{ bus: EventBus; consumer: ExportsConsumer; warn: jest.SpiedFunction<Logger['warn']> }> {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const moduleRef = await Test.createTestingModule({ imports: [EventBusModule.forRoot(options)], providers: [ExportsConsumer] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return { bus: app.get(EventBus), consumer: app.get(ExportsConsumer), warn };
  }

  async function close(): Promise<void> {
    const closing = app!;
    app = undefined;
    await closing.close();
  }

  /** The `Logger#warn` lines of the bus. */
  const busWarnings = (warn: jest.SpiedFunction<Logger['warn']>): string[] =>
    warn.mock.calls.filter((_, i) => (warn.mock.contexts[i] as { context?: string }).context === 'EventBus').map(([message]) => String(message));

  it('waits for running handlers that finish within shutdownTimeoutMs', async () => {
    const { bus, consumer, warn } = await start({ shutdownTimeoutMs: 5_000 });
    await bus.publish(new ExportRequested('e-1', 150));
    await bus.publish(new ExportRequested('e-2', 50));
    expect(consumer.started).toEqual(['e-1', 'e-2']);

    await close();

    expect(consumer.finished.sort()).toEqual(['e-1', 'e-2']);
    expect(consumer.aborted).toEqual([]);
    expect(busWarnings(warn)).toEqual([]);
  });

  it('aborts the signal of handlers still running at shutdownTimeoutMs and logs how many it abandoned', async () => {
    const { bus, consumer, warn } = await start({ shutdownTimeoutMs: 100 });
    await bus.publish(new ExportRequested('quick', 20));
    await bus.publish(new ExportRequested('slow-1', 60_000));
    await bus.publish(new ExportRequested('slow-2', 60_000));

    const startedAt = Date.now();
    await close();
    const took = Date.now() - startedAt;

    // It waited for shutdownTimeoutMs (100 ms), give or take a timer that fires a little early by the clock.
    expect(took).toBeGreaterThanOrEqual(50);
    expect(took).toBeLessThan(5_000);
    expect(consumer.finished).toEqual(['quick']);
    expect(consumer.aborted.map((a) => a.exportId).sort()).toEqual(['slow-1', 'slow-2']);
    for (const { reason } of consumer.aborted) expect(reason).toBeInstanceOf(TaskAbandonedError);
    const warnings = busWarnings(warn);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/gave up on 2 handler task\(s\)/);
    expect(warnings[0]).toMatch(/2 running \(signal aborted\), 0 queued, 0 waiting to retry/);
  });

  it('makes publish and publishAndWait reject with EventBusClosedError afterwards', async () => {
    const { bus } = await start({});
    await close();

    await expect(bus.publish(new ExportRequested('late', 1))).rejects.toBeInstanceOf(EventBusClosedError);
    await expect(bus.publish('export.requested', {})).rejects.toBeInstanceOf(EventBusClosedError);
    await expect(bus.publishAndWait(new ExportRequested('late', 1))).rejects.toBeInstanceOf(EventBusClosedError);
  });

  it('refuses publishes once shutdown has begun, while it still drains', async () => {
    const { bus, consumer } = await start({ shutdownTimeoutMs: 5_000 });
    await bus.publish(new ExportRequested('running', 100));

    const shutdown = jest.spyOn(bus, 'beforeApplicationShutdown');
    const closing = close();
    await waitFor(() => shutdown.mock.calls.length > 0, 5_000, 'shutdown to begin');
    await expect(bus.publish(new ExportRequested('during shutdown', 1))).rejects.toBeInstanceOf(EventBusClosedError);
    await closing;

    expect(consumer.started).toEqual(['running']);
    expect(consumer.finished).toEqual(['running']);
  });

  it('with a full queue: runs accepted tasks within shutdownTimeoutMs, aborts the rest, counts them, and handles nothing after', async () => {
    const { bus, consumer, warn } = await start({ concurrency: 2, maxQueueSize: 100, shutdownTimeoutMs: 300 });
    for (let n = 0; n < 40; n++) await bus.publish(new ExportRequested(`e-${n}`, 25));
    expect(bus.stats()).toMatchObject({ running: 2, queued: 38 });

    await close();
    const finishedAtClose = consumer.finished.length;
    const startedAtClose = consumer.started.length;

    expect(finishedAtClose).toBeGreaterThanOrEqual(2);
    expect(finishedAtClose).toBeLessThan(40);
    const warnings = busWarnings(warn);
    expect(warnings).toHaveLength(1);
    const [, abandoned, running, queued] = /gave up on (\d+) handler task\(s\).*: (\d+) running \(signal aborted\), (\d+) queued/.exec(warnings[0])!.map(Number);
    expect(abandoned).toBe(40 - finishedAtClose);
    expect(running).toBe(consumer.aborted.length);
    expect(running + queued).toBe(abandoned);
    expect(startedAtClose).toBe(finishedAtClose + running);
    expect(bus.stats()).toMatchObject({ running: 0, queued: 0, completed: finishedAtClose, failed: abandoned });

    // Nothing starts or finishes once close has resolved, though the tasks would take 25 ms each.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(consumer.started).toHaveLength(startedAtClose);
    expect(consumer.finished).toHaveLength(finishedAtClose);
  });
});
