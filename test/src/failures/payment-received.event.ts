export class PaymentReceived {
  constructor(readonly paymentId: string) {}
}
