import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';

export const poisonCalls = { count: 0 };

/** A handler whose work can never succeed. */
@Injectable()
export class AlwaysFailingConsumer {
  @OnEvent('ledger.broken', { name: 'ledger' })
  apply(): never {
    poisonCalls.count++;
    throw new Error('ledger rejects this entry');
  }
}
