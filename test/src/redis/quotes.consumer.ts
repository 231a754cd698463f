import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { QuotePublished } from './quote-published.event.js';

@Injectable()
export class QuotesConsumer {
  static received: QuotePublished[] = [];
  static release: () => void = () => undefined;
  static hold = false;
  static started = 0;

  @OnEvent(QuotePublished, { name: 'quotes' })
  async take(quote: QuotePublished): Promise<void> {
    QuotesConsumer.started++;
    if (QuotesConsumer.hold) await new Promise<void>((resolve) => (QuotesConsumer.release = resolve));
    QuotesConsumer.received.push(quote);
  }
}
