import 'reflect-metadata';
import { jest, describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { Logger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule, type HandlerFailure, type PublishResult } from '../lib/index.js';
import { OrdersAuditorConsumer } from './src/matching/orders-auditor.consumer.js';
import { ORDER_SHIPPED } from './src/matching/order-shipped.event.js';
import { OrderPlaced } from './src/matching/order-placed.event.js';
import { OrderEvent } from './src/matching/order.event.js';
import { OrdersConsumer } from './src/matching/orders.consumer.js';
import { OrdersController } from './src/matching/orders.controller.js';
import { PriorityOrderPlaced } from './src/matching/priority-order-placed.event.js';

/** The handler ids of a result, sorted: who was invoked, each as often as it was. */
const handlers = (result: PublishResult): string[] => result.outcomes.map((outcome) => outcome.handler).sort();
const valueOf = (result: PublishResult, handler: string): unknown => {
  const outcome = result.outcomes.find((o) => o.handler === handler);
  return outcome?.status === 'fulfilled' ? outcome.value : outcome;
};

describe('which handlers an event reaches', () => {
  let app: INestApplication;
  let bus: EventBus;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [EventBusModule.forRoot()],
      providers: [OrdersConsumer, OrdersAuditorConsumer],
      controllers: [OrdersController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    bus = app.get(EventBus);
  });

  afterEach(async () => {
    await app.close();
  });

  describe('class events', () => {
    it('reach the handlers of their class and of every parent class, once each', async () => {
      const event = new OrderPlaced('o-1', 50);
      const result = await bus.publishAndWait(event);

      expect(handlers(result)).toEqual(['OrdersConsumer.anyOrder', 'OrdersConsumer.baseAndSub', 'OrdersController.onPlaced']);
      for (const outcome of result.outcomes) expect(outcome).toMatchObject({ status: 'fulfilled', value: event });
    });

    it('reach a handler of both a class and its parent once per event', async () => {
      const subclass = await bus.publishAndWait(new PriorityOrderPlaced('o-2', 50));
      const base = await bus.publishAndWait(new OrderEvent('o-3'));

      expect(handlers(subclass).filter((h) => h === 'OrdersConsumer.baseAndSub')).toHaveLength(1);
      expect(handlers(subclass)).toEqual(['OrdersConsumer.anyOrder', 'OrdersConsumer.baseAndSub', 'OrdersController.onPlaced']);
      expect(handlers(base)).toEqual(['OrdersConsumer.anyOrder', 'OrdersConsumer.baseAndSub']);
    });

    it('reach a handler only when its filter says yes', async () => {
      const small = await bus.publishAndWait(new PriorityOrderPlaced('o-4', 100));
      const big = await bus.publishAndWait(new PriorityOrderPlaced('o-5', 101));

      expect(handlers(small)).not.toContain('OrdersConsumer.bigOrder');
      expect(handlers(big)).toContain('OrdersConsumer.bigOrder');
    });

    it('do not reach name patterns, not even **', async () => {
      const result = await bus.publishAndWait(new OrderPlaced('o-6', 1));
      expect(handlers(result)).not.toContain('OrdersConsumer.everything');
    });

    it('reach handlers on controllers', async () => {
      const event = new OrderPlaced('o-7', 10);
      await bus.publishAndWait(event);
      expect(app.get(OrdersController).placed).toEqual([event]);
    });
  });

  describe('named events', () => {
    it.each([
      [
        'order.created',
        ['OrdersConsumer.anySegments', 'OrdersConsumer.createdCancelledOrShipped', 'OrdersConsumer.everything', 'OrdersConsumer.exact', 'OrdersConsumer.oneSegment'],
      ],
      [
        'order.cancelled',
        ['OrdersAuditorConsumer.audit', 'OrdersConsumer.anySegments', 'OrdersConsumer.createdCancelledOrShipped', 'OrdersConsumer.everything', 'OrdersConsumer.oneSegment'],
      ],
      ['order.updated', ['OrdersConsumer.anySegments', 'OrdersConsumer.everything', 'OrdersConsumer.oneSegment']],
      ['order', ['OrdersConsumer.anySegments', 'OrdersConsumer.everything']],
      ['order.line.added', ['OrdersConsumer.anySegments', 'OrdersConsumer.everything']],
      ['orders.created', ['OrdersConsumer.everything']],
      ['customer.created', ['OrdersConsumer.everything']],
    ])('%s reaches exact names and matching patterns', async (name, expected) => {
      const payload = { name };
      const result = await bus.publishAndWait(name, payload);

      expect(handlers(result)).toEqual(expected);
      for (const outcome of result.outcomes) expect(outcome).toMatchObject({ status: 'fulfilled', value: payload });
    });

    it('reach an inherited decorated method, under the id of the class that inherits it', async () => {
      await bus.publishAndWait('order.cancelled', { id: 'o-8' });
      expect(app.get(OrdersAuditorConsumer).audited).toEqual([{ id: 'o-8' }]);
    });

    it('reach each of the stacked decorators of one method, as a handler of its own', async () => {
      const sent = await bus.publishAndWait('invoice.sent', {});
      const paid = await bus.publishAndWait('invoice.paid', {});

      const invoiceOf = (result: PublishResult) => result.outcomes.filter((o) => o.handler.startsWith('OrdersConsumer.invoice'));
      expect(invoiceOf(sent)).toHaveLength(1);
      expect(invoiceOf(paid)).toHaveLength(1);
      // The decorator written first has the plain id, the next one `#2`.
      expect(invoiceOf(sent)[0].handler).toBe('OrdersConsumer.invoice');
      expect(invoiceOf(paid)[0].handler).toBe('OrdersConsumer.invoice#2');
      expect(valueOf(sent, invoiceOf(sent)[0].handler)).toEqual({ eventName: 'invoice.sent', handler: invoiceOf(sent)[0].handler });
      expect(valueOf(paid, invoiceOf(paid)[0].handler)).toEqual({ eventName: 'invoice.paid', handler: invoiceOf(paid)[0].handler });
    });

    it('report a filter that throws as that handler failing, without stopping the others', async () => {
      const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const failures: HandlerFailure[] = [];
      const subscription = bus.failures$.subscribe((failure) => failures.push(failure));
      try {
        const result = await bus.publishAndWait('refund.requested', {});
        expect(result.outcomes.find((o) => o.handler === 'OrdersConsumer.refund')).toMatchObject({ status: 'rejected', error: expect.any(TypeError), attempts: 0 });
        expect(valueOf(result, 'OrdersConsumer.everything')).toEqual({});
        expect(failures.map((f) => f.handler)).toEqual(['OrdersConsumer.refund']);
        expect(error).toHaveBeenCalledTimes(1);

        const ok = await bus.publishAndWait('refund.requested', { amount: 5 });
        expect(valueOf(ok, 'OrdersConsumer.refund')).toEqual({ amount: 5 });
      } finally {
        subscription.unsubscribe();
        error.mockRestore();
      }
    });
  });

  describe('symbol events', () => {
    it('reach the handlers of that very symbol, never of a look-alike or a pattern', async () => {
      const payload = { id: 'o-9' };
      const result = await bus.publishAndWait(ORDER_SHIPPED, payload);
      const lookAlike = await bus.publishAndWait(Symbol('order.shipped'), payload);

      expect(handlers(result)).toEqual(['OrdersConsumer.createdCancelledOrShipped', 'OrdersConsumer.shipped']);
      expect(valueOf(result, 'OrdersConsumer.shipped')).toEqual({ payload, eventName: 'Symbol(order.shipped)' });
      expect(lookAlike.outcomes).toEqual([]);
    });
  });
});
