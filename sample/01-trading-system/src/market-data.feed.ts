import { Injectable } from '@nestjs/common';
import { EventBus } from 'nestjs-async-event-bus';
import { PriceTick } from './price-tick.event.js';

export const SYMBOLS = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA', 'HOOLI'];

/** Publishes a random walk of prices for a few symbols, as fast as the bus takes them. */
@Injectable()
export class MarketDataFeed {
  private readonly prices = new Map(SYMBOLS.map((symbol, i) => [symbol, 100 + i * 25]));

  constructor(private readonly bus: EventBus) {}

  async run(ticksPerSymbol: number): Promise<number> {
    let published = 0;
    for (let sequence = 1; sequence <= ticksPerSymbol; sequence++) {
      for (const symbol of SYMBOLS) {
        const price = this.prices.get(symbol)! * (1 + (Math.random() - 0.5) * 0.02);
        this.prices.set(symbol, price);
        // Awaiting publish is the backpressure: the feed slows to the handlers' pace when they fall behind.
        await this.bus.publish(new PriceTick(symbol, Number(price.toFixed(2)), sequence));
        published++;
      }
    }
    return published;
  }
}
