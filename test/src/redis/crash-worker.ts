import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventBusModule, OnEvent, RedisStreamsTransport } from '../../../lib/index.js';
import { TradeExecuted } from './trade-executed.event.js';

/**
 * A second instance for the crash test: it takes entries of the settlement handler and finishes
 * only some of them (it reports each it finishes), then it is killed with SIGKILL.
 */
@Injectable()
class StuckSettlement {
  @OnEvent(TradeExecuted, { name: 'settlement' })
  async settle(trade: TradeExecuted): Promise<void> {
    if (trade.seq % 3 === 0) {
      process.stdout.write(`done ${trade.seq}\n`);
      return;
    }
    process.stdout.write(`holding ${trade.seq}\n`);
    await new Promise(() => undefined);
  }
}

const prefix = process.argv[2];

@Module({
  imports: [
    EventBusModule.forRoot({
      concurrency: 8,
      maxQueueSize: 1,
      transport: new RedisStreamsTransport({
        connection: 'redis://127.0.0.1:6379',
        group: 'test-app',
        consumer: 'doomed',
        streamPrefix: prefix,
        batchSize: 4,
        blockMs: 100,
        claimIdleMs: 500,
      }),
    }),
  ],
  providers: [StuckSettlement],
})
class WorkerModule {}

const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
await app.init();
process.stdout.write('ready\n');
