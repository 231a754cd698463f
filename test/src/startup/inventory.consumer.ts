import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { StockCounted } from './stock-counted.event.js';

@Injectable()
export class InventoryConsumer {
  readonly received: StockCounted[] = [];

  @OnEvent(StockCounted)
  onStockCounted(event: StockCounted): void {
    this.received.push(event);
  }

  @OnEvent<StockCounted>('stock.*')
  onNamed(event: StockCounted): void {
    this.received.push(event);
  }
}
