import { Injectable } from '@nestjs/common';
import { EventBus, OnEvent } from '../../../lib/index.js';
import { PriceTick } from './price-tick.event.js';

/** Counts every tick it handles, and how many tasks were queued while it ran. */
@Injectable()
export class TicksTallyConsumer {
  handled = new Uint8Array(0);
  maxQueued = 0;

  constructor(private readonly bus: EventBus) {}

  expect(ticks: number): void {
    this.handled = new Uint8Array(ticks);
  }

  @OnEvent(PriceTick)
  async tally(tick: PriceTick): Promise<void> {
    this.handled[tick.seq]++;
    if (tick.seq % 50 === 0) this.maxQueued = Math.max(this.maxQueued, this.bus.stats().queued);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
