import 'reflect-metadata';
import { jest, describe, it, expect, afterEach, afterAll } from '@jest/globals';
import { Logger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule, type HandlerFailure } from '../lib/index.js';
import { PaymentReceived } from './src/failures/payment-received.event.js';
import { PaymentsConsumer } from './src/failures/payments.consumer.js';
import { recordUnhandledRejections } from './src/support/unhandled-rejections.js';
import { turns } from './src/support/wait-for.js';

const FAILING = ['PaymentsConsumer.throwsSync', 'PaymentsConsumer.rejects', 'PaymentsConsumer.throwsNonError'];

describe('a failing handler', () => {
  let app: INestApplication;
  const unhandled = recordUnhandledRejections();

  afterEach(async () => {
    await app.close();
    jest.restoreAllMocks();
  });

  afterAll(() => unhandled.stop());

  async function start(): Promise<{ bus: EventBus; consumer: PaymentsConsumer }> {
    const moduleRef = await Test.createTestingModule({ imports: [EventBusModule.forRoot()], providers: [PaymentsConsumer] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return { bus: app.get(EventBus), consumer: app.get(PaymentsConsumer) };
  }

  /** The `Logger#error` calls of the bus, as [message, stack]. */
  function busErrors(spy: jest.SpiedFunction<Logger['error']>): unknown[][] {
    return spy.mock.calls.filter((_, i) => (spy.mock.contexts[i] as { context?: string }).context === 'EventBus');
  }

  it('does not stop the other handlers of the event, and is logged once, with event, handler and stack', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { bus, consumer } = await start();
    const failures: HandlerFailure[] = [];
    bus.failures$.subscribe((failure) => failures.push(failure));

    await bus.publish(new PaymentReceived('p-1'));
    await bus.drain();

    expect(consumer.calls).toEqual({ throwsSync: ['p-1'], rejects: ['p-1'], throwsNonError: ['p-1'], books: ['p-1'], notifies: ['p-1'] });

    const logged = busErrors(error);
    expect(logged).toHaveLength(3);
    for (const handler of FAILING) {
      const lines = logged.filter(([message]) => String(message).includes(`"${handler}"`));
      expect(lines).toHaveLength(1);
      const [message, stack] = lines[0];
      expect(message).toContain('PaymentReceived');
      expect(typeof stack).toBe('string');
      expect((stack as string).length).toBeGreaterThan(0);
    }
    const stackOf = (handler: string): string => logged.find(([message]) => String(message).includes(`"${handler}"`))![1] as string;
    expect(stackOf('PaymentsConsumer.throwsSync')).toContain('sync failure on p-1');
    expect(stackOf('PaymentsConsumer.throwsSync')).toMatch(/\n\s+at /);
    expect(stackOf('PaymentsConsumer.rejects')).toContain('async failure on p-1');
    expect(stackOf('PaymentsConsumer.throwsNonError')).toContain('E_NOT_AN_ERROR');

    expect(failures.map((failure) => failure.handler).sort()).toEqual([...FAILING].sort());
    for (const failure of failures) {
      expect(failure).toMatchObject({ eventName: 'PaymentReceived', attempt: 1, willRetry: false });
      expect(failure.event).toBeInstanceOf(PaymentReceived);
    }
    expect(failures.find((f) => f.handler === 'PaymentsConsumer.throwsNonError')!.error).toEqual({ code: 'E_NOT_AN_ERROR', paymentId: 'p-1' });
    expect(bus.stats()).toMatchObject({ completed: 2, failed: 3 });
  });

  it('never becomes an unhandled rejection, and still receives the next event', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { bus, consumer } = await start();
    const before = unhandled.reasons.length;

    await bus.publish(new PaymentReceived('p-1'));
    await bus.drain();
    await bus.publish(new PaymentReceived('p-2'));
    const result = await bus.publishAndWait(new PaymentReceived('p-3'));
    await bus.drain();
    await turns();

    expect(unhandled.reasons.slice(before)).toEqual([]);
    expect(consumer.calls.throwsSync).toEqual(['p-1', 'p-2', 'p-3']);
    expect(consumer.calls.rejects).toEqual(['p-1', 'p-2', 'p-3']);
    expect(consumer.calls.throwsNonError).toEqual(['p-1', 'p-2', 'p-3']);
    expect(consumer.calls.books).toEqual(['p-1', 'p-2', 'p-3']);
    expect(result.outcomes.filter((outcome) => outcome.status === 'rejected').map((o) => o.handler).sort()).toEqual([...FAILING].sort());
  });
});
