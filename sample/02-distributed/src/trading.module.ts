import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { EventBusModule, RedisStreamsTransport } from 'nestjs-async-event-bus';

/** The same app for every process: only the consumer name and the handlers it runs differ. */
@Module({})
export class TradingModule {
  static forProcess(consumer: string, streamPrefix: string, providers: Provider[]): DynamicModule {
    return {
      module: TradingModule,
      imports: [
        EventBusModule.forRoot({
          concurrency: 16,
          maxQueueSize: 32,
          transport: new RedisStreamsTransport({
            connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
            group: 'trading-sample',
            consumer,
            streamPrefix,
            batchSize: 16,
            blockMs: 200,
            claimIdleMs: 1_000,
          }),
        }),
      ],
      providers,
    };
  }
}
