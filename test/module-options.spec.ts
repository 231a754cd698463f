import 'reflect-metadata';
import { describe, it, expect, afterEach } from '@jest/globals';
import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule, InvalidOptionsError, type EventBusModuleOptions } from '../lib/index.js';
import { JobQueued } from './src/jobs/job-queued.event.js';
import { JobsConsumer } from './src/jobs/jobs.consumer.js';
import { AccountingConsumer } from './src/options/accounting.consumer.js';
import { BillingConsumer } from './src/options/billing.consumer.js';
import { BusOptionsFactory } from './src/options/bus-options.factory.js';
import { BUS_SETTINGS, type BusSettings } from './src/options/bus-settings.token.js';
import { InvoicesProducer } from './src/options/invoices.producer.js';
import { InvoicingModule } from './src/options/invoicing.module.js';
import { ReportingModule } from './src/options/reporting.module.js';
import { ReportingProducer } from './src/options/reporting.producer.js';
import { SettingsModule } from './src/options/settings.module.js';
import { UnboundedConsumer } from './src/options/unbounded.consumer.js';

describe('EventBusModule options', () => {
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function start(metadata: ModuleMetadata): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule(metadata).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return app;
  }

  /** Publishes three jobs to a gated handler: as many run at once as the bus's concurrency allows. */
  async function runningAtOnce(started: INestApplication): Promise<number> {
    const bus = started.get(EventBus);
    for (let n = 0; n < 3; n++) await bus.publish(new JobQueued(n));
    const { running } = bus.stats();
    started.get(JobsConsumer).gate.resolve();
    await bus.drain();
    return running;
  }

  describe('invalid options', () => {
    it.each<[string, EventBusModuleOptions, RegExp]>([
      ['concurrency 0', { concurrency: 0 }, /"concurrency": 0 \(expected an integer >= 1/],
      ['concurrency -1', { concurrency: -1 }, /"concurrency": -1 \(/],
      ['concurrency NaN', { concurrency: NaN }, /"concurrency": NaN \(/],
      ['concurrency 1.5', { concurrency: 1.5 }, /"concurrency": 1\.5 \(/],
      ["concurrency '4'", { concurrency: '4' as never }, /"concurrency": "4" \(/],
      ['maxQueueSize 0', { maxQueueSize: 0 }, /"maxQueueSize": 0 \(/],
      ['maxQueueSize -Infinity', { maxQueueSize: -Infinity }, /"maxQueueSize": -Infinity \(/],
      ['shutdownTimeoutMs -1', { shutdownTimeoutMs: -1 }, /"shutdownTimeoutMs": -1 \(expected a finite number >= 0 and <= 2147483647\)/],
      ['shutdownTimeoutMs Infinity', { shutdownTimeoutMs: Infinity }, /"shutdownTimeoutMs": Infinity \(/],
      ['handlerTimeoutMs 0', { handlerTimeoutMs: 0 }, /"handlerTimeoutMs": 0 \(expected a finite number >= 1 and <= 2147483647\)/],
      // Past the longest timer Node takes, a deadline would fire after 1 ms.
      ['handlerTimeoutMs 3e9', { handlerTimeoutMs: 3e9 }, /"handlerTimeoutMs": 3000000000 \(expected a finite number >= 1 and <= 2147483647\)/],
      ["overflow 'drop'", { overflow: 'drop' as never }, /"overflow": "drop" \(expected one of 'wait', 'reject'\)/],
      ['retry.attempts 0', { retry: { attempts: 0 } }, /"retry\.attempts": 0 \(/],
      ['retry.jitter "yes"', { retry: { jitter: 'yes' as never } }, /"retry\.jitter": "yes" \(expected a boolean\)/],
      ['an unknown key', { colour: 'red' } as never, /"colour": "red" \(expected one of the known options: concurrency, /],
    ])('%s fails at compile() with an error naming the option and the value', async (_, options, message) => {
      const compiling = Test.createTestingModule({ imports: [EventBusModule.forRoot(options)] }).compile();
      await expect(compiling).rejects.toThrow(InvalidOptionsError);
      await expect(Test.createTestingModule({ imports: [EventBusModule.forRoot(options)] }).compile()).rejects.toThrow(message);
    });

    it('from forRootAsync fail at compile() too', async () => {
      const compiling = Test.createTestingModule({
        imports: [EventBusModule.forRootAsync({ useFactory: () => ({ concurrency: 0 }) })],
      }).compile();
      await expect(compiling).rejects.toThrow(/"concurrency": 0/);
    });

    it('of a handler fail at init() naming the handler, the option and the value', async () => {
      await expect(start({ imports: [EventBusModule.forRoot()], providers: [UnboundedConsumer] })).rejects.toThrow(
        /"handler "UnboundedConsumer\.handle" concurrency": 0/,
      );
    });

    it('two handlers with one id fail at init(), naming both', async () => {
      const failing = start({ imports: [EventBusModule.forRoot()], providers: [BillingConsumer, AccountingConsumer] });
      await expect(failing).rejects.toThrow(InvalidOptionsError);
      await app?.close();
      await expect(start({ imports: [EventBusModule.forRoot()], providers: [BillingConsumer, AccountingConsumer] })).rejects.toThrow(
        'Two event handlers have the id "billing" (BillingConsumer.bill and AccountingConsumer.record)',
      );
    });
  });

  describe('forRoot', () => {
    it('applies its options', async () => {
      expect(await runningAtOnce(await start({ imports: [EventBusModule.forRoot({ concurrency: 2 })], providers: [JobsConsumer] }))).toBe(2);
    });

    it('defaults to a concurrency above three', async () => {
      expect(await runningAtOnce(await start({ imports: [EventBusModule.forRoot()], providers: [JobsConsumer] }))).toBe(3);
    });
  });

  describe('forRootAsync', () => {
    it('takes its options from useFactory, with inject and imports', async () => {
      const started = await start({
        imports: [
          EventBusModule.forRootAsync({
            imports: [SettingsModule],
            inject: [BUS_SETTINGS],
            useFactory: (settings: BusSettings) => ({ ...settings }),
          }),
        ],
        providers: [JobsConsumer],
      });
      expect(await runningAtOnce(started)).toBe(1);
    });

    it('takes its options from an async useFactory', async () => {
      const started = await start({
        imports: [EventBusModule.forRootAsync({ useFactory: async () => ({ concurrency: 2 }) })],
        providers: [JobsConsumer],
      });
      expect(await runningAtOnce(started)).toBe(2);
    });

    it('takes its options from useClass', async () => {
      const started = await start({ imports: [EventBusModule.forRootAsync({ useClass: BusOptionsFactory })], providers: [JobsConsumer] });
      expect(await runningAtOnce(started)).toBe(1);
    });

    it('takes its options from useExisting, calling the existing provider', async () => {
      const started = await start({
        imports: [SettingsModule, EventBusModule.forRootAsync({ imports: [SettingsModule], useExisting: BusOptionsFactory })],
        providers: [JobsConsumer],
      });
      expect(await runningAtOnce(started)).toBe(1);
      expect(started.get(BusOptionsFactory).calls).toBe(1);
    });
  });

  describe('isGlobal', () => {
    it('false: works in the module that imports it', async () => {
      const started = await start({ imports: [InvoicingModule] });
      const producer = started.get(InvoicesProducer);
      await producer.queue(1);
      expect(producer.bus.stats()).toMatchObject({ published: 1, running: 1 });
      started.get(JobsConsumer).gate.resolve();
      await producer.bus.drain();
      expect(producer.bus.stats()).toMatchObject({ completed: 1 });
    });

    it('false: is not injectable in a module that does not import it', async () => {
      const compiling = Test.createTestingModule({ imports: [InvoicingModule, ReportingModule] }).compile();
      await expect(compiling).rejects.toThrow(/can't resolve dependencies of the ReportingProducer \(\?\)/);
    });

    it('by default: is injectable everywhere once imported in the root module', async () => {
      const started = await start({ imports: [EventBusModule.forRoot(), ReportingModule] });
      expect(started.get(ReportingProducer).bus).toBe(started.get(EventBus));
    });
  });
});
