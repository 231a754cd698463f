import { Injectable } from '@nestjs/common';
import { OnEvent, type EventContext } from 'nestjs-async-event-bus';
import { TradeSignal } from './trade-signal.event.js';

/** Sends an order for each signal to a broker that rejects a few on the first try. */
@Injectable()
export class OrderExecutor {
  filled = 0;
  retriedOrders = 0;

  @OnEvent(TradeSignal, { retry: { attempts: 3, backoffMs: 5 }, timeoutMs: 1_000 })
  async execute(signal: TradeSignal, { attempt, signal: abort }: EventContext): Promise<string> {
    if (attempt > 1) this.retriedOrders++;
    await new Promise((resolve) => setTimeout(resolve, 5)); // the broker's round trip
    if (abort.aborted) throw abort.reason;
    if (attempt === 1 && Math.random() < 0.05) throw new Error(`broker busy for ${signal.symbol}`);
    this.filled++;
    return `${signal.side} ${signal.symbol} @ ${signal.price}`;
  }
}
