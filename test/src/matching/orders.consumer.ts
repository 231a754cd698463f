import { Injectable } from '@nestjs/common';
import { OnEvent, type EventContext } from '../../../lib/index.js';
import { ORDER_SHIPPED } from './order-shipped.event.js';
import { OrderPlaced } from './order-placed.event.js';
import { OrderEvent } from './order.event.js';

/** One handler per way of matching. Each returns what it received, so outcomes show it. */
@Injectable()
export class OrdersConsumer {
  @OnEvent(OrderEvent)
  anyOrder(event: OrderEvent) {
    return event;
  }

  @OnEvent([OrderEvent, OrderPlaced])
  baseAndSub(event: OrderEvent) {
    return event;
  }

  @OnEvent(OrderPlaced, { filter: (event) => event.total > 100 })
  bigOrder(event: OrderPlaced) {
    return event;
  }

  @OnEvent('order.*')
  oneSegment(payload: unknown) {
    return payload;
  }

  @OnEvent('order.**')
  anySegments(payload: unknown) {
    return payload;
  }

  @OnEvent('**')
  everything(payload: unknown) {
    return payload;
  }

  @OnEvent('order.created')
  exact(payload: unknown) {
    return payload;
  }

  @OnEvent(ORDER_SHIPPED)
  shipped(payload: unknown, { eventName }: EventContext) {
    return { payload, eventName };
  }

  @OnEvent(['order.created', 'order.cancelled', ORDER_SHIPPED])
  createdCancelledOrShipped(payload: unknown) {
    return payload;
  }

  @OnEvent('invoice.sent')
  @OnEvent('invoice.paid')
  invoice(_payload: unknown, { eventName, handler }: EventContext) {
    return { eventName, handler };
  }

  @OnEvent('refund.requested', {
    filter: (payload: { amount?: number }) => {
      if (payload.amount === undefined) throw new TypeError('a refund needs an amount');
      return true;
    },
  })
  refund(payload: unknown) {
    return payload;
  }
}
