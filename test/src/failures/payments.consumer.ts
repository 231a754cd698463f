import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { PaymentReceived } from './payment-received.event.js';

/** Three handlers that fail in three ways, and two that work, all on one event. */
@Injectable()
export class PaymentsConsumer {
  readonly calls: Record<string, string[]> = { throwsSync: [], rejects: [], throwsNonError: [], books: [], notifies: [] };

  @OnEvent(PaymentReceived)
  throwsSync(event: PaymentReceived): void {
    this.calls.throwsSync.push(event.paymentId);
    throw new Error(`sync failure on ${event.paymentId}`);
  }

  @OnEvent(PaymentReceived)
  async rejects(event: PaymentReceived): Promise<void> {
    this.calls.rejects.push(event.paymentId);
    await Promise.resolve();
    throw new Error(`async failure on ${event.paymentId}`);
  }

  @OnEvent(PaymentReceived)
  throwsNonError(event: PaymentReceived): void {
    this.calls.throwsNonError.push(event.paymentId);
    throw { code: 'E_NOT_AN_ERROR', paymentId: event.paymentId };
  }

  @OnEvent(PaymentReceived)
  async books(event: PaymentReceived): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.calls.books.push(event.paymentId);
    return 'booked';
  }

  @OnEvent(PaymentReceived)
  notifies(event: PaymentReceived): void {
    this.calls.notifies.push(event.paymentId);
  }
}
