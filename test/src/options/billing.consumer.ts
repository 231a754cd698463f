import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';

@Injectable()
export class BillingConsumer {
  @OnEvent('invoice.created', { name: 'billing' })
  bill(): void {}
}
