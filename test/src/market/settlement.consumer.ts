import { Injectable } from '@nestjs/common';
import { NonRetriableError, OnEvent, type EventContext } from '../../../lib/index.js';
import { TradeSettled } from './trade-settled.event.js';

@Injectable()
export class SettlementConsumer {
  readonly confirmAttempts: Array<{ attempt: number; at: number }> = [];
  readonly rejectAttempts: number[] = [];

  /** Fails twice, then succeeds. */
  @OnEvent(TradeSettled, { retry: { attempts: 3, backoffMs: 25, factor: 3, jitter: false } })
  async confirm(trade: TradeSettled, { attempt }: EventContext): Promise<string> {
    this.confirmAttempts.push({ attempt, at: performance.now() });
    if (attempt < 3) throw new Error(`clearing house unavailable (attempt ${attempt})`);
    return `confirmed ${trade.tradeId}`;
  }

  /** Fails in a way that no retry can fix. */
  @OnEvent('trade.rejected', { retry: { attempts: 5, backoffMs: 1 } })
  async reject(_payload: unknown, { attempt }: EventContext): Promise<never> {
    this.rejectAttempts.push(attempt);
    throw new NonRetriableError('the trade does not exist');
  }
}
