export class TradeSettled {
  constructor(readonly tradeId: string) {}
}
