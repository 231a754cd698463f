import { Injectable } from '@nestjs/common';
import { OnEvent, type EventContext } from '../../../lib/index.js';
import { QuoteRequested } from './quote-requested.event.js';

/** A handler that never settles and ignores its signal. */
@Injectable()
export class StuckQuotesConsumer {
  readonly signals: AbortSignal[] = [];

  @OnEvent(QuoteRequested, { timeoutMs: 40 })
  quote(_request: QuoteRequested, { signal }: EventContext): Promise<never> {
    this.signals.push(signal);
    return new Promise<never>(() => undefined);
  }
}
