import { Injectable } from '@nestjs/common';
import type { EventBusModuleOptions, EventBusOptionsFactory } from '../../../lib/index.js';

@Injectable()
export class BusOptionsFactory implements EventBusOptionsFactory {
  calls = 0;

  async createEventBusOptions(): Promise<EventBusModuleOptions> {
    this.calls++;
    await Promise.resolve();
    return { concurrency: 1 };
  }
}
