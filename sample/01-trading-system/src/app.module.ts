import { Module } from '@nestjs/common';
import { EventBusModule } from 'nestjs-async-event-bus';
import { AuditLog } from './audit-log.handler.js';
import { MarketDataFeed } from './market-data.feed.js';
import { OrderExecutor } from './order-executor.handler.js';
import { RiskManager } from './risk-manager.handler.js';
import { SignalDetector } from './signal-detector.handler.js';

@Module({
  imports: [EventBusModule.forRoot({ concurrency: 64, maxQueueSize: 1_000 })],
  providers: [MarketDataFeed, SignalDetector, RiskManager, OrderExecutor, AuditLog],
})
export class AppModule {}
