import { Event } from '../../../lib/index.js';

/** An event that rebuilds itself from the wire with `static fromJSON`, keeping its invariants. */
@Event('quote.published')
export class QuotePublished {
  static rebuilt = 0;

  constructor(
    readonly symbol: string,
    readonly bid: number,
    readonly ask: number,
  ) {
    if (ask < bid) throw new RangeError('ask below bid');
  }

  get spread(): number {
    return this.ask - this.bid;
  }

  static fromJSON(data: { symbol: string; bid: number; ask: number }): QuotePublished {
    QuotePublished.rebuilt++;
    return new QuotePublished(data.symbol, data.bid, data.ask);
  }
}
