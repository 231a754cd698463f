export class RestockRequested {
  constructor(readonly sku: number) {}
}
