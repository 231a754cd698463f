import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { RestockRequested } from './restock-requested.event.js';

@Injectable()
export class RestockConsumer {
  readonly restocked: number[] = [];

  @OnEvent(RestockRequested)
  async restock(event: RestockRequested): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.restocked.push(event.sku);
  }
}
