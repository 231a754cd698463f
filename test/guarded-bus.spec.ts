import 'reflect-metadata';
import { jest, describe, it, expect, afterEach } from '@jest/globals';
import { Logger, type INestApplication, type Provider } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  EventBus,
  EventBusModule,
  EventBusOverloadedError,
  HandlerTimeoutError,
  NonRetriableError,
  TaskAbandonedError,
  type EventBusModuleOptions,
  type HandlerFailure,
} from '../lib/index.js';
import { JobQueued } from './src/jobs/job-queued.event.js';
import { JobsConsumer } from './src/jobs/jobs.consumer.js';
import { DepositMade } from './src/ledger/deposit-made.event.js';
import { LedgerConsumer } from './src/ledger/ledger.consumer.js';
import { PoliteQuotesConsumer } from './src/market/polite-quotes.consumer.js';
import { PriceTick } from './src/market/price-tick.event.js';
import { QuoteRequested } from './src/market/quote-requested.event.js';
import { ReconciliationConsumer } from './src/market/reconciliation.consumer.js';
import { SettlementConsumer } from './src/market/settlement.consumer.js';
import { StuckQuotesConsumer } from './src/market/stuck-quotes.consumer.js';
import { TicksTallyConsumer } from './src/market/ticks-tally.consumer.js';
import { TicksConsumer } from './src/market/ticks.consumer.js';
import { TradeSettled } from './src/market/trade-settled.event.js';
import { waitFor } from './src/support/wait-for.js';

describe('the guarded runner behind the bus', () => {
  let app: INestApplication | undefined;
  let bus: EventBus;

  afterEach(async () => {
    await app?.close();
    app = undefined;
    jest.restoreAllMocks();
  });

  async function start(options: EventBusModuleOptions, providers: Provider[]): Promise<void> {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const moduleRef = await Test.createTestingModule({ imports: [EventBusModule.forRoot(options)], providers }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    bus = app.get(EventBus);
  }

  describe('concurrency', () => {
    it('never runs more handler bodies at once than the module allows, nor more of one handler than it allows', async () => {
      await start({ concurrency: 4 }, [TicksConsumer]);
      const consumer = app!.get(TicksConsumer);

      const results = await Promise.all(Array.from({ length: 60 }, (_, seq) => bus.publishAndWait(new PriceTick('ACME', seq))));
      await bus.drain();

      expect(results.flatMap((result) => result.outcomes).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
      expect(consumer.all.max).toBe(4);
      expect(consumer.alerting.max).toBe(2);
      expect(consumer.charting.max).toBeGreaterThanOrEqual(2);
      expect(bus.stats().handlers).toMatchObject({
        'TicksConsumer.chart': { completed: 60, failed: 0 },
        'TicksConsumer.alert': { completed: 60, failed: 0 },
      });
    });
  });

  describe('backpressure', () => {
    it("with overflow 'wait' keeps at most maxQueueSize tasks queued over 100 000 awaited publishes, and handles each once", async () => {
      await start({ concurrency: 64, maxQueueSize: 100, overflow: 'wait' }, [TicksTallyConsumer]);
      const consumer = app!.get(TicksTallyConsumer);
      const total = 100_000;
      consumer.expect(total);
      let maxQueued = 0;

      for (let seq = 0; seq < total; seq++) {
        await bus.publish(new PriceTick('ACME', seq));
        if (seq % 100 === 0) maxQueued = Math.max(maxQueued, bus.stats().queued);
      }
      await bus.drain();

      expect(Math.max(maxQueued, consumer.maxQueued)).toBeLessThanOrEqual(100);
      // The bound was reached: the publisher really was held back.
      expect(Math.max(maxQueued, consumer.maxQueued)).toBeGreaterThan(50);
      expect(consumer.handled.every((count) => count === 1)).toBe(true);
      expect(bus.stats()).toMatchObject({ published: total, completed: total, failed: 0, queued: 0, running: 0, rejected: 0 });
    });

    it("with overflow 'reject' rejects the publish that finds the queue full, and handles every one it accepted", async () => {
      await start({ concurrency: 1, maxQueueSize: 3, overflow: 'reject' }, [JobsConsumer]);
      const consumer = app!.get(JobsConsumer);
      const streamed: number[] = [];
      bus.stream(JobQueued).subscribe((job) => streamed.push(job.jobId));

      for (let n = 1; n <= 4; n++) await bus.publish(new JobQueued(n));
      await expect(bus.publish(new JobQueued(5))).rejects.toBeInstanceOf(EventBusOverloadedError);
      await expect(bus.publish(new JobQueued(6))).rejects.toThrow(/maxQueueSize 3, overflow 'reject'/);
      expect(bus.stats()).toMatchObject({ running: 1, queued: 3, rejected: 2 });

      consumer.gate.resolve();
      await bus.drain();
      // What was refused was not published: neither counted nor streamed.
      expect(bus.stats()).toMatchObject({ completed: 4, failed: 0, rejected: 2, published: 4 });
      expect(streamed).toEqual([1, 2, 3, 4]);
    });
  });

  describe('timeouts', () => {
    it('reject the outcome of a handler that never settles with HandlerTimeoutError, abort its signal, and count it overdue', async () => {
      await start({ concurrency: 1, shutdownTimeoutMs: 50 }, [StuckQuotesConsumer]);
      const consumer = app!.get(StuckQuotesConsumer);
      const failures: HandlerFailure[] = [];
      bus.failures$.subscribe((failure) => failures.push(failure));

      const startedAt = Date.now();
      const result = await bus.publishAndWait(new QuoteRequested('ACME'));

      // Half the deadline: a timer may fire a little early by the clock when its loop turn started late.
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(20);
      expect(result.outcomes).toEqual([
        expect.objectContaining({ handler: 'StuckQuotesConsumer.quote', status: 'rejected', error: expect.any(HandlerTimeoutError), attempts: 1 }),
      ]);
      expect(consumer.signals[0].aborted).toBe(true);
      expect(consumer.signals[0].reason).toBeInstanceOf(HandlerTimeoutError);
      expect(bus.stats()).toMatchObject({ running: 1, overdue: 1, timedOut: 1, failed: 1 });
      expect(failures.map((f) => [f.handler, f.error instanceof HandlerTimeoutError])).toEqual([['StuckQuotesConsumer.quote', true]]);

      // Its slot is still held (concurrency 1): the next request waits.
      await bus.publish(new QuoteRequested('BETA'));
      expect(bus.stats()).toMatchObject({ running: 1, queued: 1 });
      expect(consumer.signals).toHaveLength(1);
    });

    it('free the slot of a handler that honours its signal, so the next task starts', async () => {
      await start({ concurrency: 1 }, [PoliteQuotesConsumer]);
      const consumer = app!.get(PoliteQuotesConsumer);

      const first = bus.publishAndWait(new QuoteRequested('ACME'));
      const second = bus.publishAndWait(new QuoteRequested('BETA'));
      expect(bus.stats()).toMatchObject({ running: 1, queued: 1 });

      await expect(first).resolves.toMatchObject({ outcomes: [expect.objectContaining({ error: expect.any(HandlerTimeoutError) })] });
      await waitFor(() => consumer.log.length >= 3, 5_000, 'the second quote to start');
      expect(consumer.log.slice(0, 3)).toEqual(['ACME started', 'ACME gave up', 'BETA started']);
      await expect(second).resolves.toMatchObject({ outcomes: [expect.objectContaining({ error: expect.any(HandlerTimeoutError) })] });
      expect(bus.stats()).toMatchObject({ overdue: 0, timedOut: 2, running: 0 });
    });
  });

  describe('retries', () => {
    it('call a handler that fails twice three times, with growing gaps, and fulfil its outcome with attempts 3', async () => {
      await start({}, [SettlementConsumer]);
      const consumer = app!.get(SettlementConsumer);
      const failures: HandlerFailure[] = [];
      bus.failures$.subscribe((failure) => failures.push(failure));
      const warn = Logger.prototype.warn as jest.MockedFunction<Logger['warn']>;
      const error = Logger.prototype.error as jest.MockedFunction<Logger['error']>;

      const result = await bus.publishAndWait(new TradeSettled('t-1'));

      expect(result.outcomes).toEqual([
        expect.objectContaining({ handler: 'SettlementConsumer.confirm', status: 'fulfilled', value: 'confirmed t-1', attempts: 3 }),
      ]);
      expect(consumer.confirmAttempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      const [a1, a2, a3] = consumer.confirmAttempts.map((a) => a.at);
      // Backoffs of 25 and 75 ms, with room for timers that fire a little early by the clock.
      expect(a2 - a1).toBeGreaterThanOrEqual(12);
      expect(a3 - a2).toBeGreaterThanOrEqual(50);
      expect(a3 - a2).toBeGreaterThan(a2 - a1);
      expect(failures.map((f) => [f.attempt, f.willRetry])).toEqual([
        [1, true],
        [2, true],
      ]);
      // A failure that will be retried is a warning; only a final one is an error.
      expect(warn.mock.calls.filter(([message]) => String(message).includes('will retry'))).toHaveLength(2);
      expect(error).not.toHaveBeenCalled();
      expect(bus.stats()).toMatchObject({ retried: 2, completed: 1, failed: 0 });
    });

    it('stop at the first try on a NonRetriableError', async () => {
      await start({}, [SettlementConsumer]);
      const consumer = app!.get(SettlementConsumer);

      const result = await bus.publishAndWait('trade.rejected', { tradeId: 't-2' });

      expect(consumer.rejectAttempts).toEqual([1]);
      expect(result.outcomes).toEqual([expect.objectContaining({ status: 'rejected', error: expect.any(NonRetriableError), attempts: 1 })]);
      expect(bus.stats()).toMatchObject({ retried: 0, failed: 1 });
    });

    it('hold no slot while waiting for the delay: with concurrency 1 another handler runs meanwhile', async () => {
      await start({ concurrency: 1 }, [ReconciliationConsumer]);
      const consumer = app!.get(ReconciliationConsumer);

      const reconciled = bus.publishAndWait('books.reconcile', {});
      const reported = bus.publishAndWait('books.report', {});
      await Promise.all([reconciled, reported]);

      expect(consumer.order).toEqual(['reconcile 1', 'report', 'reconcile 2']);
      await expect(reconciled).resolves.toMatchObject({ outcomes: [expect.objectContaining({ status: 'fulfilled', attempts: 2 })] });
    });
  });

  describe('per-key order', () => {
    it('books the deposits of one account one at a time in publish order, while accounts overlap', async () => {
      await start({ concurrency: 8 }, [LedgerConsumer]);
      const consumer = app!.get(LedgerConsumer);
      const accounts = ['alice', 'bob', 'carol'];
      const published = new Map<string, number[]>(accounts.map((account) => [account, []]));

      for (let seq = 0; seq < 60; seq++) {
        const account = accounts[(seq * 5) % 3];
        published.get(account)!.push(seq);
        await bus.publish(new DepositMade(account, seq));
      }
      await bus.drain();

      for (const account of accounts) {
        expect(consumer.booked.get(account)).toEqual(published.get(account));
        expect(consumer.inFlightByAccount.get(account)!.max).toBe(1);
      }
      expect(consumer.all.max).toBeGreaterThan(1);
    });
  });

  describe('shutdown', () => {
    it('gives a stuck handler up at shutdownTimeoutMs and aborts its signal', async () => {
      await start({ shutdownTimeoutMs: 50 }, [JobsConsumer]);
      const outcome = bus.publishAndWait(new JobQueued(1));

      const closing = app!;
      app = undefined;
      await closing.close();

      await expect(outcome).resolves.toMatchObject({ outcomes: [expect.objectContaining({ status: 'rejected', error: expect.any(TaskAbandonedError) })] });
      expect(bus.stats()).toMatchObject({ failed: 1, running: 1 });
      closing.get(JobsConsumer).gate.resolve();
      await waitFor(() => bus.stats().running === 0, 5_000, 'the stuck handler to settle');
      expect(bus.stats()).toMatchObject({ failed: 1, completed: 0 });
    });
  });
});
