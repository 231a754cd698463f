import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';

/** A handler whose filter throws on odd amounts, and whose body never fails. */
@Injectable()
export class FlakyFilterConsumer {
  calls = 0;

  @OnEvent<{ amount: number }>('refund.requested', {
    filter: (refund) => {
      if (refund.amount % 2 === 1) throw new Error(`cannot judge refund of ${refund.amount}`);
      return true;
    },
  })
  refund(): void {
    this.calls++;
  }
}
