export class DepositMade {
  constructor(
    readonly account: string,
    readonly seq: number,
  ) {}
}
