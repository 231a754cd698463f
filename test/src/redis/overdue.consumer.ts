import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';

/** Runs far past its deadline and ignores its signal: how many copies of it run at once? */
@Injectable()
export class OverdueConsumer {
  static running = 0;
  static mostAtOnce = 0;
  static calls = 0;

  @OnEvent('report.render', { name: 'overdue', timeoutMs: 100 })
  async render(): Promise<void> {
    OverdueConsumer.calls++;
    OverdueConsumer.running++;
    OverdueConsumer.mostAtOnce = Math.max(OverdueConsumer.mostAtOnce, OverdueConsumer.running);
    await new Promise((resolve) => setTimeout(resolve, 900));
    OverdueConsumer.running--;
  }
}
