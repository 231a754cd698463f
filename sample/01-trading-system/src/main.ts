import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventBus } from 'nestjs-async-event-bus';
import { AppModule } from './app.module.js';
import { AuditLog } from './audit-log.handler.js';
import { MarketDataFeed, SYMBOLS } from './market-data.feed.js';
import { OrderExecutor } from './order-executor.handler.js';
import { RiskManager } from './risk-manager.handler.js';
import { SignalDetector } from './signal-detector.handler.js';

const TICKS_PER_SYMBOL = Number(process.env.TICKS_PER_SYMBOL ?? 400);

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn', 'log'] });
  const bus = app.get(EventBus);
  let failures = 0;
  bus.failures$.subscribe(() => failures++);

  const started = performance.now();
  const ticks = await app.get(MarketDataFeed).run(TICKS_PER_SYMBOL);
  await bus.drain();
  const elapsed = performance.now() - started;

  const stats = bus.stats();
  const detector = app.get(SignalDetector);
  const executor = app.get(OrderExecutor);
  const summary = [
    `Trading session over ${SYMBOLS.length} symbols`,
    `  events published   ${stats.published} (${ticks} ticks, ${stats.published - ticks} trade signals)`,
    `  handler runs       ${stats.completed + stats.failed} (${stats.completed} completed, ${stats.failed} failed, ${stats.retried} retried)`,
    `  risk revaluations  ${app.get(RiskManager).revaluations} of ${ticks} ticks`,
    `  orders filled      ${executor.filled} (${executor.retriedOrders} after a broker retry)`,
    `  audit entries      ${app.get(AuditLog).entries.length}`,
    `  failures reported  ${failures} on failures$`,
    `  out-of-order ticks ${detector.outOfOrder} (per-symbol order held by the key option)`,
    `  elapsed            ${elapsed.toFixed(0)} ms`,
  ];
  new Logger('TradingSample').log(`\n${summary.join('\n')}`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
