import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { InFlightCounter } from '../support/in-flight.counter.js';
import { PriceTick } from './price-tick.event.js';

/** Two handlers of one event: one held only by the module's concurrency, one by its own as well. */
@Injectable()
export class TicksConsumer {
  readonly all = new InFlightCounter();
  readonly charting = new InFlightCounter();
  readonly alerting = new InFlightCounter();

  @OnEvent(PriceTick)
  async chart(tick: PriceTick): Promise<void> {
    this.all.enter();
    this.charting.enter();
    await new Promise((resolve) => setTimeout(resolve, tick.seq % 3));
    this.charting.leave();
    this.all.leave();
  }

  @OnEvent(PriceTick, { concurrency: 2 })
  async alert(tick: PriceTick): Promise<void> {
    this.all.enter();
    this.alerting.enter();
    await new Promise((resolve) => setTimeout(resolve, tick.seq % 3));
    this.alerting.leave();
    this.all.leave();
  }
}
