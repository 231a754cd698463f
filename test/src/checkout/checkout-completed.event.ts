export class CheckoutCompleted {
  constructor(readonly cartId: string) {}
}
