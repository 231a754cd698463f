import { Injectable } from '@nestjs/common';
import { OnEvent, type EventContext } from '../../../lib/index.js';
import { QuoteRequested } from './quote-requested.event.js';

/** A handler that would never finish, but gives up as soon as its signal aborts. */
@Injectable()
export class PoliteQuotesConsumer {
  readonly log: string[] = [];

  @OnEvent(QuoteRequested, { timeoutMs: 40 })
  quote(request: QuoteRequested, { signal }: EventContext): Promise<never> {
    this.log.push(`${request.symbol} started`);
    return new Promise<never>((_resolve, reject) => {
      signal.addEventListener('abort', () => {
        this.log.push(`${request.symbol} gave up`);
        reject(signal.reason);
      });
    });
  }
}
