import { Injectable } from '@nestjs/common';
import { OnEvent } from 'nestjs-async-event-bus';
import { PriceTick } from './price-tick.event.js';

/**
 * Revalues exposure on every tick. Its price source drops a request now and then: those ticks
 * fail, are logged and counted, and the other handlers carry on.
 */
@Injectable()
export class RiskManager {
  revaluations = 0;

  @OnEvent(PriceTick)
  async revalue(tick: PriceTick): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 2)); // a call to the risk engine
    if (Math.random() < 0.004) throw new Error(`risk engine timed out revaluing ${tick.symbol}`);
    this.revaluations++;
  }
}
