export class PriceTick {
  constructor(
    readonly symbol: string,
    readonly seq: number,
  ) {}
}
