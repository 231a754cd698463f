import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';

/** Takes the handler id that BillingConsumer already uses. */
@Injectable()
export class AccountingConsumer {
  @OnEvent('invoice.paid', { name: 'billing' })
  record(): void {}
}
