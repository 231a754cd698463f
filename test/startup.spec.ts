import 'reflect-metadata';
import { describe, it, expect, afterEach } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule } from '../lib/index.js';
import { InventoryConsumer } from './src/startup/inventory.consumer.js';
import { CONSUMER_ALIAS, InventoryModule } from './src/startup/inventory.module.js';
import { RestockConsumer } from './src/startup/restock.consumer.js';
import { RestockProducer } from './src/startup/restock.producer.js';
import { StockCounted } from './src/startup/stock-counted.event.js';

async function createApp(name: string): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [InventoryModule.forApp(name)] }).compile();
  return moduleRef.createNestApplication({ logger: false });
}

const sources = (consumer: InventoryConsumer): string[] => consumer.received.map((event) => `${event.app}: ${event.source}`);

describe('events published during startup', () => {
  const apps: INestApplication[] = [];

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('are held until handlers are registered, then each delivered once', async () => {
    const app = await createApp('one');
    apps.push(app);
    await app.init();
    const bus = app.get(EventBus);
    await bus.drain();

    const consumer = app.get(InventoryConsumer);
    expect(app.get(CONSUMER_ALIAS)).toBe(consumer);
    expect(sources(consumer).sort()).toEqual(['one: constructor', 'one: onModuleInit', 'one: onModuleInit, named'].sort());
    // In publish order.
    expect(sources(consumer)).toEqual(['one: constructor', 'one: onModuleInit', 'one: onModuleInit, named']);
    expect(bus.stats()).toMatchObject({ published: 3, completed: 3, failed: 0 });
    expect(Object.keys(bus.stats().handlers).sort()).toEqual(['InventoryConsumer.onNamed', 'InventoryConsumer.onStockCounted']);
  });

  it('are kept apart for two apps in one process: each app has its own bus', async () => {
    const one = await createApp('one');
    const two = await createApp('two');
    apps.push(one, two);
    await one.init();
    await two.init();
    const busOne = one.get(EventBus);
    const busTwo = two.get(EventBus);
    expect(busOne).not.toBe(busTwo);

    await busOne.publish(new StockCounted('later', 'one'));
    await busTwo.publish(new StockCounted('later', 'two'));
    await busTwo.publish('stock.recounted', new StockCounted('later, named', 'two'));
    await busOne.drain();
    await busTwo.drain();

    expect(sources(one.get(InventoryConsumer))).toEqual(['one: constructor', 'one: onModuleInit', 'one: onModuleInit, named', 'one: later']);
    expect(sources(two.get(InventoryConsumer))).toEqual([
      'two: constructor',
      'two: onModuleInit',
      'two: onModuleInit, named',
      'two: later',
      'two: later, named',
    ]);
  });

  it("are all delivered even when they outnumber the room of a bus with overflow 'reject': their publish already succeeded", async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [EventBusModule.forRoot({ concurrency: 1, maxQueueSize: 1, overflow: 'reject' })],
      providers: [RestockConsumer, RestockProducer],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    apps.push(app);
    await app.init();
    const bus = app.get(EventBus);
    await bus.drain();

    expect(app.get(RestockConsumer).restocked).toEqual([1, 2, 3, 4, 5]);
    expect(bus.stats()).toMatchObject({ published: RestockProducer.COUNT, completed: RestockProducer.COUNT, rejected: 0 });
  });
});
