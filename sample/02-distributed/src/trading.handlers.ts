import { Injectable } from '@nestjs/common';
import { OnEvent } from 'nestjs-async-event-bus';
import { PriceTick } from './price-tick.event.js';
import { report } from './worker-report.js';

const worker = process.env.WORKER_NAME ?? 'worker';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each handler is a consumer group: the workers share its ticks, each tick handled once. */
@Injectable()
export class TradingHandlers {
  @OnEvent(PriceTick, { name: 'signal-detector', key: (tick) => tick.symbol })
  async detect(tick: PriceTick): Promise<void> {
    await pause(3);
    report({ type: 'handled', worker, handler: 'signal-detector', sequence: tick.sequence });
  }

  @OnEvent(PriceTick, { name: 'risk-manager' })
  async revalue(tick: PriceTick): Promise<void> {
    await pause(5);
    report({ type: 'handled', worker, handler: 'risk-manager', sequence: tick.sequence });
  }

  @OnEvent(PriceTick, { name: 'audit-log' })
  record(tick: PriceTick): void {
    report({ type: 'handled', worker, handler: 'audit-log', sequence: tick.sequence });
  }
}
