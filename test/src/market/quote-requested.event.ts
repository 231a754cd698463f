export class QuoteRequested {
  constructor(readonly symbol: string) {}
}
