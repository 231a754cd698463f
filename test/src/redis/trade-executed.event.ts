import { Event } from '../../../lib/index.js';

export interface Fill {
  venue: string;
  quantities: number[];
}

@Event('trade.executed')
export class TradeExecuted {
  constructor(
    readonly seq: number,
    readonly symbol: string,
    readonly at: Date,
    readonly fill: Fill,
  ) {}

  notional(): number {
    return this.fill.quantities.reduce((sum, q) => sum + q, 0);
  }
}
