import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '../../../lib/index.js';
import { APP_NAME } from './app-name.token.js';
import { StockCounted } from './stock-counted.event.js';

/** Publishes before any handler is registered: from its constructor and from onModuleInit. */
@Injectable()
export class InventoryProducer implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    @Inject(APP_NAME) private readonly app: string,
  ) {
    void this.bus.publish(new StockCounted('constructor', app));
  }

  async onModuleInit(): Promise<void> {
    await this.bus.publish(new StockCounted('onModuleInit', this.app));
    await this.bus.publish('stock.counted', new StockCounted('onModuleInit, named', this.app));
  }
}
