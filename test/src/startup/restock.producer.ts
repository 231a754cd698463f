import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '../../../lib/index.js';
import { RestockRequested } from './restock-requested.event.js';

/** Publishes more events during startup than the bus has room for at once. */
@Injectable()
export class RestockProducer implements OnModuleInit {
  static readonly COUNT = 5;

  constructor(private readonly bus: EventBus) {}

  async onModuleInit(): Promise<void> {
    for (let sku = 1; sku <= RestockProducer.COUNT; sku++) await this.bus.publish(new RestockRequested(sku));
  }
}
