import 'reflect-metadata';
import { jest, describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { Logger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule, type HandlerOutcome } from '../lib/index.js';
import { CheckoutCompleted } from './src/checkout/checkout-completed.event.js';
import { CheckoutConsumer } from './src/checkout/checkout.consumer.js';

describe('publishAndWait', () => {
  let app: INestApplication;
  let bus: EventBus;

  beforeEach(async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const moduleRef = await Test.createTestingModule({ imports: [EventBusModule.forRoot()], providers: [CheckoutConsumer] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    bus = app.get(EventBus);
  });

  afterEach(async () => {
    await app.close();
    jest.restoreAllMocks();
  });

  it("resolves with every handler's outcome, each with status, value or error, attempts and duration", async () => {
    const result = await bus.publishAndWait(new CheckoutCompleted('c-1'));

    expect(result.eventName).toBe('CheckoutCompleted');
    const byHandler = new Map<string, HandlerOutcome>(result.outcomes.map((outcome) => [outcome.handler, outcome]));
    expect([...byHandler.keys()].sort()).toEqual([
      'CheckoutConsumer.charge',
      'CheckoutConsumer.loyalty',
      'CheckoutConsumer.receipt',
      'CheckoutConsumer.warehouse',
    ]);
    expect(byHandler.get('CheckoutConsumer.receipt')).toMatchObject({ status: 'fulfilled', value: 'receipt for c-1', attempts: 1 });
    expect(byHandler.get('CheckoutConsumer.charge')).toMatchObject({ status: 'fulfilled', value: { charged: true, attempt: 2 }, attempts: 2 });
    expect(byHandler.get('CheckoutConsumer.loyalty')).toMatchObject({ status: 'rejected', attempts: 1 });
    const loyalty = byHandler.get('CheckoutConsumer.loyalty') as Extract<HandlerOutcome, { status: 'rejected' }>;
    expect(loyalty.error).toBeInstanceOf(RangeError);
    expect(loyalty.error).toMatchObject({ message: 'loyalty service down' });
    expect(byHandler.get('CheckoutConsumer.warehouse')).toMatchObject({ status: 'fulfilled', value: 'picked', attempts: 1 });
    for (const outcome of result.outcomes) {
      expect(typeof outcome.durationMs).toBe('number');
      expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    }
    // The warehouse takes 60 ms; half of it is a bound that a timer firing a little early still meets.
    expect(byHandler.get('CheckoutConsumer.warehouse')!.durationMs).toBeGreaterThanOrEqual(30);
  });

  it('is never fail-fast: it waits for the slow handler although another failed at once', async () => {
    const startedAt = Date.now();
    const result = await bus.publishAndWait(new CheckoutCompleted('c-2'));

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(30);
    expect(result.outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
  });

  it('resolves with no outcomes when no handler matches', async () => {
    await expect(bus.publishAndWait('nobody.listens', { x: 1 })).resolves.toEqual({ eventName: 'nobody.listens', outcomes: [] });
  });
});
