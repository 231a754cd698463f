import { Injectable } from '@nestjs/common';
import { OnEvent, type EventContext } from '../../../lib/index.js';

/** Shares one slot (module concurrency 1) between a retrying handler and another. */
@Injectable()
export class ReconciliationConsumer {
  readonly order: string[] = [];

  @OnEvent('books.reconcile', { retry: { attempts: 2, backoffMs: 50, jitter: false } })
  async reconcile(_payload: unknown, { attempt }: EventContext): Promise<void> {
    this.order.push(`reconcile ${attempt}`);
    if (attempt === 1) throw new Error('books are locked');
  }

  @OnEvent('books.report')
  async report(): Promise<void> {
    this.order.push('report');
  }
}
