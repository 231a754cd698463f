import 'reflect-metadata';
import { jest, describe, it, expect, afterEach } from '@jest/globals';
import { Logger, type INestApplication, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule, type PublishedEvent } from '../lib/index.js';
import { CheckoutCompleted } from './src/checkout/checkout-completed.event.js';
import { ExpressCheckoutCompleted } from './src/checkout/express-checkout-completed.event.js';
import { JobQueued } from './src/jobs/job-queued.event.js';
import { JobsConsumer } from './src/jobs/jobs.consumer.js';
import { FlakyFilterConsumer } from './src/failures/flaky-filter.consumer.js';

const CART_ABANDONED = Symbol('cart.abandoned');

describe('EventBus observability', () => {
  let app: INestApplication;
  let bus: EventBus;

  async function start(concurrency = 64, providers: Type[] = [JobsConsumer]): Promise<void> {
    const moduleRef = await Test.createTestingModule({ imports: [EventBusModule.forRoot({ concurrency })], providers }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    bus = app.get(EventBus);
  }

  afterEach(async () => {
    await app.close();
    jest.restoreAllMocks();
  });

  describe('stream()', () => {
    it('emits every published event, handled or not, with its name, type, event and time', async () => {
      await start();
      const seen: PublishedEvent[] = [];
      bus.stream().subscribe((published) => seen.push(published));
      const checkout = new CheckoutCompleted('c-1');
      const before = Date.now();

      await bus.publish(checkout);
      await bus.publish('cart.updated', { items: 2 });
      await bus.publish(CART_ABANDONED, { cartId: 'c-2' });

      expect(seen).toEqual([
        { eventName: 'CheckoutCompleted', type: CheckoutCompleted, event: checkout, publishedAt: expect.any(Number) },
        { eventName: 'cart.updated', type: 'cart.updated', event: { items: 2 }, publishedAt: expect.any(Number) },
        { eventName: 'Symbol(cart.abandoned)', type: CART_ABANDONED, event: { cartId: 'c-2' }, publishedAt: expect.any(Number) },
      ]);
      for (const { publishedAt } of seen) {
        expect(publishedAt).toBeGreaterThanOrEqual(before);
        expect(publishedAt).toBeLessThanOrEqual(Date.now());
      }
    });

    it('narrows to one class and its subclasses, one name, one pattern or one symbol', async () => {
      await start();
      const ofClass: unknown[] = [];
      const ofName: unknown[] = [];
      const ofPattern: unknown[] = [];
      const ofSymbol: unknown[] = [];
      bus.stream(CheckoutCompleted).subscribe((event) => ofClass.push(event));
      bus.stream('cart.updated').subscribe((payload) => ofName.push(payload));
      bus.stream('cart.*').subscribe((payload) => ofPattern.push(payload));
      bus.stream(CART_ABANDONED).subscribe((payload) => ofSymbol.push(payload));
      const checkout = new CheckoutCompleted('c-1');
      const express = new ExpressCheckoutCompleted('c-2');

      await bus.publish(checkout);
      await bus.publish(express);
      await bus.publish(new JobQueued(1));
      await bus.publish('cart.updated', 'updated');
      await bus.publish('cart.emptied', 'emptied');
      await bus.publish('cart.item.added', 'item added');
      await bus.publish(CART_ABANDONED, 'abandoned');
      await bus.publish(Symbol('cart.abandoned'), 'look-alike');
      // A named event whose payload happens to be an instance is a named event, not a class event.
      await bus.publish('checkout.replayed', new CheckoutCompleted('c-3'));

      expect(ofClass).toEqual([checkout, express]);
      expect(ofName).toEqual(['updated']);
      expect(ofPattern).toEqual(['updated', 'emptied']);
      expect(ofSymbol).toEqual(['abandoned']);
      app.get(JobsConsumer).gate.resolve();
    });

    it('completes when the app closes', async () => {
      await start();
      let completed = false;
      bus.stream().subscribe({ complete: () => (completed = true) });
      const closing = app;
      await closing.close();
      expect(completed).toBe(true);
      // afterEach closes it again: that must be harmless.
    });
  });

  describe('stats()', () => {
    it('counts a filter that throws as a failure of its handler', async () => {
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      await start(64, [FlakyFilterConsumer]);

      const judged = await bus.publishAndWait('refund.requested', { amount: 3 });
      await bus.publish('refund.requested', { amount: 4 });
      await bus.drain();

      expect(judged.outcomes).toEqual([expect.objectContaining({ handler: 'FlakyFilterConsumer.refund', status: 'rejected', attempts: 0 })]);
      expect(app.get(FlakyFilterConsumer).calls).toBe(1);
      expect(bus.stats()).toMatchObject({ completed: 1, failed: 1 });
      expect(bus.stats().handlers['FlakyFilterConsumer.refund']).toMatchObject({ completed: 1, failed: 1 });
    });

    it('counts published events and running, queued, completed and failed tasks, in all and per handler', async () => {
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      await start(2);
      expect(bus.stats()).toMatchObject({ published: 0, running: 0, queued: 0, completed: 0, failed: 0 });

      for (let n = 1; n <= 5; n++) await bus.publish(new JobQueued(n, n % 2 === 0));
      await bus.publish('nobody.listens', {});

      expect(bus.stats()).toMatchObject({ published: 6, running: 2, queued: 3, completed: 0, failed: 0 });
      expect(bus.stats().handlers).toEqual({ 'JobsConsumer.run': { running: 2, queued: 3, completed: 0, failed: 0 } });

      app.get(JobsConsumer).gate.resolve();
      await bus.drain();

      expect(bus.stats()).toMatchObject({ published: 6, running: 0, queued: 0, delayed: 0, completed: 3, failed: 2, retried: 0, timedOut: 0, overdue: 0, rejected: 0 });
      expect(bus.stats().handlers).toEqual({ 'JobsConsumer.run': { running: 0, queued: 0, completed: 3, failed: 2 } });
    });
  });
});
