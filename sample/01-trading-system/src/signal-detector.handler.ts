import { Injectable, Logger } from '@nestjs/common';
import { EventBus, OnEvent } from 'nestjs-async-event-bus';
import { PriceTick } from './price-tick.event.js';
import { TradeSignal } from './trade-signal.event.js';

/** Watches each symbol's ticks in order and signals a trade on a move of more than 0.7 %. */
@Injectable()
export class SignalDetector {
  private readonly logger = new Logger(SignalDetector.name);
  private readonly last = new Map<string, number>();
  /** Ticks that arrived out of order for their symbol: the `key` option keeps this at zero. */
  outOfOrder = 0;
  private readonly lastSequence = new Map<string, number>();

  constructor(private readonly bus: EventBus) {}

  @OnEvent(PriceTick, { key: (tick) => tick.symbol })
  async detect(tick: PriceTick): Promise<void> {
    if ((this.lastSequence.get(tick.symbol) ?? 0) >= tick.sequence) this.outOfOrder++;
    this.lastSequence.set(tick.symbol, tick.sequence);
    await new Promise((resolve) => setTimeout(resolve, 1)); // a model evaluation
    const previous = this.last.get(tick.symbol);
    this.last.set(tick.symbol, tick.price);
    if (previous === undefined) return;
    const move = (tick.price - previous) / previous;
    if (Math.abs(move) > 0.007) {
      // Not awaited: this handler holds its symbol's key, and the queue may be full of that symbol's
      // ticks, which wait for the key. The signal waits for room on its own; drain() covers it.
      this.bus.publish(new TradeSignal(tick.symbol, move > 0 ? 'sell' : 'buy', tick.price)).catch((error: unknown) => {
        this.logger.warn(`Signal for ${tick.symbol} not published: ${String(error)}`);
      });
    }
  }
}
