import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { TradingHandlers } from './trading.handlers.js';
import { TradingModule } from './trading.module.js';
import { report } from './worker-report.js';

/** One instance of the trading app: it runs the handlers on its share of the stream. */
const worker = process.env.WORKER_NAME ?? 'worker';
const app = await NestFactory.createApplicationContext(
  TradingModule.forProcess(worker, process.env.STREAM_PREFIX ?? 'trading-sample', [TradingHandlers]),
  { logger: ['error', 'warn'] },
);
process.once('SIGTERM', () => {
  // A graceful stop: the bus drains what it holds and acknowledges it, then the process leaves.
  void app.close().finally(() => {
    if (process.connected) process.disconnect();
  });
});
report({ type: 'ready', worker });
