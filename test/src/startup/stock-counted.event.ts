export class StockCounted {
  constructor(
    readonly source: string,
    readonly app: string,
  ) {}
}
