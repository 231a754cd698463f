import { Controller, Get } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { OrderPlaced } from './order-placed.event.js';

@Controller('orders')
export class OrdersController {
  readonly placed: OrderPlaced[] = [];

  @Get()
  list() {
    return this.placed;
  }

  @OnEvent(OrderPlaced)
  onPlaced(event: OrderPlaced) {
    this.placed.push(event);
    return event;
  }
}
