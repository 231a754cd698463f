import { OrderEvent } from './order.event.js';

export class OrderPlaced extends OrderEvent {
  constructor(
    orderId: string,
    readonly total: number,
  ) {
    super(orderId);
  }
}
