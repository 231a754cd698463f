/** A new price for one symbol from the market-data feed. */
export class PriceTick {
  constructor(
    readonly symbol: string,
    readonly price: number,
    readonly sequence: number,
  ) {}
}
