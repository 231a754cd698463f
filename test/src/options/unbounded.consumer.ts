import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';

@Injectable()
export class UnboundedConsumer {
  @OnEvent('invoice.created', { concurrency: 0 })
  handle(): void {}
}
