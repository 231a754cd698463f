import { Inject, Injectable, Optional } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { TradeExecuted } from './trade-executed.event.js';

export const INSTANCE = 'INSTANCE';

/** Shared across app instances of one process: who handled what, how often. */
export const handled = {
  settlement: new Map<number, number>(),
  reporting: new Map<number, number>(),
  byInstance: new Map<string, number>(),
  received: [] as TradeExecuted[],
  reset(): void {
    this.settlement.clear();
    this.reporting.clear();
    this.byInstance.clear();
    this.received.length = 0;
  },
};

function count(map: Map<number, number>, seq: number): void {
  map.set(seq, (map.get(seq) ?? 0) + 1);
}

@Injectable()
export class SettlementConsumer {
  constructor(@Optional() @Inject(INSTANCE) private readonly instance: string = 'unnamed') {}

  @OnEvent(TradeExecuted, { name: 'settlement' })
  settle(trade: TradeExecuted): void {
    count(handled.settlement, trade.seq);
    handled.byInstance.set(this.instance, (handled.byInstance.get(this.instance) ?? 0) + 1);
    handled.received.push(trade);
  }
}

@Injectable()
export class ReportingConsumer {
  @OnEvent(TradeExecuted, { name: 'reporting' })
  report(trade: TradeExecuted): void {
    count(handled.reporting, trade.seq);
  }
}
