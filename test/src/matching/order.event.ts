/** The base class of every order event. */
export class OrderEvent {
  constructor(readonly orderId: string) {}
}
