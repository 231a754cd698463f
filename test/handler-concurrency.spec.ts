import 'reflect-metadata';
import { describe, it, expect, afterEach } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule } from '../lib/index.js';
import { ReportRequested } from './src/fan-out/report-requested.event.js';
import { ReportsConsumer } from './src/fan-out/reports.consumer.js';

describe('handlers of one event', () => {
  let app: INestApplication;

  afterEach(async () => {
    await app?.close();
  });

  it('run concurrently: ten handlers of 100 ms each finish in well under the 1 s they would take in turn', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [EventBusModule.forRoot()], providers: [ReportsConsumer] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const bus = app.get(EventBus);

    const startedAt = Date.now();
    const result = await bus.publishAndWait(new ReportRequested('r-1'));
    const elapsed = Date.now() - startedAt;

    expect(result.outcomes).toHaveLength(10);
    expect(result.outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(app.get(ReportsConsumer).inFlight.max).toBe(10);
    expect(elapsed).toBeLessThan(600);
  });

  it('do not hold up the publisher: publish resolves before the handlers finish', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [EventBusModule.forRoot()], providers: [ReportsConsumer] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const bus = app.get(EventBus);
    const consumer = app.get(ReportsConsumer);

    await bus.publish(new ReportRequested('r-2'));

    expect(consumer.inFlight.now).toBe(10);
    await bus.drain();
    expect(consumer.inFlight.now).toBe(0);
  });
});
