import { Injectable } from '@nestjs/common';
import { OnEvent, type EventContext } from '../../../lib/index.js';
import { CheckoutCompleted } from './checkout-completed.event.js';

/** Four handlers with four fates: a value, a success on the second try, a failure, and a slow success. */
@Injectable()
export class CheckoutConsumer {
  @OnEvent(CheckoutCompleted)
  receipt(event: CheckoutCompleted): string {
    return `receipt for ${event.cartId}`;
  }

  @OnEvent(CheckoutCompleted, { retry: { attempts: 3, backoffMs: 1, jitter: false } })
  async charge(_event: CheckoutCompleted, { attempt }: EventContext): Promise<{ charged: true; attempt: number }> {
    if (attempt === 1) throw new Error('payment gateway busy');
    return { charged: true, attempt };
  }

  @OnEvent(CheckoutCompleted)
  async loyalty(): Promise<never> {
    throw new RangeError('loyalty service down');
  }

  @OnEvent(CheckoutCompleted)
  async warehouse(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 60));
    return 'picked';
  }
}
