import { Injectable } from '@nestjs/common';
import { OnEvent } from 'nestjs-async-event-bus';
import { PriceTick } from './price-tick.event.js';
import { TradeSignal } from './trade-signal.event.js';

/** Records every tick and signal, as an append-only log would. */
@Injectable()
export class AuditLog {
  readonly entries: string[] = [];

  @OnEvent([PriceTick, TradeSignal])
  record(event: PriceTick | TradeSignal): void {
    this.entries.push(`${event.constructor.name} ${event.symbol} ${event.price}`);
  }
}
