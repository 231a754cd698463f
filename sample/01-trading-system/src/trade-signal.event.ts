/** The signal detector saw a move worth trading on. */
export class TradeSignal {
  constructor(
    readonly symbol: string,
    readonly side: 'buy' | 'sell',
    readonly price: number,
  ) {}
}
